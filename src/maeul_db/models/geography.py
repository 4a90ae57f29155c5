"""Reference geography: districts (자치구), dongs (행정동) with validity and successor links."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field, SQLModel

from maeul_db.models.base import choice


class District(SQLModel, table=True):
    code: str = Field(primary_key=True, max_length=5)
    name_ko: str = Field(max_length=20, unique=True)
    name_en: str = Field(max_length=40)
    population: int | None = None
    population_korean: int | None = None
    population_foreign: int | None = None
    households: int | None = None
    population_period: str | None = Field(default=None, max_length=10)


class Dong(SQLModel, table=True):
    """A dong as it existed between ``valid_from`` and ``valid_to``; a code never changes meaning."""

    code: str = Field(primary_key=True, max_length=10)
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    name_ko: str = Field(max_length=30, index=True)
    name_ko_official: str | None = Field(default=None, max_length=30)
    name_en: str | None = Field(default=None, max_length=60)
    code8: str | None = Field(default=None, max_length=8)
    kostat_code: str | None = Field(default=None, max_length=8)
    valid_from: date | None = None
    valid_to: date | None = None
    population: int | None = None
    population_korean: int | None = None
    population_period: str | None = Field(default=None, max_length=10)
    population_note: str | None = Field(default=None, max_length=200)


class DongChangeKind(StrEnum):
    rename = "rename"
    split_into = "split"  # not `split`: that would shadow str.split
    merge = "merge"
    boundary = "boundary"


class DongSuccession(SQLModel, table=True):
    """``predecessor`` became (all or part of) ``successor`` on ``effective_on``."""

    __tablename__ = "dong_succession"

    predecessor_code: str = Field(foreign_key="dong.code", primary_key=True, max_length=10)
    successor_code: str = Field(foreign_key="dong.code", primary_key=True, max_length=10)
    effective_on: date
    kind: DongChangeKind = choice(16)
    note: str | None = Field(default=None, max_length=200)
