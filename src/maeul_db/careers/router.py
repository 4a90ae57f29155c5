"""Careers API: record (self-reported or by staff), verify, list a person's jobs."""

from __future__ import annotations

from fastapi import APIRouter

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.careers import review, service
from maeul_db.careers.schemas import (
    CareerClose,
    CareerCorrect,
    CareerCreate,
    CareerPublic,
    CareerReviewRow,
)

router = APIRouter(prefix="/careers", tags=["careers"])


@router.get("", response_model=list[CareerReviewRow])
def list_careers_for_review(
    session: SessionDep, user: CurrentUser, pending: bool = False
) -> list[CareerReviewRow]:
    """Your district's jobs for review, unverified first (``pending``: only those)."""
    return review.list_for_review(session, user=user, pending_only=pending)


@router.post("", response_model=CareerPublic, status_code=201)
def create_career(session: SessionDep, user: CurrentUser, data: CareerCreate) -> CareerPublic:
    """Record a job; it stays self-reported until verified."""
    return service.public(service.create(session, user=user, data=data))


@router.post("/{career_id}/verify", response_model=CareerPublic)
def verify_career(session: SessionDep, user: CurrentUser, career_id: int) -> CareerPublic:
    """Confirm a job (district staff of its district, or the city admin)."""
    return service.public(service.verify(session, user=user, career_id=career_id))


@router.get("/people/{person_id}", response_model=list[CareerPublic])
def list_person_careers(
    session: SessionDep, user: CurrentUser, person_id: int
) -> list[CareerPublic]:
    """A person's jobs visible to you, verified and self-reported."""
    return [service.public(r) for r in service.list_(session, user=user, person_id=person_id)]


@router.post("/{career_id}/correct", response_model=CareerPublic)
def correct_career(
    session: SessionDep, user: CurrentUser, career_id: int, data: CareerCorrect
) -> CareerPublic:
    """Correct a job entry (staff of its district), with the reason; audited."""
    return service.public(review.correct(session, user=user, career_id=career_id, data=data))


@router.post("/{career_id}/close", response_model=CareerPublic)
def close_career(
    session: SessionDep, user: CurrentUser, career_id: int, data: CareerClose
) -> CareerPublic:
    """End a job on ``valid_to`` (exclusive), with the reason; audited."""
    return service.public(review.close(session, user=user, career_id=career_id, data=data))


@router.post("/{career_id}/void", response_model=CareerPublic)
def void_career(
    session: SessionDep, user: CurrentUser, career_id: int, data: CareerClose
) -> CareerPublic:
    """Void a wrong entry (kept, never deleted), with the reason; audited."""
    return service.public(review.void(session, user=user, career_id=career_id, data=data))
