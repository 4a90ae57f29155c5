"""Paperwork online (issue 15): calls for proposals (공모), applications by groups, their
eligibility, review scores and status history; the group representatives' accounts. Reports and
settlements hang on a Project (another module)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field

from maeul_db.kit.time import utcnow
from maeul_db.models.base import IdTimestamps, aware_datetime, choice
from maeul_db.models.projects import ParticipationRole, Programme, Stage


class ApplicationStatus(StrEnum):
    """The states of an application, in the order it usually moves through them."""

    draft = "draft"  # 작성 중
    submitted = "submitted"  # 제출
    returned = "returned"  # 보완 요청
    eligible = "eligible"  # 자격 충족
    ineligible = "ineligible"  # 자격 미달
    scored = "scored"  # 심사 완료
    selected = "selected"  # 선정
    not_selected = "not_selected"  # 미선정
    agreement = "agreement"  # 협약
    in_progress = "in_progress"  # 사업 진행
    report_submitted = "report_submitted"  # 결과보고 제출
    settled = "settled"  # 정산 완료
    closed = "closed"  # 종료


class CallSpecKind(StrEnum):
    rules = "rules"  # eligibility rules (a list of {kind, ...params})
    sheet = "sheet"  # scoring sheet (a list of {key, label, max})


def json_column(**kwargs: Any) -> Any:
    """A JSON value (a list or a dict): JSON on SQLite, json on PostgreSQL."""
    return Field(sa_column=Column(JSON, **kwargs))


class Call(IdTimestamps, table=True):
    """A call for proposals: one district's (or the city's, ``district_code`` NULL) for one
    programme, stage and year. Eligibility rules and the scoring sheet are versioned data
    (``CallSpec``); budget lines and their ceilings are per call."""

    __tablename__ = "paperwork_call"

    title: str = Field(max_length=200)
    district_code: str | None = Field(
        default=None, foreign_key="district.code", max_length=5, index=True
    )
    programme: Programme = choice(30, default=Programme.village_community)
    stage: Stage = choice(30, default=Stage.group_formation)
    year: int = Field(ge=2000, le=2100, index=True)
    opens_on: date
    closes_on: date  # the last day applications are taken (inclusive)
    budget_krw: int = Field(default=0, ge=0)
    grant_ceiling_krw: int = Field(default=0, ge=0)
    # The self-contribution the application must bring, in percent of the grant asked.
    self_share_percent: int = Field(default=0, ge=0, le=100)
    # {line code: ceiling in KRW}; a line not named here may not be budgeted.
    budget_lines: dict[str, int] = json_column(nullable=False)
    required_documents: list[str] = json_column(nullable=False)
    created_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")


class CallSpec(IdTimestamps, table=True):
    """One version of a call's eligibility rules or scoring sheet. A change adds a version;
    results and scores name the version they used, so history is never rewritten."""

    __tablename__ = "paperwork_call_spec"
    __table_args__ = (Index("uq_paperwork_call_spec", "call_id", "kind", "version", unique=True),)

    call_id: int = Field(foreign_key="paperwork_call.id", index=True)
    kind: CallSpecKind = choice(10)
    version: int = Field(ge=1)
    spec: list[dict[str, Any]] = json_column(nullable=False)


class Application(IdTimestamps, table=True):
    __tablename__ = "paperwork_application"

    call_id: int = Field(foreign_key="paperwork_call.id", index=True)
    group_id: int = Field(foreign_key="community_group.id", index=True)
    # The group's district, copied so scoping needs no join.
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    title: str = Field(max_length=200)
    summary: str = Field(default="", max_length=4000)
    status: ApplicationStatus = choice(20, default=ApplicationStatus.draft)
    requested_grant_krw: int = Field(default=0, ge=0)
    self_cash_krw: int = Field(default=0, ge=0)
    self_noncash_krw: int = Field(default=0, ge=0)
    # Other groups in a village-network application.
    partner_group_ids: list[int] = json_column(nullable=False)
    # The last eligibility check: [{kind, passed, explanation}], with the rule version used.
    eligibility: list[dict[str, Any]] | None = json_column(nullable=True)
    eligibility_version: int | None = None
    entered_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    project_id: int | None = Field(default=None, foreign_key="project.id", index=True)


class ApplicationPerson(IdTimestamps, table=True):
    """A proposer or member the application names: a known person (``person_id``) or the details
    typed in, resolved through identity at selection."""

    __tablename__ = "paperwork_application_person"

    application_id: int = Field(foreign_key="paperwork_application.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    name: str = Field(max_length=100)
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    gender: str | None = Field(default=None, max_length=1)
    phone: str | None = Field(default=None, max_length=30)
    home_dong_code: str | None = Field(default=None, foreign_key="dong.code", max_length=10)
    role: ParticipationRole = choice(20, default=ParticipationRole.participant)


class ApplicationBudgetLine(IdTimestamps, table=True):
    __tablename__ = "paperwork_budget_line"

    application_id: int = Field(foreign_key="paperwork_application.id", index=True)
    line: str = Field(max_length=30)
    amount_krw: int = Field(ge=0)
    note: str = Field(default="", max_length=200)


class ApplicationEvent(IdTimestamps, table=True):
    """One state change: who, when, why."""

    __tablename__ = "paperwork_application_event"

    application_id: int = Field(foreign_key="paperwork_application.id", index=True)
    from_status: ApplicationStatus | None = choice(20, default=None, nullable=True)
    to_status: ApplicationStatus = choice(20)
    actor_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    at: datetime = aware_datetime(default_factory=utcnow)
    reason: str = Field(default="", max_length=1000)


class ReviewScore(IdTimestamps, table=True):
    """One reviewer's scores on one version of the call's sheet; the total is computed."""

    __tablename__ = "paperwork_review_score"
    __table_args__ = (
        Index(
            "uq_paperwork_review_score",
            "application_id",
            "reviewer_user_id",
            "sheet_version",
            unique=True,
        ),
    )

    application_id: int = Field(foreign_key="paperwork_application.id", index=True)
    # None: a reviewer without an account (an outside committee member, the demo's reviewers).
    reviewer_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    sheet_version: int = Field(ge=1)
    points: dict[str, int] = json_column(nullable=False)
    total: int = Field(ge=0)
    comment: str = Field(default="", max_length=1000)


class GroupRepLink(IdTimestamps, table=True):
    """A group representative's account speaks for this group (one account, several groups)."""

    __tablename__ = "group_rep_link"
    __table_args__ = (Index("uq_group_rep_link", "account_id", "group_id", unique=True),)

    account_id: int = Field(foreign_key="user_account.id", index=True)
    group_id: int = Field(foreign_key="community_group.id", index=True)
