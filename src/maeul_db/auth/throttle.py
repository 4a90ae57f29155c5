"""Login throttling per account and per source address, kept in the database (``login_failure``)
so every worker process sees the same counts.

Within the window (``login_window_seconds``), an account with ``login_max_failures_per_account``
failures, or an address with ``login_max_failures_per_address``, is refused even the right
password until the oldest failure ages out. A success clears the account's failures. Each lockout
writes one audit row. The failure rows must survive the refused request, whose transaction would
otherwise be rolled back: the errors raised here carry ``keep_writes`` (``db.session_scope``).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.config import get_settings
from maeul_db.errors import MaeulError, Unauthorized
from maeul_db.kit.time import utcnow
from maeul_db.models import LoginFailure

_USERNAME_WIDTH = 200


class LoginThrottled(MaeulError):
    status_code = 429
    error = "too_many_attempts"
    keep_writes = True


class WrongCredentials(Unauthorized):
    """A failed login: its failure row is committed although the request answers 401."""

    keep_writes = True


def _since() -> datetime:
    return utcnow() - timedelta(seconds=get_settings().login_window_seconds)


def _failures(session: Session, column: object, value: str) -> int:
    stmt = select(func.count()).select_from(LoginFailure).where(column == value)
    return int(session.exec(stmt.where(col(LoginFailure.at) >= _since())).one())


def _refusal() -> LoginThrottled:
    minutes = math.ceil(get_settings().login_window_seconds / 60)
    return LoginThrottled("auth.too_many_attempts", minutes=minutes)


def check(session: Session, *, username: str, address: str) -> None:
    """Refuse (429) before the password is even looked at when either count is exhausted."""
    settings = get_settings()
    name = username[:_USERNAME_WIDTH]
    if _failures(session, LoginFailure.username, name) >= settings.login_max_failures_per_account:
        raise _refusal()
    if (
        _failures(session, LoginFailure.source_address, address)
        >= settings.login_max_failures_per_address
    ):
        raise _refusal()


def record_failure(session: Session, *, username: str, address: str) -> None:
    """Count one failure; the one that reaches a limit writes the lockout's audit row."""
    settings = get_settings()
    name = username[:_USERNAME_WIDTH]
    # Rows past the window count for nothing any more; dropping them keeps the table small.
    session.exec(delete(LoginFailure).where(col(LoginFailure.at) < _since()))
    session.add(LoginFailure(username=name, source_address=address))
    session.flush()
    limits = (
        ("account", LoginFailure.username, name, settings.login_max_failures_per_account),
        ("address", LoginFailure.source_address, address, settings.login_max_failures_per_address),
    )
    for kind, column, value, limit in limits:
        if _failures(session, column, value) == limit:
            audit.record(
                session,
                actor=None,
                action="login_lockout",
                entity=f"login_{kind}",
                entity_id=value[:40],
                after={"failures": limit, "window_seconds": settings.login_window_seconds},
            )


def clear(session: Session, *, username: str) -> None:
    """A successful login forgets the account's failures (not the address's)."""
    stmt = delete(LoginFailure).where(col(LoginFailure.username) == username[:_USERNAME_WIDTH])
    session.exec(stmt)
