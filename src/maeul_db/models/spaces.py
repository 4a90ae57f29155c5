"""Community spaces (마을활력소, 공동체 공간) with their operators, and each district's village
network (마을넷) with its member groups over time."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field

from maeul_db.models.base import IdTimestamps, Interval, choice, district_fk


class SpaceKind(StrEnum):
    hub = "hub"  # 마을활력소 (거점형, city- or district-led)
    resident = "resident"  # 주민 주도 공동체 공간
    other = "other"


class CommunitySpace(IdTimestamps, Interval, table=True):
    """Open from ``valid_from`` (opening day) to ``valid_to`` (exclusive: the day after it closed)."""

    __tablename__ = "community_space"

    district_code: str = district_fk()
    dong_code: str = Field(foreign_key="dong.code", max_length=10, index=True)
    name: str = Field(max_length=200)
    address: str = Field(max_length=300)
    kind: SpaceKind = choice(16)


class SpaceOperator(IdTimestamps, table=True):
    """An operator job at a space: the job itself is a career (``space_operator``)."""

    __tablename__ = "space_operator"

    space_id: int = Field(foreign_key="community_space.id", index=True)
    career_id: int = Field(foreign_key="career.id", unique=True)
    district_code: str = district_fk()


class VillageNetwork(IdTimestamps, table=True):
    """A district's private activist network (마을넷): one per district."""

    __tablename__ = "village_network"

    district_code: str = Field(foreign_key="district.code", max_length=5, unique=True)
    name: str = Field(max_length=200)
    founded_on: date | None = None


class NetworkMember(IdTimestamps, Interval, table=True):
    """A group's membership of its district's network, as a dated interval."""

    __tablename__ = "network_member"

    network_id: int = Field(foreign_key="village_network.id", index=True)
    group_id: int = Field(foreign_key="community_group.id", index=True)
    district_code: str = district_fk()
