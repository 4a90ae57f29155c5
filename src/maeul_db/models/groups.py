"""Residents' groups (모임) and their memberships over time."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Index, text
from sqlmodel import Field

from maeul_db.models.base import IdTimestamps, Interval, choice

# A fact that still holds: not ended, not voided. A person has at most one such membership of a
# group and one such participation in a project (partial unique indexes, i14-facts migration);
# closed intervals must not overlap either, which the services check (no portable constraint).
OPEN_FACT = text("valid_to IS NULL AND voided_at IS NULL")


class GroupTheme(StrEnum):
    care = "care"  # 돌봄
    culture = "culture"  # 문화예술
    environment = "environment"  # 환경
    education = "education"  # 교육
    neighbourhood = "neighbourhood"  # 이웃관계
    safety = "safety"  # 안전
    economy = "economy"  # 마을경제
    media = "media"  # 마을미디어
    other = "other"


class MembershipRole(StrEnum):
    representative = "representative"  # 대표
    secretary = "secretary"  # 총무
    member = "member"  # 회원


class Group(IdTimestamps, table=True):
    __tablename__ = "community_group"
    # One group per name in a district, however it was entered (i14-facts migration).
    __table_args__ = (Index("uq_community_group_name", "district_code", "name", unique=True),)

    name: str = Field(max_length=100, index=True)
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    dong_code: str | None = Field(default=None, foreign_key="dong.code", max_length=10)
    theme: GroupTheme = choice(20, default=GroupTheme.other)
    founded_on: date
    dissolved_on: date | None = None
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


class GroupMembership(IdTimestamps, Interval, table=True):
    __tablename__ = "group_membership"
    __table_args__ = (
        Index(
            "uq_group_membership_open",
            "group_id",
            "person_id",
            unique=True,
            sqlite_where=OPEN_FACT,
            postgresql_where=OPEN_FACT,
        ),
    )

    group_id: int = Field(foreign_key="community_group.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    role: MembershipRole = choice(20, default=MembershipRole.member)
    # The owning district (the group's), copied so scoping needs no join.
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)
