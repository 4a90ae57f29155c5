"""A person's timeline: every fact in time order with the growth ladder marked."""

from __future__ import annotations

from fastapi import APIRouter

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.timeline import project, service
from maeul_db.timeline.schemas import ProjectTimelinePublic, TimelinePublic

router = APIRouter(prefix="/people", tags=["timeline"])


@router.get("/{person_id}/timeline", response_model=TimelinePublic)
def read_person_timeline(session: SessionDep, user: CurrentUser, person_id: int) -> TimelinePublic:
    """Projects, roles, memberships, activities, training, council seats and jobs in time order."""
    return service.timeline(session, user=user, person_id=person_id)


project_router = APIRouter(prefix="/projects", tags=["timeline"])


@project_router.get("/{project_id}/timeline", response_model=ProjectTimelinePublic)
def read_project_timeline(
    session: SessionDep, user: CurrentUser, project_id: int
) -> ProjectTimelinePublic:
    """The project's application, creation, participants, activities, report and settlement
    steps and 보탬e status, oldest first, with who made each step and why."""
    return project.project_timeline(session, user=user, project_id=project_id)
