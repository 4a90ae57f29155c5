"""Who a command acts as: the one synthetic operator account every ``maeul-db`` command uses.

Commands run at the server, not through a login, with the city's authority. The operator is a city
admin that is never stored (no id, no password); the access and audit logs name it ``cli``. A
command that takes ``--as USERNAME`` acts as that stored account instead.
"""

from __future__ import annotations

from sqlmodel import Session, select

from maeul_db.errors import NotFound
from maeul_db.models import Role, UserAccount

CLI_USERNAME = "cli"


def cli_operator() -> UserAccount:
    """A fresh (never persisted) city-admin account named ``cli``."""
    return UserAccount(username=CLI_USERNAME, password_hash="", role=Role.city_admin)


def acting_user(session: Session, username: str | None) -> UserAccount:
    """The stored account ``username``, or the operator when no account is named."""
    if username is None:
        return cli_operator()
    user = session.exec(select(UserAccount).where(UserAccount.username == username)).first()
    if user is None:
        raise NotFound("account.not_found", username=username)
    return user
