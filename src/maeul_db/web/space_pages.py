"""Community space and village network pages (issue 12): district staff record their district's
spaces (마을활력소, 공동체 공간) with their operators (each a space_operator career) and their
district's 마을넷 with its member groups over time."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.auth.deps import SessionDep
from maeul_db.kit import time as clock
from maeul_db.models import UserAccount
from maeul_db.refdata import choices
from maeul_db.spaces import networks, service
from maeul_db.spaces.schemas import (
    MemberClose,
    MemberCreate,
    NetworkCreate,
    OperatorCreate,
    SpaceCreate,
)
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import (
    FieldError,
    FormDep,
    FormInvalid,
    build,
    closing_valid_to,
    filled,
    form_write,
    resolve_person,
    saved_redirect,
    text_values,
)
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])

SPACE_FIELDS = ("district_code", "dong_code", "name", "address", "kind", "valid_from")


def _spaces_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "rows": service.list_(session, user=user),
        "values": values or {"valid_from": clock.today().isoformat(), "kind": "hub"},
        "errors": errors or {},
        **choices.form_options(session, user=user),
    }
    return render(request, "spaces/list.html", context, status_code=status_code)


@router.get("/spaces")
def list_spaces(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The district's community spaces, and the form to record one."""
    return _spaces_page(request, session, user=user)


def _valid_to(values: dict[str, str]) -> Any:
    return closing_valid_to(values) if values.get("last_day") else None


@router.post("/spaces")
def create_space(request: Request, session: SessionDep, user: WebUser, form: FormDep) -> Response:
    """Record a space (its 폐소일, when given, is the last day it was open)."""
    values = text_values(form)
    try:
        data = build(SpaceCreate, {**filled(values, SPACE_FIELDS), "valid_to": _valid_to(values)})
        with form_write(session):
            row = service.create(session, user=user, data=data)
    except FormInvalid as exc:
        return _spaces_page(
            request, session, user=user, values=values, errors=exc.errors, status_code=422
        )
    return saved_redirect(f"/spaces/{row.id}?saved=space")


def _space_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    space_id: int,
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "space": service.detail(session, user=user, space_id=space_id),
        "values": values or {"valid_from": clock.today().isoformat()},
        "errors": errors or {},
    }
    return render(request, "spaces/space.html", context, status_code=status_code)


@router.get("/spaces/{space_id}")
def read_space(request: Request, session: SessionDep, user: WebUser, space_id: int) -> Response:
    """A space with its operators."""
    return _space_page(request, session, user=user, space_id=space_id)


@router.post("/spaces/{space_id}/operators")
def add_operator(
    request: Request, session: SessionDep, user: WebUser, space_id: int, form: FormDep
) -> Response:
    """Record an operator job (found by name or number among the people the user may see)."""
    service.get(session, user=user, space_id=space_id)
    values = text_values(form)
    try:
        person_id = resolve_person(
            session, user=user, person=values.get("person", ""), pick=values.get("person_pick", "")
        )
        data = build(
            OperatorCreate,
            {
                "person_id": person_id,
                **filled(values, ("valid_from",)),
                "valid_to": _valid_to(values),
            },
        )
        with form_write(session):
            service.add_operator(session, user=user, space_id=space_id, data=data)
    except FormInvalid as exc:
        return _space_page(
            request,
            session,
            user=user,
            space_id=space_id,
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/spaces/{space_id}?saved=operator")


def _networks_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    rows = [
        networks.public(session, user=user, network=n) for n in networks.list_(session, user=user)
    ]
    context = {
        "rows": rows,
        "values": values or {},
        "errors": errors or {},
        **choices.form_options(session, user=user),
    }
    return render(request, "spaces/networks.html", context, status_code=status_code)


@router.get("/networks")
def list_networks(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The district's village network (the city admin: every district's)."""
    return _networks_page(request, session, user=user)


@router.post("/networks")
def create_network(request: Request, session: SessionDep, user: WebUser, form: FormDep) -> Response:
    """Record the district's village network."""
    values = text_values(form)
    try:
        data = build(NetworkCreate, filled(values, ("district_code", "name", "founded_on")))
        with form_write(session):
            row = networks.create(session, user=user, data=data)
    except FormInvalid as exc:
        return _networks_page(
            request, session, user=user, values=values, errors=exc.errors, status_code=422
        )
    return saved_redirect(f"/networks/{row.id}?saved=network")


def _network_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    network_id: int,
    failed: str = "",
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "network": networks.detail(session, user=user, network_id=network_id),
        "groups": choices.search_options(session, user=user)["groups"],
        "failed": failed,
        "values": values or {"valid_from": clock.today().isoformat()},
        "errors": errors or {},
    }
    return render(request, "spaces/network.html", context, status_code=status_code)


@router.get("/networks/{network_id}")
def read_network(request: Request, session: SessionDep, user: WebUser, network_id: int) -> Response:
    """A network with its member groups over time."""
    return _network_page(request, session, user=user, network_id=network_id)


@router.post("/networks/{network_id}/members")
def add_network_member(
    request: Request, session: SessionDep, user: WebUser, network_id: int, form: FormDep
) -> Response:
    """A group of the district joins the network."""
    values = text_values(form)
    try:
        data = build(MemberCreate, filled(values, ("group_id", "valid_from")))
        with form_write(session):
            networks.add_member(session, user=user, network_id=network_id, data=data)
    except FormInvalid as exc:
        return _network_page(
            request,
            session,
            user=user,
            network_id=network_id,
            failed="member",
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/networks/{network_id}?saved=network_member")


@router.post("/networks/members/{member_id}/close")
def close_network_member(
    request: Request, session: SessionDep, user: WebUser, member_id: int, form: FormDep
) -> Response:
    """End a group's network membership on its 종료일 (inclusive)."""
    values = text_values(form)
    try:
        data = build(MemberClose, {"valid_to": closing_valid_to(values)})
        with form_write(session):
            row = networks.close_member(session, user=user, member_id=member_id, data=data)
    except FormInvalid as exc:
        network_id = networks.network_of_member(session, user=user, member_id=member_id)
        return _network_page(
            request,
            session,
            user=user,
            network_id=network_id,
            failed=f"close-{member_id}",
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/networks/{row.network_id}?saved=network_member_closed")
