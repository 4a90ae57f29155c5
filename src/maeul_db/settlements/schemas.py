"""Input and output shapes of reports, settlements, non-cash contributions and the 보탬e link."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from sqlmodel import Field, SQLModel

from maeul_db.kit.schemas import InputSchema
from maeul_db.models import (
    BotameStatus,
    EvidenceType,
    ExpenseLine,
    NoncashKind,
    ReportState,
    SettlementState,
)

ReportAction = Literal["submit", "return", "accept"]
SettlementAction = Literal["submit", "return", "accept", "settle"]


class ReportUpdate(InputSchema):
    narrative: str = Field(default="", max_length=20_000)


class StateChange(InputSchema):
    action: str = Field(min_length=1, max_length=20)
    note: str | None = Field(default=None, max_length=500)


class PlanUpdate(InputSchema):
    """The grant's plan per budget line and the interest earned on the grant account."""

    planned: dict[ExpenseLine, int] = Field(default_factory=dict)
    interest_krw: int = Field(default=0, ge=0, le=2_000_000_000)


class FileIn(InputSchema):
    """A file sent through the JSON API: its name and its bytes in base64."""

    filename: str = Field(min_length=1, max_length=200)
    content_base64: str = Field(min_length=1, max_length=40_000_000)


class ExpenseCreate(InputSchema):
    spent_on: date
    payee: str = Field(min_length=1, max_length=200)
    line: ExpenseLine
    amount_krw: int = Field(ge=1, le=2_000_000_000)
    evidence: EvidenceType
    note: str | None = Field(default=None, max_length=200)


class ExpenseIn(ExpenseCreate):
    """An expense through the API, with its evidence file if at hand."""

    file: FileIn | None = None


class NoncashCreate(InputSchema):
    kind: NoncashKind
    description: str = Field(min_length=1, max_length=200)
    hours: Decimal | None = Field(default=None, ge=0, le=100_000, decimal_places=2)
    rate_krw: int | None = Field(default=None, ge=0, le=10_000_000)
    appraised_krw: int | None = Field(default=None, ge=0, le=2_000_000_000)


class NoncashRuleCreate(InputSchema):
    """A new version of the non-cash rates, in force from ``effective_year`` on."""

    effective_year: int = Field(ge=2000, le=2100)
    volunteer_hourly_krw: int = Field(ge=0, le=1_000_000)
    professional_hourly_cap_krw: int = Field(ge=0, le=10_000_000)
    recognised_share_pct: int = Field(ge=0, le=100)


class EventPublic(SQLModel):
    subject: str
    from_state: str
    to_state: str
    note: str | None
    created_at: datetime


class ReportPublic(SQLModel):
    project_id: int
    state: ReportState
    narrative: str
    due_on: date
    figures: dict[str, Any]
    attachment_ids: list[int]
    submitted_at: datetime | None
    decision_note: str | None
    events: list[EventPublic]


class AttachmentPublic(SQLModel):
    id: int
    filename: str
    content_type: str
    size_bytes: int
    sha256: str


class ExpensePublic(SQLModel):
    id: int
    spent_on: date
    payee: str
    line: ExpenseLine
    amount_krw: int
    evidence: EvidenceType
    attachment_id: int | None
    attachment_sha256: str | None = None
    note: str | None


class NoncashPublic(SQLModel):
    id: int
    kind: NoncashKind
    description: str
    hours: Decimal | None
    rate_krw: int | None
    appraised_krw: int | None
    value_krw: int
    rule_year: int


class LinePublic(SQLModel):
    line: ExpenseLine
    planned_krw: int
    spent_krw: int
    remaining_krw: int


class SharePublic(SQLModel):
    year: int
    rule_year: int | None
    share_pct: int
    cap_krw: int
    offered_krw: int
    recognised_krw: int
    excess_krw: int


class SettlementPublic(SQLModel):
    project_id: int
    state: SettlementState
    grant_krw: int
    spent_krw: int
    unspent_krw: int
    interest_krw: int
    to_return_krw: int
    lines: list[LinePublic]
    expenses: list[ExpensePublic]
    noncash: list[NoncashPublic]
    noncash_share: SharePublic
    botame_id: str | None
    botame_status: BotameStatus | None
    events: list[EventPublic]
