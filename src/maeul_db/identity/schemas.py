"""Identity API shapes. Another district's person is never described, only flagged."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import SQLModel

from maeul_db.models import MatchStatus


class ResolutionPublic(SQLModel):
    person_id: int
    created: bool
    review_candidate_ids: list[int]


class PersonSummary(SQLModel):
    id: int
    name: str
    birth_year: int
    gender: str
    home_dong_code: str | None
    registered_district_code: str


class MatchCandidatePublic(SQLModel):
    id: int
    reason: str
    status: MatchStatus
    created_at: datetime
    decided_at: datetime | None
    person: PersonSummary
    # Filled only when the reviewer may read the other person; otherwise ``elsewhere`` is true.
    candidate: PersonSummary | None
    elsewhere: bool


class MatchCandidatesPublic(SQLModel):
    data: list[MatchCandidatePublic]
    count: int


class ElsewherePublic(SQLModel):
    person_id: int
    # The same person (same record, or merged into it) has facts in another district.
    known_elsewhere: bool
    # Another district holds a different record with the same name and birth year.
    possibly_elsewhere: bool
