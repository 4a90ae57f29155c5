"""Group pages: the list, the form to register a group, and a group's page with its members as
of a date, where members are added and memberships closed, and activities are added."""

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
from maeul_db.groups.schemas import GroupCreate, MembershipCreate
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page
from maeul_db.models import UserAccount
from maeul_db.projects import service as project_service
from maeul_db.refdata import choices
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

GROUPS_PER_PAGE = 50
GROUP_FIELDS = ("name", "dong_code", "theme", "founded_on")
ACTIVITY_FIELDS = ("title", "kind", "held_on", "hours")

ACTIVITIES_SHOWN = 50
PROJECTS_SHOWN = 50
MEMBERS_PER_PAGE = 50


def _members_page(number: int) -> Page:
    return Page(limit=MEMBERS_PER_PAGE, offset=(number - 1) * MEMBERS_PER_PAGE)


router = APIRouter(dependencies=[Depends(get_web_user)])


@router.get("/groups")
def list_groups(
    request: Request,
    session: SessionDep,
    user: WebUser,
    q: Annotated[str | None, Query(max_length=100)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """The groups of the user's district, by name when searched."""
    query = (q or "").strip()
    rows, count = group_service.list_(
        session,
        user=user,
        query=query or None,
        page=Page(limit=GROUPS_PER_PAGE, offset=(page - 1) * GROUPS_PER_PAGE),
    )
    pages = page_count(count, GROUPS_PER_PAGE)
    context = {"rows": rows, "count": count, "page": page, "pages": pages, "q": query}
    return render(request, "logging/groups.html", context)


def _group_form(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    values: dict[str, str],
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    context = {"values": values, "errors": errors or {}, **choices.form_options(session, user=user)}
    return render(request, "logging/group_form.html", context, status_code=status_code)


@router.get("/groups/new")
def new_group(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The form to register a group."""
    return _group_form(
        request,
        session,
        user=user,
        values={"founded_on": clock.today().isoformat(), "theme": "other"},
    )


@router.post("/groups/new")
def create_group(request: Request, session: SessionDep, user: WebUser, form: FormDep) -> Response:
    """Register a group in the user's district."""
    values = text_values(form)
    # Staff have no district field; a district they post anyway is refused by the service.
    try:
        data = build(GroupCreate, filled(values, (*GROUP_FIELDS, "district_code")))
        with form_write(session):
            group = group_service.create(session, user=user, data=data)
    except FormInvalid as exc:
        return _group_form(
            request, session, user=user, values=values, errors=exc.errors, status_code=422
        )
    return saved_redirect(f"/groups/{group.id}?saved=group")


def group_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    group_id: int,
    as_of: date,
    member_page: int = 1,
    failed: str = "",
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    group = group_service.get(session, user=user, group_id=group_id)
    members, people, member_count = group_service.roster_page(
        session, user=user, group_id=group_id, on=as_of, page=_members_page(member_page)
    )
    activities, activity_count = activity_service.list_(
        session, user=user, group_id=group_id, page=Page(limit=ACTIVITIES_SHOWN)
    )
    projects, project_count = project_service.list_(
        session, user=user, group_id=group_id, page=Page(limit=PROJECTS_SHOWN)
    )
    dong_name, district_name = group_service.place_names(session, group=group)
    context: dict[str, Any] = {
        "group": group,
        "members": members,
        "member_count": member_count,
        "member_page": member_page,
        "member_pages": page_count(member_count, MEMBERS_PER_PAGE),
        "projects": projects,
        "project_count": project_count,
        "dong_name": dong_name,
        "district_name": district_name,
        "people": people,
        "as_of": as_of,
        "activities": activities,
        "activity_count": activity_count,
        "today": clock.today(),
        "failed": failed,
        "values": values or {},
        "errors": errors or {},
    }
    return render(request, "logging/group.html", context, status_code=status_code)


@router.get("/groups/{group_id}")
def show_group(
    request: Request,
    session: SessionDep,
    user: WebUser,
    group_id: int,
    as_of: Annotated[str | None, Query(max_length=10)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """A group, its projects, and its members as of a date (today by default), paged."""
    return group_page(
        request, session, user=user, group_id=group_id, as_of=parse_day(as_of), member_page=page
    )


@router.post("/groups/{group_id}/members")
def add_member(
    request: Request, session: SessionDep, user: WebUser, group_id: int, form: FormDep
) -> Response:
    """Add a member, found by name or number among the people the user may see."""
    group_service.get(session, user=user, group_id=group_id)
    values = text_values(form)
    try:
        person_id = resolve_person(
            session, user=user, person=values.get("person", ""), pick=values.get("person_pick", "")
        )
        data = build(
            MembershipCreate,
            {"person_id": person_id, **filled(values, ("role", "valid_from"))},
        )
        with form_write(session):
            group_service.add_member(session, user=user, group_id=group_id, data=data)
    except FormInvalid as exc:
        return group_page(
            request,
            session,
            user=user,
            group_id=group_id,
            as_of=clock.today(),
            failed="member",
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/groups/{group_id}?saved=member")


@router.post("/groups/{group_id}/members/{membership_id}/close")
def close_member(
    request: Request,
    session: SessionDep,
    user: WebUser,
    group_id: int,
    membership_id: int,
    form: FormDep,
) -> Response:
    """End a membership on a date; the record stays for earlier dates."""
    group_service.get(session, user=user, group_id=group_id)
    values = text_values(form)
    try:
        valid_to = closing_valid_to(values)
        with form_write(session):
            group_service.close_membership(
                session, user=user, membership_id=membership_id, valid_to=valid_to
            )
    except FormInvalid as exc:
        return group_page(
            request,
            session,
            user=user,
            group_id=group_id,
            as_of=clock.today(),
            failed=f"close-{membership_id}",
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/groups/{group_id}?saved=member_closed")


@router.post("/groups/{group_id}/activities")
def add_group_activity(
    request: Request, session: SessionDep, user: WebUser, group_id: int, form: FormDep
) -> Response:
    """Record an activity of the group; attendance is ticked on the activity's page."""
    values = text_values(form)
    try:
        data = build(ActivityCreate, {"group_id": group_id, **filled(values, ACTIVITY_FIELDS)})
        with form_write(session):
            activity = activity_service.create(session, user=user, data=data)
    except FormInvalid as exc:
        return group_page(
            request,
            session,
            user=user,
            group_id=group_id,
            as_of=clock.today(),
            failed="activity",
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/activities/{activity.id}?saved=activity")
