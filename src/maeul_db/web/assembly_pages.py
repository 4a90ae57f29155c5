"""General assembly and autonomy plan pages (issue 12): district staff record their dongs'
assemblies (on-site and pre-votes apart) and see turnout and quorum; plans with agenda items,
votes, budgets and the projects that execute them; the city page of turnout per dong."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.assemblies import items, service, summary
from maeul_db.assemblies.schemas import (
    AssemblyCreate,
    ItemCreate,
    PlanCreate,
    ProjectLink,
    VotesRecord,
)
from maeul_db.auth.deps import SessionDep
from maeul_db.kit import time as clock
from maeul_db.models import UserAccount
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

router = APIRouter(dependencies=[Depends(get_web_user)])

ASSEMBLY_FIELDS = (
    "district_code",
    "dong_code",
    "held_on",
    "present",
    "onsite_voters",
    "prevoters",
    "adult_population",
    "note",
)
ITEM_FIELDS = (
    "title",
    "subcommittee",
    "budget_source",
    "budget_requested_krw",
    "budget_granted_krw",
)
VOTE_FIELDS = ("votes_for", "votes_against", "votes_abstain")


def _list_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    rows = [service.public(session, r) for r in service.list_(session, user=user)]
    context = {
        "rows": rows,
        "values": values or {"held_on": clock.today().isoformat()},
        "errors": errors or {},
        **choices.form_options(session, user=user),
    }
    return render(request, "assemblies/list.html", context, status_code=status_code)


@router.get("/assemblies")
def list_assemblies(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The district's assemblies with turnout and quorum, and the form to record one."""
    return _list_page(request, session, user=user)


@router.post("/assemblies")
def create_assembly(
    request: Request, session: SessionDep, user: WebUser, form: FormDep
) -> Response:
    """Record a dong's yearly assembly."""
    values = text_values(form)
    try:
        data = build(AssemblyCreate, filled(values, ASSEMBLY_FIELDS))
        with form_write(session):
            row = service.create(session, user=user, data=data)
    except FormInvalid as exc:
        return _list_page(
            request, session, user=user, values=values, errors=exc.errors, status_code=422
        )
    return saved_redirect(f"/assemblies/{row.id}?saved=assembly")


@router.get("/assemblies/turnout")
def read_turnout(
    request: Request,
    session: SessionDep,
    user: WebUser,
    year: Annotated[int | None, Query(ge=2012, le=2100)] = None,
) -> Response:
    """Every dong's assembly turnout of a year, and the share of dongs reaching 1%."""
    chosen = year or clock.today().year
    result = summary.city_turnout(session, user=user, year=chosen)
    return render(request, "assemblies/turnout.html", {"summary": result})


def _assembly_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    assembly_id: int,
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    row = service.get(session, user=user, assembly_id=assembly_id)
    plans = service.plans_of_assembly(session, user=user, assembly_id=assembly_id)
    context: dict[str, Any] = {
        "a": service.public(session, row),
        "plans": [items.plan_public(session, p) for p in plans],
        "values": values or {"year": str(row.year + 1)},
        "errors": errors or {},
    }
    return render(request, "assemblies/detail.html", context, status_code=status_code)


@router.get("/assemblies/{assembly_id}")
def read_assembly(
    request: Request, session: SessionDep, user: WebUser, assembly_id: int
) -> Response:
    """One assembly: who took part and voted, turnout, quorum, and the plan it voted."""
    return _assembly_page(request, session, user=user, assembly_id=assembly_id)


@router.post("/assemblies/{assembly_id}/plans")
def create_plan(
    request: Request, session: SessionDep, user: WebUser, assembly_id: int, form: FormDep
) -> Response:
    """Create the autonomy plan this assembly voted."""
    values = text_values(form)
    try:
        assembly = service.get(session, user=user, assembly_id=assembly_id)
        data = build(
            PlanCreate,
            {
                **filled(values, ("year", "title")),
                "dong_code": assembly.dong_code,
                "assembly_id": assembly_id,
            },
        )
        with form_write(session):
            plan = service.create_plan(session, user=user, data=data)
    except FormInvalid as exc:
        return _assembly_page(
            request,
            session,
            user=user,
            assembly_id=assembly_id,
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/assemblies/plans/{plan.id}?saved=plan")


def _plan_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    plan_id: int,
    failed: str = "",
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    plan = service.get_plan(session, user=user, plan_id=plan_id)
    context: dict[str, Any] = {
        "plan": items.plan_public(session, plan),
        "projects": items.project_choices(session, user=user, plan=plan),
        "failed": failed,
        "values": values or {},
        "errors": errors or {},
    }
    return render(request, "assemblies/plan.html", context, status_code=status_code)


@router.get("/assemblies/plans/{plan_id}")
def read_plan(request: Request, session: SessionDep, user: WebUser, plan_id: int) -> Response:
    """A plan's agenda items: subcommittee, votes, budget, executing project."""
    return _plan_page(request, session, user=user, plan_id=plan_id)


@router.post("/assemblies/plans/{plan_id}/items")
def create_item(
    request: Request, session: SessionDep, user: WebUser, plan_id: int, form: FormDep
) -> Response:
    """Add an agenda item to the plan."""
    values = text_values(form)
    try:
        data = build(ItemCreate, filled(values, ITEM_FIELDS))
        with form_write(session):
            items.create(session, user=user, plan_id=plan_id, data=data)
    except FormInvalid as exc:
        return _plan_page(
            request,
            session,
            user=user,
            plan_id=plan_id,
            failed="item",
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/assemblies/plans/{plan_id}?saved=item")


def _item_refused(
    request: Request,
    session: Session,
    user: UserAccount,
    item_id: int,
    failed: str,
    values: dict[str, str],
    exc: FormInvalid,
) -> Response:
    row = items.get(session, user=user, item_id=item_id)
    return _plan_page(
        request,
        session,
        user=user,
        plan_id=row.plan_id,
        failed=f"{failed}-{item_id}",
        values=values,
        errors=exc.errors,
        status_code=422,
    )


@router.post("/assemblies/items/{item_id}/votes")
def record_votes(
    request: Request, session: SessionDep, user: WebUser, item_id: int, form: FormDep
) -> Response:
    """Record the assembly's votes on an item."""
    values = text_values(form)
    try:
        data = build(VotesRecord, filled(values, VOTE_FIELDS))
        with form_write(session):
            row = items.record_votes(session, user=user, item_id=item_id, data=data)
    except FormInvalid as exc:
        return _item_refused(request, session, user, item_id, "votes", values, exc)
    return saved_redirect(f"/assemblies/plans/{row.plan_id}?saved=votes#item-{item_id}")


@router.post("/assemblies/items/{item_id}/project")
def link_project(
    request: Request, session: SessionDep, user: WebUser, item_id: int, form: FormDep
) -> Response:
    """Name the project that executes an item."""
    values = text_values(form)
    try:
        data = build(ProjectLink, filled(values, ("project_id",)))
        with form_write(session):
            row = items.link_project(session, user=user, item_id=item_id, data=data)
    except FormInvalid as exc:
        return _item_refused(request, session, user, item_id, "project", values, exc)
    return saved_redirect(f"/assemblies/plans/{row.plan_id}?saved=project#item-{item_id}")
