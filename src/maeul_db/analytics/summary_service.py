"""Rebuilding the analytics summaries in full (``maeul-db summaries refresh``, the demo)."""

from __future__ import annotations

from dataclasses import dataclass
from time import perf_counter

from sqlmodel import Session

from maeul_db.analytics import summary
from maeul_db.errors import Forbidden
from maeul_db.models import Role, UserAccount


@dataclass
class Refreshed:
    version: int
    seconds: float


def refresh(session: Session, *, user: UserAccount) -> Refreshed:
    """Every summary rebuilt from the raw facts (city admins and the operator only)."""
    if user.role != Role.city_admin:
        raise Forbidden("analytics.forbidden")
    started = perf_counter()
    version = summary.refresh_all(session)
    return Refreshed(version=version, seconds=round(perf_counter() - started, 2))
