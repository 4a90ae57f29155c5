"""The participation family for any period within the summarised years (an analyst's quarter,
July to June, 15 April to 20 June) from the person-year rows' month masks (issue 11), where the
raw path groups every fact of the period.

Who took part, led or belonged is exact from the masks for the months the period holds whole,
and for everyone whose facts in a month it holds in part also lie in a month it holds whole; the
few others (facts only in the period's first or last, partial month) are read from their raw
facts. Two projects or more is not in a mask (it does not say which projects); the person-year
counts name the few who might, and only they are looked up: "by the period's end" in the ladder
reach rows (the first start of a person's second distinct project), "in the period" in the raw
participations of those with two projects in its years, through the person index. The same rows
as ``family_facts.from_facts`` (``tests/analytics/test_summary.py``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import BigInteger, and_, case, func, literal, or_, union_all
from sqlmodel import Session, col

from maeul_db.analytics import family_facts, month_masks, planner
from maeul_db.analytics.families import FamilyRow, band_of
from maeul_db.analytics.queries import select
from maeul_db.models import (
    AnalyticsLadderReach,
    AnalyticsPersonYear,
    Person,
)

PY = AnalyticsPersonYear


def _months(start: date, end: date, which: int) -> Any:
    """SQL: the months of each row's year the period holds whole (``which`` 0) or in part (1)."""
    if start.year == end.year:
        return literal(month_masks.split(start, end, start.year)[which], BigInteger)
    years = range(start.year, end.year + 1)
    return case(
        *((col(PY.year) == y, month_masks.split(start, end, y)[which]) for y in years), else_=0
    )


def _hit(mask: Any, asked: Any) -> Any:
    return case((mask.op("&")(asked) != 0, 1), else_=0)


FLAGS = ("part", "lead", "member")


def _rows(start: date, end: date) -> Any:
    """Per person and scope: took part, led, belonged in the months the period holds whole
    (``part``, …) and in those it holds in part (``part_e``, …); whether they might have met two
    projects in it (``projects``) or by its end (``to_date``). One row per person and scope
    already when the period lies in one year."""
    inner, edges = _months(start, end, 0), _months(start, end, 1)
    masks = {"part": PY.part_months, "lead": PY.lead_months, "member": PY.member_months}
    met = col(PY.part_months).op("&")(inner.op("|")(edges)) != 0
    values = {
        **{flag: _hit(mask, inner) for flag, mask in masks.items()},
        **{f"{flag}_e": _hit(mask, edges) for flag, mask in masks.items()},
        # A sum of each year's distinct projects is at least the distinct count over the years.
        "projects": case((met, PY.projects), else_=0),
        "to_date": case((met, PY.projects_to_date), else_=0),
    }
    active = col(PY.part_months).op("|")(PY.member_months).op("&")(inner.op("|")(edges)) != 0
    keys: tuple[Any, ...] = (col(PY.person_id).label("pid"), PY.scope, PY.gender, PY.birth_year)
    where = (col(PY.year).between(start.year, end.year), active)
    if start.year == end.year:
        return select(*keys, *(v.label(k) for k, v in values.items())).where(*where)
    grouped = {k: (func.sum(v) if k == "projects" else func.max(v)) for k, v in values.items()}
    return select(*keys, *(v.label(k) for k, v in grouped.items())).where(*where).group_by(*keys)


def _people(start: date, end: date) -> Any:
    """Per person and scope active in the period: part, lead, member exactly, and the counts
    ``projects`` and ``to_date`` (two or more: maybe). Exact from the masks for whoever's every
    kind of fact in a month the period holds in part also lies in a month it holds whole; the
    other people's rows are read from their raw facts, with two projects marked maybe (the
    repeat lookups then decide)."""
    years = range(start.year, end.year + 1)
    partial = any(month_masks.split(start, end, year)[1] for year in years)
    rows = _rows(start, end).cte("month_rows") if partial else _rows(start, end).subquery()
    shared = (rows.c.pid, rows.c.scope, rows.c.gender, rows.c.birth_year)
    counts = (rows.c.projects, rows.c.to_date)
    sure = select(*shared, *(rows.c[f] for f in FLAGS), *counts).where(
        or_(rows.c.part == 1, rows.c.member == 1)
    )
    if not partial:
        return sure
    unsure = select(rows.c.pid).where(
        or_(*(and_(rows.c[f"{f}_e"] == 1, rows.c[f] == 0) for f in FLAGS))
    )
    raw = family_facts.period_people(
        start, end, people=family_facts.person_rows(unsure, "flag_people"), name="flags"
    )
    read = (
        select(
            raw.c.pid,
            raw.c.scope,
            Person.gender,
            Person.birth_year,
            *(raw.c[f] for f in FLAGS),
            literal(2),
            literal(2),
        )
        .join(Person, col(Person.id) == raw.c.pid)
        .where(or_(raw.c.part == 1, raw.c.member == 1))
    )
    # A person read from the raw facts is read so in every scope.
    return union_all(sure.where(rows.c.pid.not_in(unsure)), read)


def _two_in_period(people: Any, start: date, end: date) -> Any:
    """Per person and scope, whether they met two projects or more in the period, from the raw
    facts of the people ``people`` names."""
    met = family_facts.period_people(
        start,
        end,
        people=family_facts.person_rows(people, "two_people"),
        members=False,
        name="two",
    )
    return select(met.c.pid, met.c.scope, (met.c.lo != met.c.hi).label("two")).subquery()


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
    """Any period within the summarised years: one statement, the period's people worked out
    once for the counts and the repeat lookups."""
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
    with planner.without_nested_loops(session):
        rows = session.execute(union_all(counts, *_repeats(people, start, end))).all()
    for kind, scope, gender, age_band, *values in rows:
        cell = found[(scope, gender, age_band)]
        for index, value in zip(named[kind], values, strict=False):
            cell[index] = int(value or 0)
    return [FamilyRow(*key, *cell) for key, cell in found.items()]
