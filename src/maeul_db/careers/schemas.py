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
