"""Project pages: the list (by year), the form to register a project, and a project's page with
its participants as of a date, where participants are added with a role and participations
closed, and the project's activities are listed and added."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.activities import service as activity_service
from maeul_db.activities.schemas import ActivityCreate
from maeul_db.auth.deps import SessionDep
from maeul_db.groups import service as group_service
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page
from maeul_db.models import UserAccount
from maeul_db.projects import service as project_service
from maeul_db.projects.schemas import ParticipationCreate, ProjectCreate
from maeul_db.refdata import choices
from maeul_db.settlements import summary as paperwork
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import (
    FieldError,
    FormDep,
    FormInvalid,
    build,
    closing_valid_to,
    filled,
    form_write,
    page_count,
    parse_day,
    resolve_person,
    saved_redirect,
    text_values,
)
from maeul_db.web.templating import render

PROJECTS_PER_PAGE = 50
# The group select offers this many of the district's groups (the service's page limit).
GROUP_CHOICES = 500
ACTIVITIES_SHOWN = 100
PROJECT_FIELDS = (
    "name",
    "year",
    "dong_code",
    "group_id",
    "programme",
    "stage",
    "grant_krw",
    "self_cash_krw",
    "self_noncash_krw",
)
ACTIVITY_FIELDS = ("title", "kind", "held_on", "hours")

router = APIRouter(dependencies=[Depends(get_web_user)])


@router.get("/projects")
def list_projects(
    request: Request,
    session: SessionDep,
    user: WebUser,
    year: Annotated[str | None, Query(max_length=4)] = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """The projects of the user's district, optionally of one year or by name."""
    year_filter = int(year) if year and year.isdigit() else None
    query = (q or "").strip()
    rows, count = project_service.list_(
        session,
        user=user,
        year=year_filter,
        query=query or None,
        page=Page(limit=PROJECTS_PER_PAGE, offset=(page - 1) * PROJECTS_PER_PAGE),
    )
    return render(
        request,
        "logging/projects.html",
        {
            "rows": rows,
            "count": count,
            "page": page,
            "year": year_filter or "",
            "q": query,
            "pages": page_count(count, PROJECTS_PER_PAGE),
        },
    )


def _project_form(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    values: dict[str, str],
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    groups, _ = group_service.list_(session, user=user, page=Page(limit=GROUP_CHOICES))
    context = {
        "values": values,
        "errors": errors or {},
        "groups": groups,
        **choices.form_options(session, user=user),
    }
    return render(request, "logging/project_form.html", context, status_code=status_code)


@router.get("/projects/new")
def new_project(
    request: Request,
    session: SessionDep,
    user: WebUser,
    group_id: Annotated[str | None, Query(max_length=12)] = None,
) -> Response:
    """The form to register a project (``?group_id=`` preselects the group)."""
    values = {
        "year": str(clock.today().year),
        "programme": "village_community",
        "stage": "group_formation",
        "group_id": group_id or "",
    }
    return _project_form(request, session, user=user, values=values)


@router.post("/projects/new")
def create_project(request: Request, session: SessionDep, user: WebUser, form: FormDep) -> Response:
    """Register a project in the user's district."""
    values = text_values(form)
    # Staff have no district field; a district they post anyway is refused by the service.
    try:
        data = build(ProjectCreate, filled(values, (*PROJECT_FIELDS, "district_code")))
        with form_write(session):
            project = project_service.create(session, user=user, data=data)
    except FormInvalid as exc:
        return _project_form(
            request, session, user=user, values=values, errors=exc.errors, status_code=422
        )
    return saved_redirect(f"/projects/{project.id}?saved=project")


def project_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    project_id: int,
    as_of: date,
    failed: str = "",
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    project = project_service.get(session, user=user, project_id=project_id)
    rows, people = project_service.roster(session, user=user, project_id=project_id, on=as_of)
    group = (
        group_service.get(session, user=user, group_id=project.group_id)
        if project.group_id is not None
        else None
    )
    activities, activity_count = activity_service.list_(
        session, user=user, project_id=project_id, page=Page(limit=ACTIVITIES_SHOWN)
    )
    context: dict[str, Any] = {
        "project": project,
        "group": group,
        "participations": rows,
        "people": people,
        "activities": activities,
        "activity_count": activity_count,
        "paperwork": paperwork.of_project(session, user=user, project_id=project_id),
        "as_of": as_of,
        "today": clock.today(),
        "failed": failed,
        "values": values or {},
        "errors": errors or {},
    }
    return render(request, "logging/project.html", context, status_code=status_code)


@router.get("/projects/{project_id}")
def show_project(
    request: Request,
    session: SessionDep,
    user: WebUser,
    project_id: int,
    as_of: Annotated[str | None, Query(max_length=10)] = None,
) -> Response:
    """A project, its participants as of a date (today by default) and its activities."""
    return project_page(request, session, user=user, project_id=project_id, as_of=parse_day(as_of))


@router.post("/projects/{project_id}/participants")
def add_participant(
    request: Request, session: SessionDep, user: WebUser, project_id: int, form: FormDep
) -> Response:
    """Add a participant with a role from a date."""
    project_service.get(session, user=user, project_id=project_id)
    values = text_values(form)
    try:
        person_id = resolve_person(
            session, user=user, person=values.get("person", ""), pick=values.get("person_pick", "")
        )
        data = build(
            ParticipationCreate,
            {"person_id": person_id, **filled(values, ("role", "valid_from"))},
        )
        with form_write(session):
            project_service.add_participant(session, user=user, project_id=project_id, data=data)
    except FormInvalid as exc:
        return project_page(
            request,
            session,
            user=user,
            project_id=project_id,
            as_of=clock.today(),
            failed="participant",
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/projects/{project_id}?saved=participant")


@router.post("/projects/{project_id}/participants/{participation_id}/close")
def close_participant(
    request: Request,
    session: SessionDep,
    user: WebUser,
    project_id: int,
    participation_id: int,
    form: FormDep,
) -> Response:
    """End a participation on a date; the record stays for earlier dates."""
    project_service.get(session, user=user, project_id=project_id)
    values = text_values(form)
    try:
        valid_to = closing_valid_to(values)
        with form_write(session):
            project_service.close_participation(
                session, user=user, participation_id=participation_id, valid_to=valid_to
            )
    except FormInvalid as exc:
        return project_page(
            request,
            session,
            user=user,
            project_id=project_id,
            as_of=clock.today(),
            failed=f"close-{participation_id}",
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/projects/{project_id}?saved=participant_closed")


@router.post("/projects/{project_id}/activities")
def add_project_activity(
    request: Request, session: SessionDep, user: WebUser, project_id: int, form: FormDep
) -> Response:
    """Record an activity of the project; attendance is ticked on the activity's page."""
    values = text_values(form)
    try:
        data = build(ActivityCreate, {"project_id": project_id, **filled(values, ACTIVITY_FIELDS)})
        with form_write(session):
            activity = activity_service.create(session, user=user, data=data)
    except FormInvalid as exc:
        return project_page(
            request,
            session,
            user=user,
            project_id=project_id,
            as_of=clock.today(),
            failed="activity",
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/activities/{activity.id}?saved=activity")
