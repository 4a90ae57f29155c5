"""Correcting a group's or a project's own details (name, theme or programme, dong, sums): the
same service updates as ``PATCH /api/groups/{id}`` and ``PATCH /api/projects/{id}``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.auth.deps import SessionDep
from maeul_db.groups import service as group_service
from maeul_db.groups.schemas import GroupUpdate
from maeul_db.models import UserAccount
from maeul_db.projects import service as project_service
from maeul_db.projects.schemas import ProjectUpdate
from maeul_db.refdata import choices
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import (
    FieldError,
    FormDep,
    FormInvalid,
    build,
    filled,
    form_write,
    saved_redirect,
    text_values,
)
from maeul_db.web.templating import render

GROUP_EDIT_FIELDS = ("name", "theme", "dong_code", "dissolved_on")
PROJECT_EDIT_FIELDS = (
    "name",
    "programme",
    "stage",
    "dong_code",
    "grant_krw",
    "self_cash_krw",
    "self_noncash_krw",
    "botame_id",
    "botame_status",
)

router = APIRouter(dependencies=[Depends(get_web_user)])


def _values(row: Any, names: tuple[str, ...]) -> dict[str, str]:
    return {n: "" if getattr(row, n, None) is None else str(getattr(row, n)) for n in names}


def _edit_form(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    template: str,
    record: Any,
    values: dict[str, str],
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "record": record,
        "values": values,
        "errors": errors or {},
        **choices.form_options(session, user=user),
    }
    return render(request, template, context, status_code=status_code)


def _refused(
    request: Request,
    session: Session,
    user: UserAccount,
    template: str,
    record: Any,
    values: dict[str, str],
    exc: FormInvalid,
) -> Response:
    """The form again with the officer's input and the reasons (the record is loaded only here:
    a refused write is the rare path, and the service has already checked the user may see it)."""
    return _edit_form(
        request,
        session,
        user=user,
        template=template,
        record=record,
        values=values,
        errors=exc.errors,
        status_code=422,
    )


@router.get("/groups/{group_id}/edit")
def edit_group(request: Request, session: SessionDep, user: WebUser, group_id: int) -> Response:
    """The form to correct a group's details."""
    group = group_service.get(session, user=user, group_id=group_id)
    values = _values(group, GROUP_EDIT_FIELDS)
    return _edit_form(
        request, session, user=user, template="logging/group_edit.html", record=group, values=values
    )


@router.post("/groups/{group_id}/edit")
def update_group(
    request: Request, session: SessionDep, user: WebUser, group_id: int, form: FormDep
) -> Response:
    """Save a group's corrected details (a blank field stays as it was)."""
    values = text_values(form)
    try:
        data = build(GroupUpdate, filled(values, GROUP_EDIT_FIELDS))
        with form_write(session):
            group_service.update(session, user=user, group_id=group_id, data=data)
    except FormInvalid as exc:
        group = group_service.get(session, user=user, group_id=group_id)
        return _refused(request, session, user, "logging/group_edit.html", group, values, exc)
    return saved_redirect(f"/groups/{group_id}?saved=group_updated")


@router.get("/projects/{project_id}/edit")
def edit_project(request: Request, session: SessionDep, user: WebUser, project_id: int) -> Response:
    """The form to correct a project's details."""
    project = project_service.get(session, user=user, project_id=project_id)
    values = _values(project, PROJECT_EDIT_FIELDS)
    return _edit_form(
        request,
        session,
        user=user,
        template="logging/project_edit.html",
        record=project,
        values=values,
    )


@router.post("/projects/{project_id}/edit")
def update_project(
    request: Request, session: SessionDep, user: WebUser, project_id: int, form: FormDep
) -> Response:
    """Save a project's corrected details (a blank field stays as it was)."""
    values = text_values(form)
    try:
        data = build(ProjectUpdate, filled(values, PROJECT_EDIT_FIELDS))
        with form_write(session):
            project_service.update(session, user=user, project_id=project_id, data=data)
    except FormInvalid as exc:
        project = project_service.get(session, user=user, project_id=project_id)
        return _refused(request, session, user, "logging/project_edit.html", project, values, exc)
    return saved_redirect(f"/projects/{project_id}?saved=project_updated")
