"""Account administration API (city admin): list, create, change, disable, reset a password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from maeul_db.accounts import service
from maeul_db.accounts.schemas import (
    AccountCreate,
    AccountPublic,
    AccountsPublic,
    AccountUpdate,
    OneTimePassword,
)
from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.kit.pagination import Page
from maeul_db.models import UserAccount

router = APIRouter(prefix="/accounts", tags=["accounts"])


def to_public(account: UserAccount) -> AccountPublic:
    return AccountPublic.model_validate(account, from_attributes=True)


@router.get("", response_model=AccountsPublic)
def list_accounts(
    session: SessionDep,
    user: CurrentUser,
    q: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> AccountsPublic:
    """Every account, searched by username or display name (city admin)."""
    rows, count = service.list_(session, user=user, page=Page(limit, offset), query=q)
    return AccountsPublic(data=[to_public(r) for r in rows], count=count)


@router.post("", response_model=OneTimePassword, status_code=201)
def create_account(session: SessionDep, user: CurrentUser, data: AccountCreate) -> OneTimePassword:
    """Create an account; its one-time password is in this answer only."""
    account, password = service.create(session, user=user, data=data)
    return OneTimePassword(account=to_public(account), password=password)


@router.get("/{account_id}", response_model=AccountPublic)
def read_account(session: SessionDep, user: CurrentUser, account_id: int) -> AccountPublic:
    """One account, with its last login (city admin)."""
    return to_public(service.get(session, user=user, account_id=account_id))


@router.put("/{account_id}", response_model=AccountPublic)
def update_account(
    session: SessionDep, user: CurrentUser, account_id: int, data: AccountUpdate
) -> AccountPublic:
    """Set the role, district, linked person and display name (city admin)."""
    return to_public(service.update(session, user=user, account_id=account_id, data=data))


@router.post("/{account_id}/disable", response_model=AccountPublic)
def disable_account(session: SessionDep, user: CurrentUser, account_id: int) -> AccountPublic:
    """Disable: every session and token of the account stops at once (city admin)."""
    account = service.set_active(session, user=user, account_id=account_id, active=False)
    return to_public(account)


@router.post("/{account_id}/enable", response_model=AccountPublic)
def enable_account(session: SessionDep, user: CurrentUser, account_id: int) -> AccountPublic:
    """Re-enable a disabled account (city admin)."""
    account = service.set_active(session, user=user, account_id=account_id, active=True)
    return to_public(account)


@router.post("/{account_id}/reset-password", response_model=OneTimePassword)
def reset_account_password(
    session: SessionDep, user: CurrentUser, account_id: int
) -> OneTimePassword:
    """A new one-time password (in this answer only); the account's sessions and tokens end."""
    account, password = service.reset_password(session, user=user, account_id=account_id)
    return OneTimePassword(account=to_public(account), password=password)
