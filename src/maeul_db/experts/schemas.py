"""Expert pool and placement schemas."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel

from maeul_db.kit.schemas import InputSchema
from maeul_db.training.schemas import RuleCheck


class Eligibility(SQLModel):
    """Whether a person is in the expert pool, rule by rule."""

    person_id: int
    eligible: bool
    eligible_since: date | None
    checks: list[RuleCheck]


class PoolMember(SQLModel):
    """What districts see of a pool member when selecting: no contact data."""

    person_id: int
    name: str
    birth_year: int
    eligible_since: date
    placed_dong_codes: list[str]


class PlacementCreate(InputSchema):
    person_id: int
    dong_code: str = Field(regex=r"^11\d{8}$")
    valid_from: date
    valid_to: date | None = None


class PlacementPublic(SQLModel):
    id: int
    person_id: int
    person_name: str
    district_code: str
    dong_code: str
    valid_from: date
    valid_to: date | None


class DongCoverage(SQLModel):
    dong_code: str
    dong_name: str
    placed: int
    target: int
    gap: int
    ending_soon: list[PlacementPublic]


class Coverage(SQLModel):
    district_code: str
    as_of: date
    within_days: int
    target_per_dong: int
    dongs: list[DongCoverage]
    total_placed: int
    total_gap: int
    dongs_without_expert: int
