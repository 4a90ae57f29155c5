"""Result reports (결과보고) and settlements (정산) of a funded project, their attachments, the
non-cash self-contribution and its versioned rates (DESIGN-NOTES "Money"). One report and one
settlement per project: a returned one is corrected and submitted again, never duplicated."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Index, LargeBinary, Numeric, Text
from sqlmodel import Field

from maeul_db.models.base import IdTimestamps, aware_datetime, choice


class ReportState(StrEnum):
    draft = "draft"  # 작성 중
    submitted = "submitted"  # 제출
    returned = "returned"  # 보완 요청
    accepted = "accepted"  # 승인


class SettlementState(StrEnum):
    draft = "draft"
    submitted = "submitted"
    returned = "returned"
    accepted = "accepted"  # 검토 완료
    settled = "settled"  # 정산 확정: nobody edits it any more


class ExpenseLine(StrEnum):
    """Budget lines (보조세목-like) an expense is charged to."""

    operating = "operating"  # 운영비
    materials = "materials"  # 재료비
    publicity = "publicity"  # 홍보비
    instructor = "instructor"  # 강사비
    rental = "rental"  # 임차료
    other = "other"  # 기타


class EvidenceType(StrEnum):
    tax_invoice = "tax_invoice"  # 세금계산서
    card = "card"  # 카드 영수증
    other = "other"  # 기타 증빙


class NoncashKind(StrEnum):
    volunteer_labour = "volunteer_labour"  # 자원활동: hours x the year's hourly rate
    professional_service = "professional_service"  # 재능기부: hours x rate, rate capped
    in_kind = "in_kind"  # 현물: market or rental value
    # Public support never counts (the plan's recognition rule 3).
    public_staff = "public_staff"
    public_facility = "public_facility"
    public_grant = "public_grant"


class AttachmentPurpose(StrEnum):
    report = "report"  # a photo or document of the result report
    expense = "expense"  # the evidence of one expense


class SettlementSubject(StrEnum):
    report = "report"
    settlement = "settlement"


class ResultReport(IdTimestamps, table=True):
    __tablename__ = "result_report"
    __table_args__ = (Index("uq_result_report_project", "project_id", unique=True),)

    project_id: int = Field(foreign_key="project.id")
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    state: ReportState = choice(20, default=ReportState.draft)
    narrative: str = Field(default="", sa_type=Text)
    due_on: date | None = None
    # The record's figures as submitted, so an accepted report does not change afterwards.
    figures: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    submitted_at: datetime | None = aware_datetime(default=None)
    decided_at: datetime | None = aware_datetime(default=None)
    decision_note: str | None = Field(default=None, max_length=500)


class Settlement(IdTimestamps, table=True):
    __table_args__ = (Index("uq_settlement_project", "project_id", unique=True),)

    project_id: int = Field(foreign_key="project.id")
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    state: SettlementState = choice(20, default=SettlementState.draft)
    interest_krw: int = Field(default=0, ge=0)
    submitted_at: datetime | None = aware_datetime(default=None)
    settled_at: datetime | None = aware_datetime(default=None)
    decision_note: str | None = Field(default=None, max_length=500)


class SettlementBudgetLine(IdTimestamps, table=True):
    """The grant's plan per budget line, against which the expenses are totalled."""

    __tablename__ = "settlement_budget_line"
    __table_args__ = (Index("uq_settlement_budget_line", "settlement_id", "line", unique=True),)

    settlement_id: int = Field(foreign_key="settlement.id", index=True)
    line: ExpenseLine = choice(20)
    planned_krw: int = Field(default=0, ge=0)


class StoredAttachment(IdTimestamps, table=True):
    """A file kept in the database (docs/decisions.md "Attachments in the database")."""

    __tablename__ = "stored_attachment"

    project_id: int = Field(foreign_key="project.id", index=True)
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    purpose: AttachmentPurpose = choice(20)
    filename: str = Field(max_length=200)
    content_type: str = Field(max_length=40)  # from the content, never from the name
    size_bytes: int = Field(ge=0)
    sha256: str = Field(max_length=64, index=True)
    data: bytes = Field(sa_type=LargeBinary)
    uploaded_by_id: int | None = Field(default=None, foreign_key="user_account.id")


class SettlementExpense(IdTimestamps, table=True):
    __tablename__ = "settlement_expense"

    settlement_id: int = Field(foreign_key="settlement.id", index=True)
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    spent_on: date
    payee: str = Field(max_length=200)
    line: ExpenseLine = choice(20)
    amount_krw: int = Field(ge=1)
    evidence: EvidenceType = choice(20)
    attachment_id: int | None = Field(default=None, foreign_key="stored_attachment.id")
    note: str | None = Field(default=None, max_length=200)


class NoncashRule(IdTimestamps, table=True):
    """The non-cash rates and recognised share from ``effective_year`` until the next rule: a
    change of rate is a new row, so contributions of earlier years keep theirs."""

    __tablename__ = "noncash_rule"
    __table_args__ = (Index("uq_noncash_rule_year", "effective_year", unique=True),)

    effective_year: int = Field(ge=2000, le=2100)
    volunteer_hourly_krw: int = Field(ge=0)
    professional_hourly_cap_krw: int = Field(ge=0)
    recognised_share_pct: int = Field(ge=0, le=100)  # of the grant
    note: str | None = Field(default=None, max_length=200)


class NoncashContribution(IdTimestamps, table=True):
    __tablename__ = "noncash_contribution"

    settlement_id: int = Field(foreign_key="settlement.id", index=True)
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    year: int  # the project's year, whose rule valued it
    kind: NoncashKind = choice(30)
    description: str = Field(max_length=200)
    hours: Decimal | None = Field(default=None, ge=0, sa_type=Numeric(8, 2))
    rate_krw: int | None = Field(default=None, ge=0)  # the hourly rate applied
    appraised_krw: int | None = Field(default=None, ge=0)
    value_krw: int = Field(default=0, ge=0)  # what counts (0 for public support)
    rule_id: int = Field(foreign_key="noncash_rule.id")
    rule_year: int  # the rule's effective year, readable without a join


class SettlementEvent(IdTimestamps, table=True):
    """Every state change of a report or a settlement: who, when, why."""

    __tablename__ = "settlement_event"

    project_id: int = Field(foreign_key="project.id", index=True)
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    subject: SettlementSubject = choice(20)
    from_state: str = Field(max_length=20)
    to_state: str = Field(max_length=20)
    actor_id: int | None = Field(default=None, foreign_key="user_account.id")
    note: str | None = Field(default=None, max_length=500)
