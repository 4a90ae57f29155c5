"""Account administration (city admin): list and search, create with a one-time password,
change role and district, disable and re-enable, reset a password. Every change writes an audit
row; disabling or resetting ends every session and token of the account at once (its session
version moves, ``auth.service.end_sessions``).
"""

from __future__ import annotations

import secrets
from typing import Any

from sqlmodel import Session, col, or_, select

from maeul_db.accounts.schemas import AccountCreate, AccountUpdate
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.auth import service as auth_service
from maeul_db.auth.passwords import check_password_policy
from maeul_db.auth.schemas import UserCreate
from maeul_db.errors import Forbidden, InvalidInput, MaeulError, NotFound
from maeul_db.kit.pagination import Page, paginate
from maeul_db.models import District, UserAccount
from maeul_db.refdata import queries as refdata_queries

ENTITY = "user_account"
# 15 random bytes: a 20-character URL-safe password, far past the policy's length and lists.
_ONE_TIME_BYTES = 15


def _require_admin(user: UserAccount) -> None:
    if not policies.can_manage_accounts(user):
        raise Forbidden("account.manage_forbidden")


def one_time_password(username: str) -> str:
    """A random password that meets the policy (redrawn in the unlikely case it does not)."""
    while True:
        candidate = secrets.token_urlsafe(_ONE_TIME_BYTES)
        try:
            check_password_policy(candidate, username=username)
        except MaeulError:
            continue
        return candidate


def list_(
    session: Session, *, user: UserAccount, page: Page, query: str | None = None
) -> tuple[list[UserAccount], int]:
    """Every account, searched by username or display name."""
    _require_admin(user)
    stmt = select(UserAccount)
    if query:
        pattern = f"%{query.strip().lower()}%"
        stmt = stmt.where(
            or_(
                col(UserAccount.username).ilike(pattern),
                col(UserAccount.display_name).ilike(pattern),
            )
        )
    return paginate(session, stmt, page=page, order_by=col(UserAccount.username))


def get(session: Session, *, user: UserAccount, account_id: int) -> UserAccount:
    _require_admin(user)
    account = session.get(UserAccount, account_id)
    if account is None:
        raise NotFound("account.id_not_found")
    return account


def create(session: Session, *, user: UserAccount, data: AccountCreate) -> tuple[UserAccount, str]:
    """The account and its first password, which nothing stores in clear: show it once."""
    _require_admin(user)
    password = one_time_password(data.username)
    account = auth_service.create(
        session, data=UserCreate(**data.model_dump(), password=password), actor=user
    )
    return account, password


def _snapshot(account: UserAccount) -> dict[str, Any]:
    return {
        "role": account.role,
        "district_code": account.district_code,
        "person_id": account.person_id,
        "display_name": account.display_name,
    }


def update(
    session: Session, *, user: UserAccount, account_id: int, data: AccountUpdate
) -> UserAccount:
    """New role, district, person or display name. The admin cannot change their own role
    (the last admin could otherwise lock the city out)."""
    account = get(session, user=user, account_id=account_id)
    if account.id == user.id and data.role != account.role:
        raise InvalidInput("account.cannot_change_own_role", field="role")
    auth_service.check_scope(
        session, role=data.role, district_code=data.district_code, person_id=data.person_id
    )
    before = _snapshot(account)
    account.role = data.role
    account.district_code = data.district_code
    account.person_id = data.person_id
    account.display_name = data.display_name
    session.add(account)
    session.flush()
    after = _snapshot(account)
    changed = {k: v for k, v in after.items() if before[k] != v}
    if changed:
        audit.record(
            session,
            actor=user,
            action="update",
            entity=ENTITY,
            entity_id=account.id,
            district_code=account.district_code or before["district_code"],
            before={k: before[k] for k in changed},
            after=changed,
        )
    return account


def set_active(
    session: Session, *, user: UserAccount, account_id: int, active: bool
) -> UserAccount:
    """Disable (every session and token ends now; logins are refused) or re-enable."""
    account = get(session, user=user, account_id=account_id)
    if account.id == user.id and not active:
        raise InvalidInput("account.cannot_disable_self", field="account_id")
    if account.is_active == active:
        return account
    account.is_active = active
    if not active:
        auth_service.end_sessions(session, user=account)
    session.add(account)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="enable" if active else "disable",
        entity=ENTITY,
        entity_id=account.id,
        district_code=account.district_code,
        before={"is_active": not active},
        after={"is_active": active},
    )
    return account


def reset_password(
    session: Session, *, user: UserAccount, account_id: int
) -> tuple[UserAccount, str]:
    """A new one-time password; every session and token of the account ends."""
    account = get(session, user=user, account_id=account_id)
    password = one_time_password(account.username)
    auth_service.set_password(
        session, user=account, password=password, actor=user, action="password_reset"
    )
    return account, password


def districts(session: Session, *, user: UserAccount) -> list[District]:
    """The district choices of the account form (city admin)."""
    _require_admin(user)
    return refdata_queries.districts(session)
