"""The one clock, and the one meaning of 종료일.

- ``now()`` is the instant (aware, UTC): what timestamps store. ``today()`` is the calendar day in
  Seoul: every "today" (default "as of" dates, certificate issue dates, year defaults). A server
  whose local zone is UTC would otherwise see yesterday until 09:00 KST.
- ``to_kst`` and the Jinja filters show stored instants in Seoul time; SQLite hands back naive
  datetimes, which are UTC because that is what ``now()`` stores.
- Intervals are stored half-open (``valid_to`` is the first day no longer counted). People read
  and type 종료일 as the last day counted; ``valid_to_from_last_day`` and
  ``last_day_from_valid_to`` are the only conversions between the two.
- Tests set the clock with ``frozen_at``; nothing patches ``datetime``.

This is the only module that asks the system for the date or time (tests/kit/test_clock_scan.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any, overload
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, or_

from maeul_db.errors import InvalidInput

SEOUL = ZoneInfo("Asia/Seoul")
ONE_DAY = timedelta(days=1)


class _Clock:
    """Module state: a fixed instant while a test holds ``frozen_at``, else the system clock.

    A plain global rather than a context variable, so handlers that run in the test client's
    worker threads see the same instant as the test."""

    fixed: datetime | None = None


_clock = _Clock()


def now() -> datetime:
    """This instant, timezone-aware, in UTC."""
    return _clock.fixed if _clock.fixed is not None else datetime.now(UTC)


def utcnow() -> datetime:
    """Same as ``now()``; kept for the model defaults and callers written before ``now()``."""
    return now()


def today() -> date:
    """Today's date in Seoul, whatever the server's own time zone."""
    return now().astimezone(SEOUL).date()


@contextmanager
def frozen_at(moment: datetime) -> Iterator[datetime]:
    """Stop the clock at ``moment`` (aware) for the duration of the block; for tests and replays."""
    if moment.tzinfo is None:
        raise ValueError("frozen_at needs an aware datetime (e.g. tzinfo=UTC)")
    previous, _clock.fixed = _clock.fixed, moment.astimezone(UTC)
    try:
        yield _clock.fixed
    finally:
        _clock.fixed = previous


def to_kst(moment: datetime) -> datetime:
    """An instant in Seoul time; a naive value is taken as UTC (how SQLite returns stored ones)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(SEOUL)


def kst_date(moment: datetime) -> date:
    """The Seoul calendar day of an instant (a certificate's issue date, a log row's day)."""
    return to_kst(moment).date()


@overload
def valid_to_from_last_day(last_day: date) -> date: ...
@overload
def valid_to_from_last_day(last_day: None) -> None: ...
def valid_to_from_last_day(last_day: date | None) -> date | None:
    """종료일 as typed (the last day counted, inclusive) → the stored exclusive ``valid_to``."""
    if last_day is None:
        return None
    if last_day == date.max:
        raise InvalidInput("interval.last_day_out_of_range", field="valid_to")
    return last_day + ONE_DAY


@overload
def last_day_from_valid_to(valid_to: date) -> date: ...
@overload
def last_day_from_valid_to(valid_to: None) -> None: ...
def last_day_from_valid_to(valid_to: date | None) -> date | None:
    """The stored exclusive ``valid_to`` → 종료일 as shown (the last day counted)."""
    return None if valid_to is None else valid_to - ONE_DAY


# Jinja filters: registered on the web templates (web/templating.py) and the printed documents
# (kit/pdf.py), so every page and PDF shows times and end dates the same way.


def _instant(value: datetime | str) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def format_kst(value: datetime | str | None) -> str:
    """``{{ batch.created_at | kst }}`` → ``2026-03-02 08:30`` (Seoul time)."""
    return "" if value is None else to_kst(_instant(value)).strftime("%Y-%m-%d %H:%M")


def format_kst_date(value: datetime | str | None) -> str:
    """``{{ certificate.issued_at | kst_date }}`` → ``2026-03-02`` (the Seoul day)."""
    return "" if value is None else kst_date(_instant(value)).isoformat()


def format_last_day(value: date | str | None) -> str:
    """``{{ row.valid_to | last_day }}`` → the 종료일 people read; blank while still open."""
    if value is None or value == "":
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return last_day_from_valid_to(day).isoformat()


def format_ko_date(value: date | datetime | str | None) -> str:
    """``{{ event.on | ko_date }}`` → ``2026. 3. 2.``, the way Korean documents write a day; an
    instant is shown as its Seoul day, text is read as an ISO date or instant."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    day = kst_date(value) if isinstance(value, datetime) else value
    return f"{day.year}. {day.month}. {day.day}."


FILTERS: dict[str, Callable[[Any], str]] = {
    "ko_date": format_ko_date,
    "kst": format_kst,
    "kst_date": format_kst_date,
    "last_day": format_last_day,
}


def active_on(model: Any, on: date) -> ColumnElement[bool]:
    """``valid_from <= on < valid_to`` (open end when NULL), ignoring voided (corrected-away) rows."""
    condition = and_(
        model.valid_from <= on,
        or_(model.valid_to.is_(None), model.valid_to > on),
    )
    if hasattr(model, "voided_at"):
        condition = and_(condition, model.voided_at.is_(None))
    return condition


# Facts (participations, memberships, activities, careers, placements, enrolments, founding
# dates) are dated from FACTS_FROM to the end of next year: the programme's residents were not
# active earlier, and a date beyond next year is a typing error, not a plan.
FACTS_FROM = date(1950, 1, 1)
# Analytics periods: within these years and at most PERIOD_MAX_YEARS long, so one request does
# bounded work (a yearly series has at most 50 points).
PERIODS_FROM = date(1900, 1, 1)
PERIODS_TO = date(2100, 12, 31)
PERIOD_MAX_YEARS = 50


def facts_until() -> date:
    """The last day a fact may be dated: 31 December of next year (Seoul calendar)."""
    return date(today().year + 1, 12, 31)


def check_fact_date(day: date, *, field: str) -> None:
    """Refuse a fact dated outside FACTS_FROM .. the end of next year."""
    last = facts_until()
    if not FACTS_FROM <= day <= last:
        raise InvalidInput("input.date_out_of_range", field=field, low=FACTS_FROM, high=last)


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def check_period(start: date, end: date) -> None:
    """One rule for every analytics period (API, pages, commands): ``end`` not before
    ``start``, both within 1900-2100, at most 50 years long."""
    for day, field in ((start, "from"), (end, "to")):
        if not PERIODS_FROM <= day <= PERIODS_TO:
            raise InvalidInput(
                "input.period_out_of_range", field=field, low=PERIODS_FROM, high=PERIODS_TO
            )
    if end < start:
        raise InvalidInput("input.period_reversed", field="to")
    if start < years_before(end, PERIOD_MAX_YEARS):
        raise InvalidInput("input.period_too_long", field="from", years=PERIOD_MAX_YEARS)


def check_interval(valid_from: date, valid_to: date | None) -> None:
    """At least one day counted: the last day (``valid_to`` - 1) is not before the first."""
    if valid_to is not None and valid_to <= valid_from:
        raise InvalidInput("interval.end_not_after_start", field="valid_to")
