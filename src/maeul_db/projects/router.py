"""Projects API: create, list within scope, participations over time."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page
from maeul_db.models import ParticipationRole
from maeul_db.projects import service
from maeul_db.projects.schemas import (
    IntervalClose,
    ParticipationCreate,
    ParticipationPublic,
    ParticipationRoleChange,
    ProjectCreate,
    ProjectPublic,
    ProjectsPublic,
    ProjectUpdate,
    VoidRequest,
)

router = APIRouter(prefix="/projects", tags=["projects"])


@router.get("", response_model=ProjectsPublic)
def list_projects(
    session: SessionDep,
    user: CurrentUser,
    year: int | None = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
    group_id: Annotated[int | None, Query(ge=1)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ProjectsPublic:
    """Projects in your scope, optionally for one year, by name (``q``) or by group."""
    rows, count = service.list_(
        session, user=user, page=Page(limit, offset), year=year, query=q, group_id=group_id
    )
    return ProjectsPublic(
        data=[ProjectPublic.model_validate(r, from_attributes=True) for r in rows], count=count
    )


@router.post("", response_model=ProjectPublic, status_code=201)
def create_project(session: SessionDep, user: CurrentUser, data: ProjectCreate) -> ProjectPublic:
    """Register a funded project in your district."""
    return ProjectPublic.model_validate(
        service.create(session, user=user, data=data), from_attributes=True
    )


@router.get("/{project_id}", response_model=ProjectPublic)
def read_project(session: SessionDep, user: CurrentUser, project_id: int) -> ProjectPublic:
    """One project, if in your scope."""
    return ProjectPublic.model_validate(
        service.get(session, user=user, project_id=project_id), from_attributes=True
    )


@router.patch("/{project_id}", response_model=ProjectPublic)
def update_project(
    session: SessionDep, user: CurrentUser, project_id: int, data: ProjectUpdate
) -> ProjectPublic:
    """Change a project's details (name, dong, programme, stage, amounts, 보탬e id)."""
    return ProjectPublic.model_validate(
        service.update(session, user=user, project_id=project_id, data=data), from_attributes=True
    )


@router.post("/{project_id}/participants", response_model=ParticipationPublic, status_code=201)
def add_project_participant(
    session: SessionDep, user: CurrentUser, project_id: int, data: ParticipationCreate
) -> ParticipationPublic:
    """Add a participant with a role from a date."""
    row = service.add_participant(session, user=user, project_id=project_id, data=data)
    return ParticipationPublic.model_validate(row, from_attributes=True)


@router.get("/{project_id}/participants", response_model=list[ParticipationPublic])
def list_project_participants(
    session: SessionDep,
    user: CurrentUser,
    project_id: int,
    as_of: date | None = None,
    role: ParticipationRole | None = None,
) -> list[ParticipationPublic]:
    """Participants as of a date (today by default), optionally of one role."""
    rows = service.participants_as_of(
        session, user=user, project_id=project_id, on=as_of or clock.today(), role=role
    )
    return [ParticipationPublic.model_validate(r, from_attributes=True) for r in rows]


@router.post("/participations/{participation_id}/close", response_model=ParticipationPublic)
def close_project_participation(
    session: SessionDep, user: CurrentUser, participation_id: int, data: IntervalClose
) -> ParticipationPublic:
    """End a participation on a date; it stays in the history."""
    row = service.close_participation(
        session, user=user, participation_id=participation_id, valid_to=data.valid_to
    )
    return ParticipationPublic.model_validate(row, from_attributes=True)


@router.post("/participations/{participation_id}/void", response_model=ParticipationPublic)
def void_project_participation(
    session: SessionDep, user: CurrentUser, participation_id: int, data: VoidRequest
) -> ParticipationPublic:
    """Mark a participation entered in error (a correction, not an end); it stays in the record."""
    row = service.void_participation(
        session, user=user, participation_id=participation_id, reason=data.reason
    )
    return ParticipationPublic.model_validate(row, from_attributes=True)


@router.post(
    "/participations/{participation_id}/role", response_model=ParticipationPublic, status_code=201
)
def change_project_participation_role(
    session: SessionDep, user: CurrentUser, participation_id: int, data: ParticipationRoleChange
) -> ParticipationPublic:
    """Change a participant's role from a date: this participation ends, the returned one opens."""
    row = service.change_participant_role(
        session, user=user, participation_id=participation_id, role=data.role, on=data.on
    )
    return ParticipationPublic.model_validate(row, from_attributes=True)
