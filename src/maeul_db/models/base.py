"""Shared columns, naming convention and column types for every table."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import StringConstraints
from sqlalchemy import DateTime, Dialect, MetaData, String
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from maeul_db.kit.time import utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata = MetaData(naming_convention=NAMING_CONVENTION)
metadata = SQLModel.metadata

DistrictCode = Annotated[str, StringConstraints(pattern=r"^11\d{3}$")]
DongCode = Annotated[str, StringConstraints(pattern=r"^11\d{8}$")]


class AwareDateTime(TypeDecorator[datetime]):
    """``timestamptz`` on PostgreSQL; on SQLite, which keeps no offset, values are stored in UTC and
    read back as UTC-aware, so every response carries a timezone whichever database served it."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None and dialect.name == "sqlite":
            return value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def aware_datetime(**kwargs: Any) -> Any:
    """A timezone-aware timestamp column."""
    return Field(sa_type=AwareDateTime(), **kwargs)


def choice(length: int = 32, **kwargs: Any) -> Any:
    """A StrEnum stored as plain text, so adding a choice needs no database enum migration."""
    return Field(sa_type=String(length), **kwargs)


def district_fk(**kwargs: Any) -> Any:
    return Field(foreign_key="district.code", max_length=5, index=True, **kwargs)


def dong_fk(**kwargs: Any) -> Any:
    return Field(foreign_key="dong.code", max_length=10, **kwargs)


class IdTimestamps(SQLModel):
    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = aware_datetime(default_factory=utcnow)
    updated_at: datetime = aware_datetime(
        default_factory=utcnow, sa_column_kwargs={"onupdate": utcnow}
    )


class Interval(SQLModel):
    """A relationship valid on ``valid_from <= D < valid_to``; ``valid_to`` NULL means still open.

    Ending sets ``valid_to``. A wrong entry is voided (``voided_at`` + reason), never deleted, so an end
    and a correction stay apart.
    """

    valid_from: date = Field(index=True)
    valid_to: date | None = Field(default=None)
    voided_at: datetime | None = aware_datetime(default=None)
    void_reason: str | None = Field(default=None, max_length=200)
