"""Activities API: meetings, events and network parties with attendance and hours."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from maeul_db.activities import attendance, service
from maeul_db.activities.schemas import (
    ActivitiesPublic,
    ActivityCreate,
    ActivityPublic,
    ActivityUpdate,
    AttendanceCreate,
    AttendanceHours,
    AttendancePublic,
    AttendanceVoid,
)
from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.kit.pagination import Page

router = APIRouter(prefix="/activities", tags=["activities"])


@router.get("", response_model=ActivitiesPublic)
def list_activities(
    session: SessionDep,
    user: CurrentUser,
    project_id: int | None = None,
    group_id: int | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ActivitiesPublic:
    """Activities in your scope, newest first."""
    rows, count = service.list_(
        session, user=user, page=Page(limit, offset), project_id=project_id, group_id=group_id
    )
    return ActivitiesPublic(
        data=[ActivityPublic.model_validate(r, from_attributes=True) for r in rows], count=count
    )


@router.post("", response_model=ActivityPublic, status_code=201)
def create_activity(session: SessionDep, user: CurrentUser, data: ActivityCreate) -> ActivityPublic:
    """Record an activity of a project or group in your district."""
    return ActivityPublic.model_validate(
        service.create(session, user=user, data=data), from_attributes=True
    )


@router.get("/{activity_id}", response_model=ActivityPublic)
def read_activity(session: SessionDep, user: CurrentUser, activity_id: int) -> ActivityPublic:
    """One activity, if in your scope."""
    return ActivityPublic.model_validate(
        service.get(session, user=user, activity_id=activity_id), from_attributes=True
    )


@router.post("/{activity_id}/attendance", response_model=list[AttendancePublic], status_code=201)
def record_activity_attendance(
    session: SessionDep, user: CurrentUser, activity_id: int, data: AttendanceCreate
) -> list[AttendancePublic]:
    """Record who attended (and for how many hours)."""
    rows = attendance.record(session, user=user, activity_id=activity_id, data=data)
    return [AttendancePublic.model_validate(r, from_attributes=True) for r in rows]


@router.get("/{activity_id}/attendance", response_model=list[AttendancePublic])
def list_activity_attendance(
    session: SessionDep, user: CurrentUser, activity_id: int
) -> list[AttendancePublic]:
    """Who attended an activity."""
    rows = attendance.attendees(session, user=user, activity_id=activity_id)
    return [AttendancePublic.model_validate(r, from_attributes=True) for r in rows]


@router.patch("/{activity_id}", response_model=ActivityPublic)
def update_activity(
    session: SessionDep, user: CurrentUser, activity_id: int, data: ActivityUpdate
) -> ActivityPublic:
    """Change an activity's title, kind, hours or unnamed count (the headcount follows)."""
    row = attendance.update_activity(session, user=user, activity_id=activity_id, data=data)
    return ActivityPublic.model_validate(row, from_attributes=True)


@router.patch("/{activity_id}/attendance/{person_id}", response_model=AttendancePublic)
def fix_attendance_hours(
    session: SessionDep, user: CurrentUser, activity_id: int, person_id: int, data: AttendanceHours
) -> AttendancePublic:
    """Correct one attendee's recognised hours."""
    row = attendance.fix_hours(
        session, user=user, activity_id=activity_id, person_id=person_id, hours=data.hours
    )
    return AttendancePublic.model_validate(row, from_attributes=True)


@router.post("/{activity_id}/attendance/{person_id}/void", response_model=ActivityPublic)
def void_attendance(
    session: SessionDep, user: CurrentUser, activity_id: int, person_id: int, data: AttendanceVoid
) -> ActivityPublic:
    """Take a person off the sheet (recorded in error), with a reason; returns the activity."""
    row = attendance.void(
        session, user=user, activity_id=activity_id, person_id=person_id, reason=data.reason
    )
    return ActivityPublic.model_validate(row, from_attributes=True)
