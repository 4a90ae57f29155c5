"""Correcting facts from their pages: void a membership or participation entered in error, change
a role (the fact's interval ends, the next opens), and fix an attendance sheet (take a person off,
fix hours, the count of unnamed attendees). Ending stays on the group and project pages.

Each handler parses the form, calls one service and redirects; a refused change re-renders the
page it came from with the error next to the form that failed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from maeul_db.activities import attendance
from maeul_db.activities.schemas import ActivityUpdate, AttendanceHours, AttendanceVoid
from maeul_db.auth.deps import SessionDep
from maeul_db.groups import service as group_service
from maeul_db.groups.schemas import MembershipRoleChange
from maeul_db.kit import time as clock
from maeul_db.projects import service as project_service
from maeul_db.projects.schemas import ParticipationRoleChange, VoidRequest
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_activity_pages import activity_page
from maeul_db.web.logging_forms import (
    FormDep,
    FormInvalid,
    build,
    filled,
    form_write,
    saved_redirect,
    text_values,
)
from maeul_db.web.logging_group_pages import group_page
from maeul_db.web.logging_project_pages import project_page

router = APIRouter(dependencies=[Depends(get_web_user)])


def _attempt(
    write: Callable[[dict[str, str]], object],
    form: dict[str, Any],
    *,
    session: Any,
    saved: str,
    failed: Callable[[str, dict[str, str], FormInvalid], Response],
    form_id: str,
) -> Response:
    """Run ``write`` on the form's values in a savepoint; redirect when saved, else re-render."""
    values = text_values(form)
    try:
        with form_write(session):
            write(values)
    except FormInvalid as exc:
        return failed(form_id, values, exc)
    return saved_redirect(saved)


def _group_failed(
    request: Request, session: Any, user: Any, group_id: int
) -> Callable[[str, dict[str, str], FormInvalid], Response]:
    def failed(form_id: str, values: dict[str, str], exc: FormInvalid) -> Response:
        return group_page(
            request, session, user=user, group_id=group_id, as_of=clock.today(),
            failed=form_id, values=values, errors=exc.errors, status_code=422,
        )  # fmt: skip

    return failed


def _project_failed(
    request: Request, session: Any, user: Any, project_id: int
) -> Callable[[str, dict[str, str], FormInvalid], Response]:
    def failed(form_id: str, values: dict[str, str], exc: FormInvalid) -> Response:
        return project_page(
            request, session, user=user, project_id=project_id, as_of=clock.today(),
            failed=form_id, values=values, errors=exc.errors, status_code=422,
        )  # fmt: skip

    return failed


@router.post("/groups/{group_id}/members/{membership_id}/void")
def void_member(
    request: Request,
    session: SessionDep,
    user: WebUser,
    group_id: int,
    membership_id: int,
    form: FormDep,
) -> Response:
    """Void a membership entered in error, with a reason (it never held: it no longer counts)."""
    group_service.get(session, user=user, group_id=group_id)

    def write(values: dict[str, str]) -> object:
        data = build(VoidRequest, filled(values, ("reason",)))
        return group_service.void_membership(
            session, user=user, membership_id=membership_id, reason=data.reason
        )

    return _attempt(
        write, form, session=session, saved=f"/groups/{group_id}?saved=member_voided",
        failed=_group_failed(request, session, user, group_id), form_id=f"void-{membership_id}",
    )  # fmt: skip


@router.post("/groups/{group_id}/members/{membership_id}/role")
def change_member_role(
    request: Request,
    session: SessionDep,
    user: WebUser,
    group_id: int,
    membership_id: int,
    form: FormDep,
) -> Response:
    """A member's new role from a date: the membership ends the day before, the next opens."""
    group_service.get(session, user=user, group_id=group_id)

    def write(values: dict[str, str]) -> object:
        data = build(MembershipRoleChange, filled(values, ("role", "on")))
        return group_service.change_member_role(
            session, user=user, membership_id=membership_id, role=data.role, on=data.on
        )

    return _attempt(
        write, form, session=session, saved=f"/groups/{group_id}?saved=member_role",
        failed=_group_failed(request, session, user, group_id), form_id=f"role-{membership_id}",
    )  # fmt: skip


@router.post("/projects/{project_id}/participants/{participation_id}/void")
def void_participant(
    request: Request,
    session: SessionDep,
    user: WebUser,
    project_id: int,
    participation_id: int,
    form: FormDep,
) -> Response:
    """Void a participation entered in error, with a reason."""
    project_service.get(session, user=user, project_id=project_id)

    def write(values: dict[str, str]) -> object:
        data = build(VoidRequest, filled(values, ("reason",)))
        return project_service.void_participation(
            session, user=user, participation_id=participation_id, reason=data.reason
        )

    return _attempt(
        write, form, session=session, saved=f"/projects/{project_id}?saved=participant_voided",
        failed=_project_failed(request, session, user, project_id), form_id=f"void-{participation_id}",
    )  # fmt: skip


@router.post("/projects/{project_id}/participants/{participation_id}/role")
def change_participant_role(
    request: Request,
    session: SessionDep,
    user: WebUser,
    project_id: int,
    participation_id: int,
    form: FormDep,
) -> Response:
    """A participant's new role from a date: the participation ends the day before, the next
    opens (a lead proposer is one participation with that role, not a second row)."""
    project_service.get(session, user=user, project_id=project_id)

    def write(values: dict[str, str]) -> object:
        data = build(ParticipationRoleChange, filled(values, ("role", "on")))
        return project_service.change_participant_role(
            session, user=user, participation_id=participation_id, role=data.role, on=data.on
        )

    return _attempt(
        write, form, session=session, saved=f"/projects/{project_id}?saved=participant_role",
        failed=_project_failed(request, session, user, project_id), form_id=f"role-{participation_id}",
    )  # fmt: skip


def _sheet_failed(
    request: Request, session: Any, user: Any, activity_id: int
) -> Callable[[str, dict[str, str], FormInvalid], Response]:
    def failed(form_id: str, values: dict[str, str], exc: FormInvalid) -> Response:
        return activity_page(
            request, session, user=user, activity_id=activity_id, failed=form_id,
            values=values, errors=exc.errors, status_code=422,
        )  # fmt: skip

    return failed


@router.post("/activities/{activity_id}/attendance/{person_id}/void")
def void_attendee(
    request: Request,
    session: SessionDep,
    user: WebUser,
    activity_id: int,
    person_id: int,
    form: FormDep,
) -> Response:
    """Take a person off the sheet (recorded in error), with a reason; the headcount follows."""

    def write(values: dict[str, str]) -> object:
        data = build(AttendanceVoid, filled(values, ("reason",)))
        return attendance.void(
            session, user=user, activity_id=activity_id, person_id=person_id, reason=data.reason
        )

    return _attempt(
        write, form, session=session, saved=f"/activities/{activity_id}?saved=attendee_voided",
        failed=_sheet_failed(request, session, user, activity_id), form_id=f"void-{person_id}",
    )  # fmt: skip


@router.post("/activities/{activity_id}/attendance/{person_id}/hours")
def fix_attendee_hours(
    request: Request,
    session: SessionDep,
    user: WebUser,
    activity_id: int,
    person_id: int,
    form: FormDep,
) -> Response:
    """Correct one attendee's recognised hours (blank: the activity's hours)."""

    def write(values: dict[str, str]) -> object:
        data = build(AttendanceHours, filled(values, ("hours",)))
        return attendance.fix_hours(
            session, user=user, activity_id=activity_id, person_id=person_id, hours=data.hours
        )

    return _attempt(
        write, form, session=session, saved=f"/activities/{activity_id}?saved=hours",
        failed=_sheet_failed(request, session, user, activity_id), form_id=f"hours-{person_id}",
    )  # fmt: skip


@router.post("/activities/{activity_id}/unnamed")
def set_unnamed_count(
    request: Request, session: SessionDep, user: WebUser, activity_id: int, form: FormDep
) -> Response:
    """Record how many came without being named; the headcount adds the named attendees."""

    def write(values: dict[str, str]) -> object:
        data = build(ActivityUpdate, {"unnamed_count": values.get("unnamed_count") or "0"})
        return attendance.update_activity(session, user=user, activity_id=activity_id, data=data)

    return _attempt(
        write, form, session=session, saved=f"/activities/{activity_id}?saved=unnamed",
        failed=_sheet_failed(request, session, user, activity_id), form_id="unnamed",
    )  # fmt: skip
