"""Community space and village network shapes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlmodel import Field, SQLModel

from maeul_db.kit.schemas import InputSchema
from maeul_db.models import SpaceKind

DISTRICT = r"^11\d{3}$"
DONG = r"^11\d{8}$"
# The plan: 3 operator jobs per space (shown against the space's current operators).
OPERATORS_PER_SPACE = 3


class SpaceCreate(InputSchema):
    """A space open from ``valid_from``; ``valid_to`` (exclusive) when it has closed."""

    district_code: str | None = Field(default=None, regex=DISTRICT)
    dong_code: str = Field(regex=DONG)
    name: str = Field(min_length=1, max_length=200)
    address: str = Field(min_length=1, max_length=300)
    kind: SpaceKind
    valid_from: date
    valid_to: date | None = None


class OperatorCreate(InputSchema):
    """An operator job at the space, recorded as the person's ``space_operator`` career."""

    person_id: int = Field(ge=1)
    valid_from: date
    valid_to: date | None = None
    hours_per_week: Decimal | None = Field(default=None, ge=0, le=168)


class OperatorPublic(SQLModel):
    id: int
    career_id: int
    person_id: int
    person_name: str
    valid_from: date
    valid_to: date | None
    verified: bool


class SpacePublic(SQLModel):
    id: int
    district_code: str
    dong_code: str
    dong_name: str
    name: str
    address: str
    kind: SpaceKind
    valid_from: date
    valid_to: date | None
    operators: list[OperatorPublic] = []
    current_operators: int = 0
    operators_target: int = OPERATORS_PER_SPACE


class NetworkCreate(InputSchema):
    """Without ``district_code``, the user's own district."""

    district_code: str | None = Field(default=None, regex=DISTRICT)
    name: str = Field(min_length=1, max_length=200)
    founded_on: date | None = None


class MemberCreate(InputSchema):
    """A group of the network's district joins on ``valid_from``."""

    group_id: int = Field(ge=1)
    valid_from: date
    valid_to: date | None = None


class MemberClose(InputSchema):
    valid_to: date


class MemberPublic(SQLModel):
    id: int
    group_id: int
    group_name: str
    valid_from: date
    valid_to: date | None


class NetworkPublic(SQLModel):
    id: int
    district_code: str
    name: str
    founded_on: date | None
    members: list[MemberPublic] = []
    current_members: int = 0
