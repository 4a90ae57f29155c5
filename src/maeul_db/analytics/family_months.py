"""The participation family for a period of whole months (an analyst's quarter, say) from the
person-year rows' month masks (issue 11), where the raw path groups every fact of the period.

Who took part, led or belonged in the period is exact from the masks: one grouped count of the
period's person-year rows. Two projects or more is not (a month mask does not say which
projects); the person-year counts name the few who might, and only they are looked up: "by the
period's end" in the ladder reach rows (the first start of a person's second distinct project),
"in the period" in the raw participations of those with two projects in its years, through the
person index. The same rows as ``family_facts.from_facts`` (``tests/analytics/test_summary.py``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import BigInteger, and_, case, func, literal, or_, union_all
from sqlmodel import Session, col

from maeul_db.analytics import month_masks
from maeul_db.analytics.families import FamilyRow, band_of
from maeul_db.analytics.family_facts import meets
from maeul_db.analytics.queries import PERSON_KEY, select
from maeul_db.models import AnalyticsLadderReach, AnalyticsPersonYear, Participation, Person
from maeul_db.models.analytics_summary import CITY_SCOPE

PY = AnalyticsPersonYear


def _asked(start: date, end: date) -> Any:
    """SQL: the months of each row's year that the period holds."""
    if start.year == end.year:
        return literal(month_masks.of_period(start, end, start.year), BigInteger)
    years = range(start.year, end.year + 1)
    return case(*((col(PY.year) == y, month_masks.of_period(start, end, y)) for y in years))


def _hit(mask: Any, asked: Any) -> Any:
    return case((mask.op("&")(asked) != 0, 1), else_=0)


def _people(start: date, end: date) -> Any:
    """Per person and scope: took part, led, belonged in the period, and whether they might have
    met two projects in it (``projects``) or by its end (``to_date``). One row per person and
    scope already when the period lies in one year."""
    asked = _asked(start, end)
    part = _hit(PY.part_months, asked)
    active = col(PY.part_months).op("|")(PY.member_months).op("&")(asked) != 0
    # A sum of each year's distinct projects is at least the distinct count over the years.
    values = {
        "part": part,
        "lead": _hit(PY.lead_months, asked),
        "member": _hit(PY.member_months, asked),
        "projects": case((part == 1, PY.projects), else_=0),
        "to_date": case((part == 1, PY.projects_to_date), else_=0),
    }
    keys: tuple[Any, ...] = (col(PY.person_id).label("pid"), PY.scope, PY.gender, PY.birth_year)
    where = (col(PY.year).between(start.year, end.year), active)
    if start.year == end.year:
        return select(*keys, *(v.label(k) for k, v in values.items())).where(*where)
    grouped = {k: (func.sum(v) if k == "projects" else func.max(v)) for k, v in values.items()}
    return select(*keys, *(v.label(k) for k, v in grouped.items())).where(*where).group_by(*keys)


def _two_in_period(people: Any, start: date, end: date) -> Any:
    """Per person and scope, whether they met two projects or more in the period, from the raw
    participations of the people ``people`` names (per district, and Seoul's from those)."""
    p = Participation
    # The people's rows (merged duplicates too) through the two person indexes, then their
    # participations through the person index: not every participation of the period.
    rows = (
        select(col(Person.id).label("row"), PERSON_KEY.label("pid"))
        .where(or_(col(Person.id).in_(people), col(Person.merged_into_id).in_(people)))
        .subquery()
    )
    districts = (
        select(
            rows.c.pid,
            p.district_code.label("scope"),  # type: ignore[attr-defined]
            func.min(p.project_id).label("lo"),
            func.max(p.project_id).label("hi"),
        )
        .select_from(rows)
        .join(p, p.person_id == rows.c.row)
        .where(meets(p, start, end))
        .group_by(rows.c.pid, p.district_code)
        .cte("districts")
    )
    d = districts.c
    city = select(
        d.pid, literal(CITY_SCOPE).label("scope"), func.min(d.lo), func.max(d.hi)
    ).group_by(d.pid)
    both = union_all(select(districts), city).subquery()
    return select(both.c.pid, both.c.scope, (both.c.lo != both.c.hi).label("two")).subquery()


def _repeats(people: Any, start: date, end: date) -> list[Any]:
    """Rows (kind, scope, gender, band, count) of those who met two projects or more in the
    period (``two``) or by its end (``ever``), looked up for the few who might: by the end in the
    ladder reach rows (the first start of their second distinct project), in the period in the
    raw participations of those with two projects in its years."""
    maybe = (
        select(people)
        .where(people.c.part == 1, or_(people.c.projects >= 2, people.c.to_date >= 2))
        .cte("maybe")
    )
    checked = _two_in_period(select(maybe.c.pid).where(maybe.c.projects >= 2), start, end)
    reach = AnalyticsLadderReach.__table__  # type: ignore[attr-defined]
    keys = (maybe.c.scope, maybe.c.gender, band_of(literal(end.year) - maybe.c.birth_year))
    none = (literal(0), literal(0), literal(0))
    # Each count driven by its few rows (a left join of everyone to both would scan).
    two = (
        select(literal("two"), *keys, func.count(), *none)
        .select_from(checked)
        .join(maybe, and_(maybe.c.pid == checked.c.pid, maybe.c.scope == checked.c.scope))
        .where(checked.c.two, maybe.c.projects >= 2)
        .group_by(*keys)
    )
    ever = (
        select(literal("ever"), *keys, func.count(), *none)
        .select_from(maybe)
        .join(reach, and_(reach.c.person_id == maybe.c.pid, reach.c.scope == maybe.c.scope))
        .where(maybe.c.to_date >= 2, reach.c.repeat_participant <= end)
        .group_by(*keys)
    )
    return [two, ever]


def from_month_masks(session: Session, start: date, end: date) -> list[FamilyRow]:
    """A period of whole months within the summarised years (``month_masks.whole_months``): one
    statement, the period's people worked out once for the counts and the repeat lookups."""
    people = _people(start, end).cte("period_people")
    keys = (people.c.scope, people.c.gender, band_of(literal(end.year) - people.c.birth_year))
    counts = select(
        literal("all"),
        *keys,
        func.sum(people.c.part),
        func.sum(people.c.lead),
        func.sum(people.c.member),
        func.count(),
    ).group_by(*keys)
    found: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0] * 6)
    named = {"all": (0, 3, 4, 5), "two": (1,), "ever": (2,)}
    for kind, scope, gender, age_band, *values in session.execute(
        union_all(counts, *_repeats(people, start, end))
    ):
        cell = found[(scope, gender, age_band)]
        for index, value in zip(named[kind], values, strict=False):
            cell[index] = int(value or 0)
    return [FamilyRow(*key, *cell) for key, cell in found.items()]
