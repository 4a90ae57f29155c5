"""Identity API: resolve a registration, the review queue (merge, dismiss, unmerge), the
"known elsewhere" marker."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlmodel import Session

from maeul_db.access_log.deps import RecorderDep
from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.identity import service
from maeul_db.identity.schemas import (
    ElsewherePublic,
    MatchCandidatePublic,
    MatchCandidatesPublic,
    PersonSummary,
    ResolutionPublic,
)
from maeul_db.kit.pagination import Page
from maeul_db.models import MatchStatus, Person, PersonMatchCandidate, UserAccount
from maeul_db.participants.schemas import PersonCreate

router = APIRouter(prefix="/identity", tags=["identity"])


def _summary(person: Person | None) -> PersonSummary | None:
    return PersonSummary.model_validate(person, from_attributes=True) if person else None


def candidate_public(
    session: Session, user: UserAccount, row: PersonMatchCandidate
) -> MatchCandidatePublic:
    """The reviewed person in full; the other one only when the reviewer may read them."""
    person = service.readable_person(session, user=user, person_id=row.person_id)
    other = service.readable_person(session, user=user, person_id=row.candidate_person_id)
    summary = _summary(person)
    assert row.id is not None and summary is not None
    return MatchCandidatePublic(
        id=row.id,
        reason=row.reason,
        status=MatchStatus(row.status),
        created_at=row.created_at,
        decided_at=row.decided_at,
        person=summary,
        candidate=_summary(other),
        elsewhere=other is None,
    )


@router.post("/resolve", response_model=ResolutionPublic)
def resolve_person(session: SessionDep, user: CurrentUser, data: PersonCreate) -> ResolutionPublic:
    """Link to the existing person on an exact key, or register a new one (weak matches queued)."""
    person, created, candidates = service.resolve(session, user=user, candidate=data)
    assert person.id is not None
    return ResolutionPublic(
        person_id=person.id,
        created=created,
        review_candidate_ids=[c.id for c in candidates if c.id is not None],
    )


@router.get("/candidates", response_model=MatchCandidatesPublic)
def list_candidates(
    session: SessionDep,
    user: CurrentUser,
    recorder: RecorderDep,
    status: MatchStatus | None = MatchStatus.open,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> MatchCandidatesPublic:
    """Your district's review queue (possible duplicates), open ones by default."""
    rows, count = service.list_candidates(
        session, user=user, page=Page(limit, offset), status=status
    )
    data = [candidate_public(session, user, r) for r in rows]
    recorder.record(
        "list_match_candidates",
        [d.person.id for d in data] + [d.candidate.id for d in data if d.candidate],
    )
    return MatchCandidatesPublic(data=data, count=count)


@router.post("/candidates/{candidate_id}/merge", response_model=MatchCandidatePublic)
def merge_candidate(
    session: SessionDep, user: CurrentUser, candidate_id: int
) -> MatchCandidatePublic:
    """Same person: merge the reviewed person into the candidate (reversible, audited)."""
    return candidate_public(
        session, user, service.merge(session, user=user, candidate_id=candidate_id)
    )


@router.post("/candidates/{candidate_id}/dismiss", response_model=MatchCandidatePublic)
def dismiss_candidate(
    session: SessionDep, user: CurrentUser, candidate_id: int
) -> MatchCandidatePublic:
    """Different people: close the candidate without merging."""
    return candidate_public(
        session, user, service.dismiss(session, user=user, candidate_id=candidate_id)
    )


@router.post("/candidates/{candidate_id}/unmerge", response_model=MatchCandidatePublic)
def unmerge_candidate(
    session: SessionDep, user: CurrentUser, candidate_id: int
) -> MatchCandidatePublic:
    """Undo a merge made from this candidate (audited)."""
    return candidate_public(
        session, user, service.unmerge(session, user=user, candidate_id=candidate_id)
    )


@router.get("/people/{person_id}/elsewhere", response_model=ElsewherePublic)
def read_elsewhere(session: SessionDep, user: CurrentUser, person_id: int) -> ElsewherePublic:
    """Whether this person is (or may be) known in another district, without any detail."""
    known, possibly = service.elsewhere(session, user=user, person_id=person_id)
    return ElsewherePublic(person_id=person_id, known_elsewhere=known, possibly_elsewhere=possibly)
