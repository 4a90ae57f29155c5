"""Funded projects (지원사업) and the people who take part in them."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field

from maeul_db.models.base import IdTimestamps, Interval, choice
from maeul_db.models.groups import OPEN_FACT


class Programme(StrEnum):
    village_community = "village_community"  # 마을공동체 지원사업 (city centre / districts)
    parent_community = "parent_community"  # 부모커뮤니티
    co_parenting = "co_parenting"  # 공동육아
    village_art_studio = "village_art_studio"  # 마을예술창작소
    village_media = "village_media"  # 마을미디어
    apartment_community = "apartment_community"  # 아파트공동체
    energy_village = "energy_village"  # 에너지자립마을
    village_enterprise = "village_enterprise"  # 마을기업


class Stage(StrEnum):
    """Project stages in the order a group climbs them."""

    group_formation = "group_formation"  # 모임형성 (이웃만들기)
    activity_support = "activity_support"  # 활동지원
    village_network = "village_network"  # 마을연계망
    community_space = "community_space"  # 공동체공간
    village_plan = "village_plan"  # 마을계획
    resident_council = "resident_council"  # 주민자치회

    @property
    def is_higher(self) -> bool:
        return self not in (Stage.group_formation, Stage.activity_support)


class ParticipationRole(StrEnum):
    lead_proposer = "lead_proposer"  # 대표제안자
    co_proposer = "co_proposer"  # 공동제안자
    participant = "participant"  # 참여자


class BotameStatus(StrEnum):
    """The project's settlement status in 보탬e, as staff read it there."""

    registered = "registered"  # 사업 등록
    executing = "executing"  # 집행 중
    settling = "settling"  # 정산 중
    settled = "settled"  # 정산 완료


class Project(IdTimestamps, table=True):
    # One project per name in a district and year, however it was entered (i14-facts migration).
    __table_args__ = (Index("uq_project_year_name", "district_code", "year", "name", unique=True),)

    name: str = Field(max_length=200, index=True)
    year: int = Field(ge=2000, le=2100, index=True)
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    dong_code: str | None = Field(default=None, foreign_key="dong.code", max_length=10)
    group_id: int | None = Field(default=None, foreign_key="community_group.id", index=True)
    programme: Programme = choice(30, default=Programme.village_community)
    stage: Stage = choice(30, default=Stage.group_formation)
    grant_krw: int = Field(default=0, ge=0)
    self_cash_krw: int = Field(default=0, ge=0)
    self_noncash_krw: int = Field(default=0, ge=0)
    starts_on: date | None = None
    ends_on: date | None = None
    # Link to the national subsidy system (보탬e) instead of rebuilding settlements.
    botame_id: str | None = Field(default=None, max_length=40)
    botame_status: BotameStatus | None = choice(20, default=None)
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


class Participation(IdTimestamps, Interval, table=True):
    """One person's part in one project; the role is an attribute of this one fact, so a role
    change closes this interval and opens the next (never a second row beside it)."""

    __table_args__ = (
        Index(
            "uq_participation_open",
            "project_id",
            "person_id",
            unique=True,
            sqlite_where=OPEN_FACT,
            postgresql_where=OPEN_FACT,
        ),
    )

    project_id: int = Field(foreign_key="project.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    role: ParticipationRole = choice(20, default=ParticipationRole.participant)
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)
