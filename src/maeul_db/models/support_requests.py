"""Training and consulting requests (issue 15, item 9): a resident applies for a training
programme (accepted, it becomes an enrolment); a group asks for consulting from the expert pool
(assigned an expert, recorded with dates and hours). Every state change is a history row (who,
when, why), like an application's."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Numeric
from sqlmodel import Field

from maeul_db.kit.time import utcnow
from maeul_db.models.base import IdTimestamps, aware_datetime, choice


class TrainingRequestStatus(StrEnum):
    submitted = "submitted"  # 신청
    accepted = "accepted"  # 수강 확정
    refused = "refused"  # 반려
    withdrawn = "withdrawn"  # 취소


class ConsultingStatus(StrEnum):
    requested = "requested"  # 요청
    assigned = "assigned"  # 전문가 배정
    done = "done"  # 완료
    refused = "refused"  # 반려
    withdrawn = "withdrawn"  # 취소


class SupportRequestKind(StrEnum):
    training = "training"
    consulting = "consulting"


class TrainingRequest(IdTimestamps, table=True):
    """A resident's application for a training programme, entered by district staff or by the
    representative of a group the resident belongs to."""

    __tablename__ = "training_request"

    program_id: int = Field(foreign_key="training_program.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    # The district that handles it (the staff's, or the representative's group's).
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    # The group a representative applied through (None when staff entered it).
    group_id: int | None = Field(default=None, foreign_key="community_group.id", index=True)
    motivation: str = Field(default="", max_length=1000)
    status: TrainingRequestStatus = choice(20, default=TrainingRequestStatus.submitted)
    # The enrolment the acceptance created (or found: one person, one enrolment per programme).
    enrolment_id: int | None = Field(default=None, foreign_key="enrolment.id", index=True)
    entered_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")


class ConsultingRequest(IdTimestamps, table=True):
    """A group's request for consulting on a topic, answered by an expert of the pool."""

    __tablename__ = "consulting_request"

    group_id: int = Field(foreign_key="community_group.id", index=True)
    # The group's district, copied so scoping needs no join.
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    topic: str = Field(max_length=200)
    detail: str = Field(default="", max_length=2000)
    status: ConsultingStatus = choice(20, default=ConsultingStatus.requested)
    expert_person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    entered_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")


class ConsultingRecord(IdTimestamps, table=True):
    """One consulting meeting: its day and hours (a request may take several)."""

    __tablename__ = "consulting_record"

    request_id: int = Field(foreign_key="consulting_request.id", index=True)
    expert_person_id: int = Field(foreign_key="person.id", index=True)
    held_on: date
    hours: Decimal = Field(sa_type=Numeric(6, 2))
    note: str = Field(default="", max_length=1000)
    recorded_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")


class SupportRequestEvent(IdTimestamps, table=True):
    """One state change of a training or consulting request: who, when, why."""

    __tablename__ = "support_request_event"

    kind: SupportRequestKind = choice(20)
    request_id: int = Field(index=True)
    from_status: str | None = Field(default=None, max_length=20)
    to_status: str = Field(max_length=20)
    actor_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    at: datetime = aware_datetime(default_factory=utcnow)
    reason: str = Field(default="", max_length=1000)
