"""Who met two projects or more in a period of whole months within the summarised years (an
analyst's quarter, July to June, July 2020 to June 2023), read on each person's last row of the
period as a sum, like the other counts of ``family_months`` (issue 11).

Each person-year row holds ``two_since``: the last month from which to 31 December of its year
the person took part in two distinct projects. On a person's last row of the period (no taking
part after it within the period: ``next_part`` beyond it) whose months of taking part end within
the period, two projects were met in the period exactly when ``two_since`` is not before its first
month. A last row in the period's last year with months after the period settles it from the
earlier years (``prev_two_since``) and from its own projects against those of the last earlier
year of taking part (``lo_project`` … ``prev_hi_project``); the few it cannot settle (two projects
that year, or one met again from a year with others) are looked up in their raw participations
and counted on that row from them. The same figures as ``family_facts.from_facts``
(``tests/analytics/test_month_periods.py``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, literal
from sqlmodel import col

from maeul_db.analytics import family_facts, month_masks
from maeul_db.analytics.families import period_keys
from maeul_db.analytics.queries import select
from maeul_db.models import AnalyticsPersonYear

PY = AnalyticsPersonYear
PART = col(PY.part_months)


def _after(end: date, year: int) -> int:
    """The months of ``year`` after the period's last month."""
    return month_masks.ALL_MONTHS ^ ((1 << end.month) - 1) if year == end.year else 0


def _decide(start: date, end: date, year: int) -> tuple[Any, Any]:
    """(two, unsure) of a row of ``year``: SQL conditions, both false on any row but the
    person's last of the period in their scope."""
    inner = month_masks.split(start, end, year)[0]
    first = month_masks.month_number(start.year, start.month)
    last = month_masks.month_number(end.year, end.month)
    following = col(PY.next_part)
    last_row = month_masks.meets(PART, inner) & ((following == 0) | (following > last))
    after = _after(end, year)
    if not after:
        return last_row & (col(PY.two_since) >= first), literal(False)
    ends_within = PART.op("&")(after) == 0
    one, earlier = col(PY.projects) == 1, col(PY.prev_part) >= first
    apart = (col(PY.hi_project) < col(PY.prev_lo_project)) | (
        col(PY.lo_project) > col(PY.prev_hi_project)
    )
    same = (col(PY.prev_lo_project) == col(PY.lo_project)) & (
        col(PY.prev_hi_project) == col(PY.lo_project)
    )
    yes = (col(PY.prev_two_since) >= first) | (one & earlier & apart)
    no = one & (~earlier | same)
    two = last_row & ((ends_within & (col(PY.two_since) >= first)) | (~ends_within & yes))
    return two, last_row & ~ends_within & ~yes & ~no


def row_two(start: date, end: date, year: int) -> Any:
    """SQL condition: the row counts its person as having met two projects in the period."""
    return _decide(start, end, year)[0]


def _asked(start: date, end: date) -> Any:
    """The people (``pid``) whose last row in some scope cannot settle it (a row of the period's
    last year: only there can a last row have months after the period)."""
    unsure = _decide(start, end, end.year)[1]
    return (
        select(col(PY.person_id).label("pid"))
        .where(col(PY.year) == end.year, unsure)
        .distinct()
        .cte("two_asked")
    )


def corrections(start: date, end: date) -> list[Any]:
    """Rows ("two", scope, gender, band, count, 0, …) of the people and scopes the rows cannot
    settle: from their raw participations of the period, each on its unsettled row (found by
    the table's key), so a scope the rows settled keeps its own count."""
    asked = _asked(start, end)
    met = family_facts.period_people(
        start,
        end,
        people=family_facts.survivor_rows(asked, "asked_rows"),
        members=False,
        name="asked_two",
    )
    keys = period_keys(met.c.scope, PY, end)
    row = (
        (col(PY.person_id) == met.c.pid)
        & (col(PY.scope) == met.c.scope)
        & (col(PY.year) == end.year)
    )
    found = (
        select(literal("two"), *keys, func.count(), *(literal(0),) * 5)
        .select_from(met)
        .join(PY, row)
        .where(_decide(start, end, end.year)[1], met.c.lo != met.c.hi)
        .group_by(*keys)
    )
    return [found]
