"""Career (job) schemas: self-reported and verified entries."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlmodel import Field, SQLModel

from maeul_db.kit.schemas import InputSchema
from maeul_db.models import JobType


class CareerCreate(InputSchema):
    person_id: int
    job_type: JobType
    employer: str = Field(min_length=1, max_length=200)
    district_code: str | None = Field(default=None, regex=r"^11\d{3}$")
    dong_code: str | None = Field(default=None, regex=r"^11\d{8}$")
    valid_from: date
    valid_to: date | None = None
    hours_per_week: Decimal | None = Field(default=None, ge=0, le=168)


class CareerPublic(SQLModel):
    id: int
    person_id: int
    job_type: JobType
    employer: str
    district_code: str | None
    dong_code: str | None
    valid_from: date
    valid_to: date | None
    hours_per_week: Decimal | None
    verified: bool
    verified_by_user_id: int | None
    verified_at: datetime | None
    placement_id: int | None
    # A New Deal job longer than 23 months (an open one counted to today): shown as a warning.
    new_deal_over_limit: bool = False


class CareerCorrect(InputSchema):
    """Staff correct a job entry: the fields given replace the old values; the reason is audited."""

    job_type: JobType | None = None
    employer: str | None = Field(default=None, min_length=1, max_length=200)
    dong_code: str | None = Field(default=None, regex=r"^11\d{8}$")
    valid_from: date | None = None
    hours_per_week: Decimal | None = Field(default=None, ge=0, le=168)
    why: str = Field(min_length=1, max_length=200)


class CareerClose(InputSchema):
    """End a job on ``valid_to`` (exclusive), or void a wrong entry; both say why."""

    valid_to: date | None = None
    why: str = Field(min_length=1, max_length=200)


class CareerReviewRow(SQLModel):
    """A job in the staff review list, with the person's name."""

    career: CareerPublic
    person_name: str
