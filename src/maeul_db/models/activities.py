"""Activities (meetings, events, network parties) and who attended them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Numeric
from sqlmodel import Field, SQLModel

from maeul_db.models.base import IdTimestamps, choice


class ActivityKind(StrEnum):
    meeting = "meeting"  # 모임/회의
    event = "event"  # 행사
    network_party = "network_party"  # 네트워크 파티
    education = "education"  # 학습/교육


class Activity(IdTimestamps, table=True):
    title: str = Field(max_length=200)
    kind: ActivityKind = choice(20, default=ActivityKind.meeting)
    held_on: date = Field(index=True)
    hours: Decimal = Field(default=Decimal("1"), ge=0, sa_type=Numeric(6, 2))
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    project_id: int | None = Field(default=None, foreign_key="project.id", index=True)
    group_id: int | None = Field(default=None, foreign_key="community_group.id", index=True)
    # People who came but are not recorded by name (e.g. passers-by at a street event).
    unnamed_count: int = Field(default=0, ge=0)
    # Always the named attendees plus ``unnamed_count``, kept by the activities service on every
    # attendance change (stored so lists and analytics need no join).
    headcount: int = Field(default=0, ge=0)


class Attendance(SQLModel, table=True):
    activity_id: int = Field(foreign_key="activity.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True, index=True)
    hours: Decimal | None = Field(default=None, ge=0, sa_type=Numeric(6, 2))
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
