"""The review queue for people who may be the same person (never merged automatically)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from maeul_db.models.base import IdTimestamps, aware_datetime, choice


class MatchStatus(StrEnum):
    open = "open"
    merged = "merged"
    dismissed = "dismissed"
    unmerged = "unmerged"


class PersonMatchCandidate(IdTimestamps, table=True):
    __tablename__ = "person_match_candidate"

    person_id: int = Field(foreign_key="person.id", index=True)
    candidate_person_id: int = Field(foreign_key="person.id", index=True)
    # The district whose staff review it (the district that registered ``person_id``).
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    reason: str = Field(max_length=200)
    status: MatchStatus = choice(20, default=MatchStatus.open)
    decided_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    decided_at: datetime | None = aware_datetime(default=None)


class PersonDistrictLink(IdTimestamps, table=True):
    """A district's staff registered a person another district already knew (exact key): the
    district now sees the person, as it would after recording a fact, and nothing more of the
    other district's record (issue 14, "known elsewhere")."""

    __tablename__ = "person_district_link"
    __table_args__ = (UniqueConstraint("person_id", "district_code"),)

    person_id: int = Field(foreign_key="person.id", index=True)
    district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    linked_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
