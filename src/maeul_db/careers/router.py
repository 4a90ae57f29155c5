"""Careers API: record (self-reported or by staff), verify, list a person's jobs."""

from __future__ import annotations

from fastapi import APIRouter

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.careers import service
from maeul_db.careers.schemas import CareerCreate, CareerPublic
from maeul_db.projects.schemas import IntervalClose, VoidRequest

router = APIRouter(prefix="/careers", tags=["careers"])


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


@router.post("/{career_id}/close", response_model=CareerPublic)
def close_career(
    session: SessionDep, user: CurrentUser, career_id: int, data: IntervalClose
) -> CareerPublic:
    """End a job on a date (exclusive); it stays in the record."""
    return service.public(
        service.close(session, user=user, career_id=career_id, valid_to=data.valid_to)
    )


@router.post("/{career_id}/void", response_model=CareerPublic)
def void_career(
    session: SessionDep, user: CurrentUser, career_id: int, data: VoidRequest
) -> CareerPublic:
    """Mark a job entered in error (a correction, not an end); it no longer counts anywhere."""
    return service.public(service.void(session, user=user, career_id=career_id, reason=data.reason))
