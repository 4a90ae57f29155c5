"""A person's timeline: every fact in time order with the growth ladder marked."""

from __future__ import annotations

from fastapi import APIRouter

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.timeline import service
from maeul_db.timeline.schemas import TimelinePublic

router = APIRouter(prefix="/people", tags=["timeline"])


@router.get("/{person_id}/timeline", response_model=TimelinePublic)
def read_person_timeline(session: SessionDep, user: CurrentUser, person_id: int) -> TimelinePublic:
    """Projects, roles, memberships, activities, training, council seats and jobs in time order."""
    return service.timeline(session, user=user, person_id=person_id)
