"""Identity API shapes. Another district's person is never described, only flagged."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from maeul_db.models import MatchStatus
from maeul_db.participants.schemas import _Normalised


class MatchQuery(_Normalised):
    """The exact identity key to probe: normalised like a registration."""

    name: str = Field(min_length=1, max_length=100)
    birth_year: int = Field(ge=1900, le=2030)
    phone: str | None = None
    email: str | None = None


class MatchPublic(SQLModel):
    # The person you already see who has this key, else null: also null when only another
    # district knows them (a probe never answers for other districts).
    person_id: int | None


class ResolutionPublic(SQLModel):
    person_id: int
    created: bool
    # created, existing (already in your district) or attached (known elsewhere, now yours too).
    resolution: str
    resolution_label: str
    review_candidate_ids: list[int]


class PersonSummary(SQLModel):
    """One side of a candidate as a reviewer sees it (``identity.review.summary``)."""

    id: int
    name: str
    birth_year: int
    gender: str
    # Contact data follow ``participants.visibility.contact_visible`` and are masked even then.
    home_dong_code: str | None
    home_dong_name: str | None = None
    registered_district_code: str
    registered_district_name: str | None = None
    phone_masked: str | None = None
    email_masked: str | None = None
    contact_hidden: bool = False
    # Fact table → number of that person's facts in the reviewer's district (all for the city admin).
    facts_here: dict[str, int] = {}


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
