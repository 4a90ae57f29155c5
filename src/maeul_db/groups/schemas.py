"""Group and membership schemas."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from maeul_db.kit.patch import PatchSchema
from maeul_db.kit.schemas import InputSchema
from maeul_db.models import GroupTheme, MembershipRole


class GroupCreate(InputSchema):
    name: str = Field(min_length=1, max_length=100)
    district_code: str | None = Field(default=None, regex=r"^11\d{3}$")
    dong_code: str | None = Field(default=None, regex=r"^11\d{8}$")
    theme: GroupTheme = GroupTheme.other
    founded_on: date


class GroupUpdate(PatchSchema):
    NOT_NULL = ("name", "theme")

    name: str | None = Field(default=None, min_length=1, max_length=100)
    dong_code: str | None = Field(default=None, regex=r"^11\d{8}$")
    theme: GroupTheme | None = None
    # Setting it ends the group (history stays); memberships are closed separately.
    dissolved_on: date | None = None


class GroupPublic(SQLModel):
    id: int
    name: str
    district_code: str
    dong_code: str | None
    theme: GroupTheme
    founded_on: date
    dissolved_on: date | None


class GroupsPublic(SQLModel):
    data: list[GroupPublic]
    count: int


class MembershipCreate(InputSchema):
    person_id: int
    role: MembershipRole = MembershipRole.member
    valid_from: date
    valid_to: date | None = None


class MembershipPublic(SQLModel):
    id: int
    group_id: int
    person_id: int
    role: MembershipRole
    valid_from: date
    valid_to: date | None
    voided_at: datetime | None = None
    void_reason: str | None = None


class MembershipRoleChange(InputSchema):
    """A new role from ``on``: the membership ends the day before and the next one opens."""

    role: MembershipRole
    on: date
