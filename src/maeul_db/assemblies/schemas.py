"""Assembly, plan and agenda-item shapes: what staff send, what the API returns."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlmodel import Field, SQLModel

from maeul_db.kit.schemas import InputSchema
from maeul_db.models import BudgetSource, PopulationBasis

DISTRICT = r"^11\d{3}$"
DONG = r"^11\d{8}$"


class AssemblyCreate(InputSchema):
    """One assembly per dong and year (the year is the date's). Without ``adult_population`` the
    base is estimated from the dong's reference population (docs/indicators.md)."""

    district_code: str | None = Field(default=None, regex=DISTRICT)
    dong_code: str = Field(regex=DONG)
    held_on: date
    present: int = Field(ge=0, le=1_000_000)
    onsite_voters: int = Field(ge=0, le=1_000_000)
    prevoters: int = Field(ge=0, le=1_000_000)
    adult_population: int | None = Field(default=None, gt=0, le=1_000_000)
    note: str | None = Field(default=None, max_length=500)


class Turnout(SQLModel):
    """Who took part and voted, against the adult population, and whether the quorum held."""

    participants: int  # present on site + pre-voters
    voters: int  # on-site voters + pre-voters
    turnout_percent: Decimal  # voters / adults, 2 decimals
    attendance_percent: Decimal  # participants / adults, 2 decimals
    quorum_needed: int  # 1% of adults, rounded up
    quorum_met: bool


class AssemblyPublic(SQLModel):
    id: int
    district_code: str
    dong_code: str
    dong_name: str
    year: int
    held_on: date
    present: int
    onsite_voters: int
    prevoters: int
    adult_population: int
    population_basis: PopulationBasis
    note: str | None
    turnout: Turnout


class PlanCreate(InputSchema):
    """An autonomy plan for a dong and year; ``assembly_id`` names the assembly that voted it."""

    district_code: str | None = Field(default=None, regex=DISTRICT)
    dong_code: str = Field(regex=DONG)
    year: int = Field(ge=2012, le=2100)
    title: str = Field(min_length=1, max_length=200)
    assembly_id: int | None = None


class ItemCreate(InputSchema):
    title: str = Field(min_length=1, max_length=200)
    subcommittee: str | None = Field(default=None, max_length=100)
    budget_source: BudgetSource | None = None
    budget_requested_krw: int | None = Field(default=None, ge=0, le=2_000_000_000)
    budget_granted_krw: int | None = Field(default=None, ge=0, le=2_000_000_000)


class VotesRecord(InputSchema):
    """The assembly's votes on one item (on-site and pre-votes together)."""

    votes_for: int = Field(ge=0, le=1_000_000)
    votes_against: int = Field(ge=0, le=1_000_000)
    votes_abstain: int = Field(ge=0, le=1_000_000)


class ProjectLink(InputSchema):
    """The project (of the item's district) that executes the item."""

    project_id: int = Field(ge=1)


class ItemPublic(SQLModel):
    id: int
    plan_id: int
    district_code: str
    title: str
    subcommittee: str | None
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    votes_total: int | None
    adopted: bool | None  # None until voted
    budget_source: BudgetSource | None
    budget_requested_krw: int | None
    budget_granted_krw: int | None
    project_id: int | None
    project_name: str | None = None


class PlanPublic(SQLModel):
    id: int
    district_code: str
    dong_code: str
    dong_name: str
    year: int
    title: str
    assembly_id: int | None
    items: list[ItemPublic]
    budget_requested_krw: int
    budget_granted_krw: int


class DongTurnout(SQLModel):
    """One dong's assembly of a year on the city page."""

    district_code: str
    district_name: str
    dong_code: str
    dong_name: str
    assembly_id: int
    held_on: date
    voters: int
    adult_population: int
    turnout_percent: Decimal
    quorum_met: bool


class TurnoutSummary(SQLModel):
    """The year's assemblies: per dong, and the share of dongs that held one reaching 1%."""

    year: int
    rows: list[DongTurnout]
    assemblies: int
    quorum_met: int
    quorum_share_percent: Decimal | None  # of dongs that held an assembly
    voters: int
    adult_population: int
    turnout_percent: Decimal | None  # all voters / all adults of those dongs
