"""An activity's page: its details, who attended, and attendance recorded by ticking the
project's participants (or the group's members) as of the day it was held."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.activities import attendance
from maeul_db.activities import service as activity_service
from maeul_db.activities.schemas import AttendanceCreate
from maeul_db.auth.deps import SessionDep
from maeul_db.groups import service as group_service
from maeul_db.models import UserAccount
from maeul_db.projects import service as project_service
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import (
    FieldError,
    FormDep,
    FormInvalid,
    build,
    filled,
    form_write,
    list_values,
    saved_redirect,
    text_values,
)
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])


def activity_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    activity_id: int,
    failed: str = "",
    values: dict[str, Any] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    sheet = attendance.attendance_sheet(session, user=user, activity_id=activity_id)
    activity = sheet.activity
    project = (
        project_service.get(session, user=user, project_id=activity.project_id)
        if activity.project_id is not None
        else None
    )
    group = (
        group_service.get(session, user=user, group_id=activity.group_id)
        if activity.group_id is not None
        else None
    )
    context: dict[str, Any] = {
        "activity": activity,
        "project": project,
        "group": group,
        "attended": sheet.attended,
        "eligible": sheet.eligible,
        "people": sheet.people,
        "failed": failed,
        "values": values or {},
        "errors": errors or {},
    }
    return render(request, "logging/activity.html", context, status_code=status_code)


@router.get("/activities/{activity_id}")
def show_activity(
    request: Request, session: SessionDep, user: WebUser, activity_id: int
) -> Response:
    """An activity, its attendance and the form to tick who attended."""
    return activity_page(request, session, user=user, activity_id=activity_id)


@router.post("/activities/{activity_id}/attendance")
def record_attendance(
    request: Request, session: SessionDep, user: WebUser, activity_id: int, form: FormDep
) -> Response:
    """Record the ticked people as attending (with the activity's hours unless others given)."""
    activity_service.get(session, user=user, activity_id=activity_id)
    values = text_values(form)
    ticked = list_values(form, "person_ids")
    values_shown: dict[str, Any] = {**values, "person_ids": ticked}
    try:
        data = build(AttendanceCreate, {"person_ids": ticked, **filled(values, ("hours",))})
        with form_write(session):
            attendance.record(session, user=user, activity_id=activity_id, data=data)
    except FormInvalid as exc:
        return activity_page(
            request,
            session,
            user=user,
            activity_id=activity_id,
            failed="attendance",
            values=values_shown,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/activities/{activity_id}?saved=attendance")
