"""Careers (jobs), expert placements to dongs and resident-council seats, each an interval."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Numeric
from sqlmodel import Field

from maeul_db.models.base import IdTimestamps, Interval, aware_datetime, choice


class JobType(StrEnum):
    district_centre_staff = "district_centre_staff"  # 자치구 중간지원조직 직원
    village_autonomy_expert = "village_autonomy_expert"  # 마을자치전문가
    space_operator = "space_operator"  # 공간 운영자
    dong_autonomy_officer = "dong_autonomy_officer"  # 동자치지원관
    field_activist = "field_activist"  # 마을지원활동가
    new_deal = "new_deal"  # 뉴딜일자리
    other = "other"


class CouncilRole(StrEnum):
    member = "member"  # 위원
    chair = "chair"  # 위원장(회장)
    secretary = "secretary"  # 간사
    vice_chair = "vice_chair"  # 부위원장
    subcommittee_chair = "subcommittee_chair"  # 분과장


class Career(IdTimestamps, Interval, table=True):
    person_id: int = Field(foreign_key="person.id", index=True)
    job_type: JobType = choice(30)
    employer: str = Field(max_length=200)
    district_code: str | None = Field(
        default=None, foreign_key="district.code", max_length=5, index=True
    )
    dong_code: str | None = Field(default=None, foreign_key="dong.code", max_length=10)
    hours_per_week: Decimal | None = Field(default=None, sa_type=Numeric(5, 2))
    # Only verified entries print on a career certificate.
    verified_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    verified_at: datetime | None = aware_datetime(default=None)
    # The placement this job entry records (set when a district places an expert in a dong).
    placement_id: int | None = Field(default=None, foreign_key="expert_placement.id", index=True)


class ExpertPlacement(IdTimestamps, Interval, table=True):
    __tablename__ = "expert_placement"

    person_id: int = Field(foreign_key="person.id", index=True)
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    dong_code: str = Field(foreign_key="dong.code", max_length=10, index=True)
    selected_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")


class ExpertTarget(IdTimestamps, table=True):
    """How many experts a district aims for per dong; without a row the plan's 2 apply."""

    __tablename__ = "expert_target"

    district_code: str = Field(foreign_key="district.code", max_length=5, unique=True)
    per_dong: int
    set_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")


class CouncilSeat(IdTimestamps, Interval, table=True):
    __tablename__ = "council_seat"

    person_id: int = Field(foreign_key="person.id", index=True)
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    dong_code: str = Field(foreign_key="dong.code", max_length=10, index=True)
    role: CouncilRole = choice(20, default=CouncilRole.member)
    # The council the seat belongs to (NULL only on seats recorded before councils were).
    council_id: int | None = Field(default=None, foreign_key="council.id", index=True)
    # How the member was chosen (councils.SelectionMethod: open_call, recommended, lottery).
    chosen_by: str | None = Field(default=None, max_length=20)
    # A city admin's written reason for seating someone without 6 council-school hours.
    override_reason: str | None = Field(default=None, max_length=500)
