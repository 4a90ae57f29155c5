"""Activity and attendance schemas."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlmodel import Field, SQLModel

from maeul_db.kit.patch import PatchSchema
from maeul_db.kit.schemas import InputSchema
from maeul_db.models import ActivityKind


class ActivityCreate(InputSchema):
    title: str = Field(min_length=1, max_length=200)
    kind: ActivityKind = ActivityKind.meeting
    held_on: date
    hours: Decimal = Field(default=Decimal("1"), ge=0, le=24)
    project_id: int | None = None
    group_id: int | None = None
    # People who came without being named; the headcount adds the named attendees to it.
    unnamed_count: int = Field(default=0, ge=0, le=100_000)


class ActivityUpdate(PatchSchema):
    NOT_NULL = ("title", "kind", "hours", "unnamed_count")

    title: str | None = Field(default=None, min_length=1, max_length=200)
    kind: ActivityKind | None = None
    hours: Decimal | None = Field(default=None, ge=0, le=24)
    unnamed_count: int | None = Field(default=None, ge=0, le=100_000)


class ActivityPublic(SQLModel):
    id: int
    title: str
    kind: ActivityKind
    held_on: date
    hours: Decimal
    district_code: str
    project_id: int | None
    group_id: int | None
    unnamed_count: int
    # Always the named attendees plus unnamed_count.
    headcount: int


class ActivitiesPublic(SQLModel):
    data: list[ActivityPublic]
    count: int


class AttendanceCreate(InputSchema):
    person_ids: list[int] = Field(min_length=1, max_length=1000)
    hours: Decimal | None = Field(default=None, ge=0, le=24)


class AttendancePublic(SQLModel):
    activity_id: int
    person_id: int
    hours: Decimal | None


class AttendanceHours(InputSchema):
    """Fix one attendee's recognised hours; null means the activity's hours."""

    hours: Decimal | None = Field(default=None, ge=0, le=24)


class AttendanceVoid(InputSchema):
    """Take a person off the sheet: they were recorded but did not attend."""

    reason: str = Field(min_length=1, max_length=200)
