"""General assemblies (주민총회) and autonomy plans (자치계획) with their agenda items (생활의제).

An assembly is one per dong and year; its turnout is measured against the adult population stored
on the row (entered by staff, or estimated from the reference population when it was recorded), so
a later change of the estimate never rewrites a past turnout.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from maeul_db.models.base import IdTimestamps, choice, district_fk


class PopulationBasis(StrEnum):
    entered = "entered"  # staff entered the dong's adult population (e.g. from the dong office)
    estimated = "estimated"  # total reference population times the adult share (docs/indicators.md)


class BudgetSource(StrEnum):
    citizen_budget = "citizen_budget"  # 동단위 (계획형) 시민참여예산
    resident_tax = "resident_tax"  # 주민세 개인균등분 환원
    district_budget = "district_budget"  # 자치구 예산
    other = "other"


class GeneralAssembly(IdTimestamps, table=True):
    __tablename__ = "general_assembly"
    __table_args__ = (UniqueConstraint("dong_code", "year"),)

    district_code: str = district_fk()
    dong_code: str = Field(foreign_key="dong.code", max_length=10, index=True)
    year: int
    held_on: date
    # Residents present on site; of them, those who voted; pre-voters voted before the day and
    # are other people (a pre-voter does not vote again on site).
    present: int = Field(ge=0)
    onsite_voters: int = Field(ge=0)
    prevoters: int = Field(ge=0)
    adult_population: int = Field(gt=0)
    population_basis: PopulationBasis = choice(16)
    note: str | None = Field(default=None, max_length=500)
    recorded_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")


class AutonomyPlan(IdTimestamps, table=True):
    __tablename__ = "autonomy_plan"
    __table_args__ = (UniqueConstraint("dong_code", "year"),)

    district_code: str = district_fk()
    dong_code: str = Field(foreign_key="dong.code", max_length=10, index=True)
    year: int
    title: str = Field(max_length=200)
    # The assembly that voted the plan (usually the year before the plan's year).
    assembly_id: int | None = Field(default=None, foreign_key="general_assembly.id", index=True)


class AgendaItem(IdTimestamps, table=True):
    __tablename__ = "agenda_item"

    plan_id: int = Field(foreign_key="autonomy_plan.id", index=True)
    district_code: str = district_fk()
    title: str = Field(max_length=200)
    # Free text until the councils' subcommittees can be linked.
    subcommittee: str | None = Field(default=None, max_length=100)
    votes_for: int | None = Field(default=None, ge=0)
    votes_against: int | None = Field(default=None, ge=0)
    votes_abstain: int | None = Field(default=None, ge=0)
    budget_source: BudgetSource | None = choice(20, default=None)
    budget_requested_krw: int | None = Field(default=None, ge=0)
    budget_granted_krw: int | None = Field(default=None, ge=0)
    # The project that executes the item (its district's).
    project_id: int | None = Field(default=None, foreign_key="project.id", index=True)
