"""Who may use analytics and on what scope (pure policies)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar

from sqlmodel import Session

from maeul_db.config import get_settings
from maeul_db.errors import Forbidden
from maeul_db.kit import deadline
from maeul_db.models import Role, UserAccount

P = ParamSpec("P")
R = TypeVar("R")


def time_limited(
    use_case: Callable[Concatenate[Session, P], R],
) -> Callable[Concatenate[Session, P], R]:
    """Run an analytics use case within ``analytics_time_limit_s`` (kit.deadline): the database
    side and the Python loops both stop at the deadline, whichever door called. A use case called
    from another keeps the caller's budget."""

    @wraps(use_case)
    def limited(session: Session, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with deadline.bounded(session, seconds=get_settings().analytics_time_limit_s):
            return use_case(session, *args, **kwargs)

    return limited


def scope_district(user: UserAccount, district_code: str | None) -> str | None:
    """The district the user's analysis is limited to (None = city-wide).

    Analysts and city admins choose; district staff always get their own district; experts none.
    """
    if user.role in (Role.analyst, Role.city_admin):
        return district_code or None
    if user.role == Role.district_staff and user.district_code:
        if district_code and district_code != user.district_code:
            raise Forbidden("analytics.other_district")
        return user.district_code
    raise Forbidden("analytics.forbidden")


def suppression_threshold(user: UserAccount) -> int | None:
    """Analysts see small cells suppressed; staff and admins work with the records anyway."""
    return get_settings().analytics_min_cell if user.role == Role.analyst else None


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _quarter_end(day: date) -> date:
    first = _quarter_start(day)
    if first.month == 10:  # the last quarter ends on 31 December (also in year 9999)
        return date(first.year, 12, 31)
    return date(first.year, first.month + 3, 1) - timedelta(days=1)


def snap_period(user: UserAccount, start: date, end: date) -> tuple[date, date]:
    """The period an analyst's figures are computed on: whole calendar quarters (start back to its
    quarter's first day, end on to its quarter's last). Every day of a quarter gives the same
    answer, so moving a period's end or start a day at a time reveals no one's date, and small-cell
    suppression is decided on that one snapped period whichever days were asked for
    (docs/security.md "Re-identification"). Staff and admins work with the records: no snapping."""
    if user.role != Role.analyst:
        return start, end
    return _quarter_start(start), _quarter_end(end)


def snap_day(user: UserAccount, day: date) -> date:
    """A single "as of" day for an analyst: the last day of its quarter (see ``snap_period``)."""
    return _quarter_end(day) if user.role == Role.analyst else day
