"""Identity API: match (read-only) and register a person, the review queue (merge, dismiss, unmerge), the
"known elsewhere" marker."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.identity import entry, service
from maeul_db.identity.schemas import (
    ElsewherePublic,
    MatchCandidatePublic,
    MatchCandidatesPublic,
    MatchPublic,
    MatchQuery,
    ResolutionPublic,
)
from maeul_db.kit.pagination import Page
from maeul_db.models import MatchStatus
from maeul_db.participants.schemas import PersonCreate
from maeul_db.wording import label

router = APIRouter(prefix="/identity", tags=["identity"])


@router.post("/match", response_model=MatchPublic)
def match_person(session: SessionDep, user: CurrentUser, data: MatchQuery) -> MatchPublic:
    """Read-only: the person you already see with this exact key (name + birth year + phone or
    e-mail), else null. Writes nothing and says nothing about other districts. (POST only to keep
    the phone and e-mail out of URLs and server logs.)"""
    return MatchPublic(person_id=service.match(session, user=user, query=data))


@router.post("/register", response_model=ResolutionPublic)
def register_person(session: SessionDep, user: CurrentUser, data: PersonCreate) -> ResolutionPublic:
    """Register a person in your district: the one you already see on an exact key
    (``existing``), the one another district knows on an exact key attached to yours without its
    facts (``attached``), else a new person (``created``) with same name and birth year queued
    for review."""
    result = entry.register(session, user=user, candidate=data)
    assert result.person is not None and result.person.id is not None
    return ResolutionPublic(
        person_id=result.person.id,
        created=result.created,
        resolution=result.outcome.value,
        resolution_label=label("resolution", result.outcome),
        review_candidate_ids=[c.id for c in result.review_candidates if c.id is not None],
    )


@router.get("/candidates", response_model=MatchCandidatesPublic)
def list_candidates(
    session: SessionDep,
    user: CurrentUser,
    status: MatchStatus | None = MatchStatus.open,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> MatchCandidatesPublic:
    """Your district's review queue (possible duplicates), open ones by default."""
    data, count = service.review_queue(session, user=user, page=Page(limit, offset), status=status)
    return MatchCandidatesPublic(data=data, count=count)


@router.post("/candidates/{candidate_id}/merge", response_model=MatchCandidatePublic)
def merge_candidate(
    session: SessionDep, user: CurrentUser, candidate_id: int
) -> MatchCandidatePublic:
    """Same person: merge the reviewed person into the candidate (reversible, audited)."""
    row = service.merge(session, user=user, candidate_id=candidate_id)
    return service.candidate_view(session, user=user, row=row)


@router.post("/candidates/{candidate_id}/dismiss", response_model=MatchCandidatePublic)
def dismiss_candidate(
    session: SessionDep, user: CurrentUser, candidate_id: int
) -> MatchCandidatePublic:
    """Different people: close the candidate without merging."""
    row = service.dismiss(session, user=user, candidate_id=candidate_id)
    return service.candidate_view(session, user=user, row=row)


@router.post("/candidates/{candidate_id}/unmerge", response_model=MatchCandidatePublic)
def unmerge_candidate(
    session: SessionDep, user: CurrentUser, candidate_id: int
) -> MatchCandidatePublic:
    """Undo a merge made from this candidate (audited)."""
    row = service.unmerge(session, user=user, candidate_id=candidate_id)
    return service.candidate_view(session, user=user, row=row)


@router.get("/people/{person_id}/elsewhere", response_model=ElsewherePublic)
def read_elsewhere(session: SessionDep, user: CurrentUser, person_id: int) -> ElsewherePublic:
    """Whether this person is (or may be) known in another district, without any detail."""
    known, possibly = service.elsewhere(session, user=user, person_id=person_id)
    return ElsewherePublic(person_id=person_id, known_elsewhere=known, possibly_elsewhere=possibly)
