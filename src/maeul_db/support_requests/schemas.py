"""Input and output shapes of the training and consulting requests (API and pages)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlmodel import Field, SQLModel

from maeul_db.kit.schemas import InputSchema


class TrainingRequestCreate(InputSchema):
    """Staff name a person they can see (``person_id``); a representative names a member of the
    group (``group_id``) by name and birth year."""

    program_id: int
    person_id: int | None = None
    group_id: int | None = None
    name: str = Field(default="", max_length=100)
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    motivation: str = Field(default="", max_length=1000)


class ConsultingRequestCreate(InputSchema):
    group_id: int
    topic: str = Field(min_length=1, max_length=200)
    detail: str = Field(default="", max_length=2000)


class Decision(InputSchema):
    """A bare state change (refuse, withdraw, finish) with its reason."""

    to: str = Field(min_length=1, max_length=20)
    reason: str = Field(default="", max_length=1000)


class Assignment(InputSchema):
    expert_person_id: int
    reason: str = Field(default="", max_length=1000)


class ConsultingRecordIn(InputSchema):
    held_on: date
    hours: Decimal = Field(gt=0, le=24, decimal_places=2)
    note: str = Field(default="", max_length=1000)


class EventPublic(SQLModel):
    from_status: str | None
    to_status: str
    actor_user_id: int | None
    at: datetime
    reason: str


class TrainingRequestPublic(SQLModel):
    id: int
    program_id: int
    person_id: int
    district_code: str
    group_id: int | None
    motivation: str
    status: str
    enrolment_id: int | None


class TrainingRequestDetail(TrainingRequestPublic):
    person_name: str
    program_name: str
    events: list[EventPublic]


class TrainingRequestsPublic(SQLModel):
    data: list[TrainingRequestPublic]
    count: int


class ConsultingRecordPublic(SQLModel):
    id: int
    held_on: date
    hours: Decimal
    note: str
    expert_person_id: int


class ConsultingRequestPublic(SQLModel):
    id: int
    group_id: int
    district_code: str
    topic: str
    detail: str
    status: str
    expert_person_id: int | None


class ConsultingRequestDetail(ConsultingRequestPublic):
    group_name: str
    expert_name: str
    total_hours: Decimal
    records: list[ConsultingRecordPublic]
    events: list[EventPublic]


class ConsultingRequestsPublic(SQLModel):
    data: list[ConsultingRequestPublic]
    count: int
