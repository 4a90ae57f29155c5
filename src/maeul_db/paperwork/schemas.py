"""Paperwork schemas: calls, applications, scores and status changes (issue 15)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Field, SQLModel

from maeul_db.kit.schemas import InputSchema
from maeul_db.models import (
    ApplicationStatus,
    Gender,
    ParticipationRole,
    Programme,
    Stage,
)


class RuleSpec(InputSchema):
    """One eligibility rule as data: its kind and parameters (``min``, ``stage``)."""

    kind: str = Field(min_length=1, max_length=40)
    min: int | None = Field(default=None, ge=0, le=1000)
    stage: Stage | None = None


class SheetItem(InputSchema):
    """One line of a scoring sheet: a key, its label and the most points it can give."""

    key: str = Field(min_length=1, max_length=40, regex=r"^[a-z0-9_]+$")
    label: str = Field(min_length=1, max_length=100)
    max: int = Field(ge=1, le=1000)


class CallCreate(InputSchema):
    title: str = Field(min_length=1, max_length=200)
    # None: the city admin's city-wide call; district staff always open their own district's.
    district_code: str | None = Field(default=None, regex=r"^11\d{3}$")
    programme: Programme = Programme.village_community
    stage: Stage = Stage.group_formation
    year: int = Field(ge=2000, le=2100)
    opens_on: date
    closes_on: date
    budget_krw: int = Field(default=0, ge=0)
    grant_ceiling_krw: int = Field(default=0, ge=0)
    self_share_percent: int = Field(default=0, ge=0, le=100)
    budget_lines: dict[str, int] = Field(default_factory=dict)
    required_documents: list[str] = Field(default_factory=list, max_length=30)
    rules: list[RuleSpec] = Field(default_factory=list, max_length=30)
    sheet: list[SheetItem] = Field(default_factory=list, max_length=30)


class CallPublic(SQLModel):
    id: int
    title: str
    district_code: str | None
    programme: Programme
    stage: Stage
    year: int
    opens_on: date
    closes_on: date
    budget_krw: int
    grant_ceiling_krw: int
    self_share_percent: int
    budget_lines: dict[str, int]
    required_documents: list[str]
    rules: list[dict[str, Any]] = Field(default_factory=list)
    rules_version: int = 0
    sheet: list[dict[str, Any]] = Field(default_factory=list)
    sheet_version: int = 0


class CallsPublic(SQLModel):
    data: list[CallPublic]
    count: int


class ApplicantIn(InputSchema):
    """A proposer or member: a known person (``person_id``) or details to resolve at selection."""

    person_id: int | None = None
    name: str = Field(default="", max_length=100)
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    gender: Gender | None = None
    phone: str | None = Field(default=None, max_length=30)
    home_dong_code: str | None = Field(default=None, regex=r"^11\d{8}$")
    role: ParticipationRole = ParticipationRole.participant


class BudgetLineIn(InputSchema):
    line: str = Field(min_length=1, max_length=30)
    amount_krw: int = Field(ge=0)
    note: str = Field(default="", max_length=200)


class ApplicationCreate(InputSchema):
    call_id: int
    group_id: int
    title: str = Field(min_length=1, max_length=200)
    summary: str = Field(default="", max_length=4000)
    self_cash_krw: int = Field(default=0, ge=0)
    self_noncash_krw: int = Field(default=0, ge=0)
    partner_group_ids: list[int] = Field(default_factory=list, max_length=30)
    people: list[ApplicantIn] = Field(default_factory=list, max_length=200)
    budget: list[BudgetLineIn] = Field(default_factory=list, max_length=30)
    # False keeps it a draft; True submits it at once.
    submit: bool = True


class ApplicationUpdate(InputSchema):
    """A returned (or draft) application's new content; the lists replace the old ones."""

    title: str = Field(min_length=1, max_length=200)
    summary: str = Field(default="", max_length=4000)
    self_cash_krw: int = Field(default=0, ge=0)
    self_noncash_krw: int = Field(default=0, ge=0)
    partner_group_ids: list[int] = Field(default_factory=list, max_length=30)
    people: list[ApplicantIn] = Field(default_factory=list, max_length=200)
    budget: list[BudgetLineIn] = Field(default_factory=list, max_length=30)


class StatusChange(InputSchema):
    to: ApplicationStatus
    reason: str = Field(default="", max_length=1000)


class ScoreIn(InputSchema):
    points: dict[str, int]
    comment: str = Field(default="", max_length=1000)


class ApplicantPublic(SQLModel):
    person_id: int | None
    name: str
    birth_year: int | None
    gender: str | None
    home_dong_code: str | None
    role: ParticipationRole


class BudgetLinePublic(SQLModel):
    line: str
    amount_krw: int
    note: str


class EventPublic(SQLModel):
    from_status: ApplicationStatus | None
    to_status: ApplicationStatus
    actor_user_id: int | None
    at: datetime
    reason: str


class ScorePublic(SQLModel):
    reviewer_user_id: int | None
    sheet_version: int
    points: dict[str, int]
    total: int
    comment: str


class ApplicationPublic(SQLModel):
    id: int
    call_id: int
    group_id: int
    district_code: str
    title: str
    summary: str
    status: ApplicationStatus
    requested_grant_krw: int
    self_cash_krw: int
    self_noncash_krw: int
    partner_group_ids: list[int]
    eligibility: list[dict[str, Any]] | None
    eligibility_version: int | None
    project_id: int | None


class ApplicationDetail(ApplicationPublic):
    people: list[ApplicantPublic]
    budget: list[BudgetLinePublic]
    events: list[EventPublic]
    scores: list[ScorePublic]


class ApplicationsPublic(SQLModel):
    data: list[ApplicationPublic]
    count: int
