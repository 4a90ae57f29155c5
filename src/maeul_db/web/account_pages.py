"""Account administration pages (city admin): the list with search, create, edit role and
district, disable and re-enable, reset a password. A new or reset password is shown once, on the
answer to the POST, and never again. Who may do what is decided by ``accounts.service``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.accounts import service as account_service
from maeul_db.accounts.schemas import AccountCreate, AccountUpdate
from maeul_db.auth.deps import SessionDep
from maeul_db.kit.pagination import Page
from maeul_db.models import UserAccount
from maeul_db.paperwork import reps as paperwork_reps
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import (
    FieldError,
    FormDep,
    FormInvalid,
    build,
    filled,
    form_write,
    page_count,
    saved_redirect,
    text_values,
)
from maeul_db.web.templating import render

ACCOUNTS_PER_PAGE = 50
ACCOUNT_FIELDS = ("username", "role", "district_code", "person_id", "display_name")

router = APIRouter(prefix="/admin/accounts", dependencies=[Depends(get_web_user)])


@router.get("")
def list_accounts(
    request: Request,
    session: SessionDep,
    user: WebUser,
    q: Annotated[str | None, Query(max_length=100)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """Every account with its role, district, state and last login; search by name."""
    query = (q or "").strip() or None
    offset = (page - 1) * ACCOUNTS_PER_PAGE
    rows, count = account_service.list_(
        session,
        user=user,
        query=query,
        page=Page(limit=ACCOUNTS_PER_PAGE, offset=offset),
    )
    context = {
        "rows": rows,
        "count": count,
        "q": query or "",
        "page": page,
        "pages": page_count(count, ACCOUNTS_PER_PAGE),
        "districts": _district_names(session, user),
    }
    return render(request, "admin/accounts.html", context)


def _district_names(session: Session, user: UserAccount) -> dict[str, str]:
    return {d.code: d.name_ko for d in account_service.districts(session, user=user)}


def _form(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    values: dict[str, str],
    errors: dict[str, FieldError] | None = None,
    account: UserAccount | None = None,
    status_code: int = 200,
) -> Response:
    context: dict[str, Any] = {
        "values": values,
        "errors": errors or {},
        "account": account,
        "districts": account_service.districts(session, user=user),
    }
    return render(request, "admin/account_form.html", context, status_code=status_code)


@router.get("/new")
def new_account(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The form for a new account."""
    return _form(request, session, user=user, values={})


def _one_time(
    request: Request, session: Session, user: UserAccount, account: UserAccount, password: str
) -> Response:
    context = {
        "account": account,
        "password": password,
        "districts": _district_names(session, user),
    }
    return render(request, "admin/one_time_password.html", context)


@router.post("/new")
def create_account(request: Request, session: SessionDep, user: WebUser, form: FormDep) -> Response:
    """Create the account and show its one-time password (this once)."""
    values = text_values(form)
    try:
        data = build(AccountCreate, filled(values, ACCOUNT_FIELDS))
        with form_write(session):
            account, password = account_service.create(session, user=user, data=data)
            assert account.id is not None
            _link_groups(session, user, account.id, values)
    except FormInvalid as exc:
        return _form(request, session, user=user, values=values, errors=exc.errors, status_code=422)
    return _one_time(request, session, user, account, password)


def _link_groups(
    session: Session, user: UserAccount, account_id: int, values: dict[str, str]
) -> None:
    """The groups a representative's account speaks for (numbers separated by spaces)."""
    raw = values.get("group_ids", "").replace(",", " ").split()
    if any(not part.isdigit() for part in raw):
        raise FormInvalid({"group_ids": FieldError(code="int_parsing")})
    paperwork_reps.link_groups(
        session, user=user, account_id=account_id, group_ids=[int(part) for part in raw]
    )


def _values_of(session: Session, user: UserAccount, account: UserAccount) -> dict[str, str]:
    values = {
        name: "" if getattr(account, name) is None else str(getattr(account, name))
        for name in ACCOUNT_FIELDS
    }
    assert account.id is not None
    groups = paperwork_reps.linked_groups(session, user=user, account_id=account.id)
    values["group_ids"] = " ".join(str(g.id) for g in groups)
    values["group_names"] = ", ".join(g.name for g in groups)
    return values


@router.get("/{account_id}")
def show_account(request: Request, session: SessionDep, user: WebUser, account_id: int) -> Response:
    """One account: its details, last login, the edit form and the state buttons."""
    account = account_service.get(session, user=user, account_id=account_id)
    return _form(
        request, session, user=user, values=_values_of(session, user, account), account=account
    )


@router.post("/{account_id}")
def update_account(
    request: Request, session: SessionDep, user: WebUser, account_id: int, form: FormDep
) -> Response:
    """Save the role, district, linked person and display name."""
    values = text_values(form)
    try:
        data = build(AccountUpdate, filled(values, ACCOUNT_FIELDS[1:]))
        with form_write(session):
            account_service.update(session, user=user, account_id=account_id, data=data)
            _link_groups(session, user, account_id, values)
    except FormInvalid as exc:
        account = account_service.get(session, user=user, account_id=account_id)
        return _form(
            request,
            session,
            user=user,
            values=values,
            errors=exc.errors,
            account=account,
            status_code=422,
        )
    return saved_redirect(f"/admin/accounts/{account_id}?saved=account_updated")


@router.post("/{account_id}/disable")
def disable_account(session: SessionDep, user: WebUser, account_id: int) -> Response:
    """Disable: the account's sessions and tokens stop at once."""
    account_service.set_active(session, user=user, account_id=account_id, active=False)
    return saved_redirect(f"/admin/accounts/{account_id}?saved=account_disabled")


@router.post("/{account_id}/enable")
def enable_account(session: SessionDep, user: WebUser, account_id: int) -> Response:
    """Re-enable a disabled account."""
    account_service.set_active(session, user=user, account_id=account_id, active=True)
    return saved_redirect(f"/admin/accounts/{account_id}?saved=account_enabled")


@router.post("/{account_id}/reset-password")
def reset_password(
    request: Request, session: SessionDep, user: WebUser, account_id: int
) -> Response:
    """A new one-time password, shown once; the account's sessions and tokens end."""
    account, password = account_service.reset_password(session, user=user, account_id=account_id)
    return _one_time(request, session, user, account, password)
