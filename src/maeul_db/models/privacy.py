"""PIPA records: consents by purpose, data subjects' rights requests, the pseudonymised-processing
register, the destruction ledger and the monthly access-log reviews (docs/privacy.md)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from maeul_db.kit.time import utcnow
from maeul_db.models.base import IdTimestamps, aware_datetime, choice


class ConsentPurpose(StrEnum):
    """What a consent is for (PIPA 제15조, 제17조, 제22조): one record per purpose."""

    participation = "participation"  # recording their participation (the programme's own purpose)
    contact = "contact"  # programme news by phone or e-mail
    research = "research"  # pseudonymised use in analysis and networks
    photos = "photos"  # photos and video of activities
    third_party = "third_party"  # provision to a third party


class ConsentMethod(StrEnum):
    paper = "paper"  # a signed paper form
    web = "web"  # an online form
    imported = "imported"  # an imported roster, dated by its form
    migrated = "migrated"  # carried over from the former consent columns (no form date known)


class Consent(IdTimestamps, table=True):
    """One consent for one purpose; withdrawing sets ``withdrawn_on`` (the row stays as evidence)."""

    person_id: int = Field(foreign_key="person.id", index=True)
    purpose: ConsentPurpose = choice(20)
    notice_version: str | None = Field(default=None, max_length=20)
    method: ConsentMethod = choice(20)
    given_on: date | None = Field(default=None)
    expires_on: date | None = Field(default=None)
    withdrawn_on: date | None = Field(default=None)
    recorded_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    district_code: str | None = Field(default=None, foreign_key="district.code", max_length=5)
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


class RequestKind(StrEnum):
    access = "access"  # 열람 (제35조)
    correction = "correction"  # 정정 (제36조)
    deletion = "deletion"  # 삭제 (제36조)
    stop_processing = "stop_processing"  # 처리정지 (제37조)
    withdrawal = "withdrawal"  # 동의 철회 (제37조)


class RequestDecision(StrEnum):
    granted = "granted"
    partly = "partly"
    refused = "refused"


class RightsRequest(IdTimestamps, table=True):
    __tablename__ = "rights_request"

    person_id: int = Field(foreign_key="person.id", index=True)
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    kind: RequestKind = choice(20)
    received_at: datetime = aware_datetime()
    due_on: date
    requester: str = Field(max_length=100)  # the person, or an agent with their mandate
    verification: str = Field(max_length=300)  # how the requester's identity was checked
    details: str | None = Field(default=None, max_length=1000)
    extended_to: date | None = Field(default=None)
    extension_reason: str | None = Field(default=None, max_length=300)
    decision: RequestDecision | None = choice(20, default=None)
    decision_reason: str | None = Field(default=None, max_length=1000)
    how_to_object: str | None = Field(default=None, max_length=500)
    decided_at: datetime | None = aware_datetime(default=None)
    recorded_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    decided_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")


class ProcessingRecord(SQLModel, table=True):
    """One pseudonymised data set produced for analysis (PIPA 제28조의4 records)."""

    __tablename__ = "processing_record"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = aware_datetime(default_factory=utcnow, index=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    purpose: str = Field(max_length=300)
    recipient: str = Field(max_length=200)
    period_start: date
    period_end: date
    dataset: str = Field(max_length=300)  # what was produced: kind, format, scope, size
    dataset_sha256: str = Field(max_length=64)
    destroyed_on: date | None = Field(default=None)


class DestructionEntry(SQLModel, table=True):
    """One rule's run: what kind of data, how many records, when, who approved (제21조)."""

    __tablename__ = "destruction_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = aware_datetime(default_factory=utcnow, index=True)
    rule: str = Field(max_length=40)
    kind: str = Field(max_length=40)
    count: int
    approved_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    approved_by_username: str = Field(max_length=60)
    person_ids: str = Field(default="", sa_type=Text)  # ",3,17," of the (now anonymous) rows


class AccessReview(SQLModel, table=True):
    """The privacy officer's monthly review of the access log, with their note."""

    __tablename__ = "access_review"

    id: int | None = Field(default=None, primary_key=True)
    month: str = Field(max_length=7, index=True)  # YYYY-MM, Seoul time
    reviewed_at: datetime = aware_datetime(default_factory=utcnow)
    reviewer_user_id: int = Field(foreign_key="user_account.id")
    flagged: int = 0
    note: str = Field(max_length=2000)
