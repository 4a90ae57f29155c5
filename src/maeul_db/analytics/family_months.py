"""The participation family for any period within the summarised years (an analyst's quarter,
July to June, 15 April to 20 June) from the person-year rows' month masks (issue 11), where the
raw path groups every fact of the period.

Who took part, led or belonged is exact from the masks for the months the period holds whole,
and for everyone whose facts in a month it holds in part also lie in a month it holds whole; the
few others (facts only in the period's first or last, partial month) are read from their raw
facts. A period across years counts a person in the first of its years they were active in
(each row's ``prev_*``: the last earlier month of each kind), so each year's rows are summed on
their own, in the index's order, and no person's rows are grouped. Two projects or more is not
in a mask (it does not say which projects); the rows name the few who might, and only they are
looked up: "by the period's end" in the ladder reach rows (the first start of a person's second
distinct project), "in the period" in the raw participations of those with two projects in a
year of it or who took part in two of its years, through the person index. The same rows as
``family_facts.from_facts`` (``tests/analytics/test_summary.py``,
``tests/analytics/test_month_periods.py``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, union_all
from sqlmodel import Session, col

from maeul_db.analytics import family_facts, family_two, month_masks
from maeul_db.analytics.families import FamilyRow, period_keys
from maeul_db.analytics.queries import select
from maeul_db.models import (
    AnalyticsLadderReach,
    AnalyticsPersonYear,
    Person,
)

PY = AnalyticsPersonYear
FLAGS = ("part", "lead", "member")
COUNTED = (*FLAGS, "here", "ever")
MASKS: dict[str, Any] = {
    "part": col(PY.part_months),
    "lead": col(PY.lead_months),
    "member": col(PY.member_months),
}
PREV: dict[str, Any] = {
    "part": col(PY.prev_part),
    "lead": col(PY.prev_lead),
    "member": col(PY.prev_member),
}


def _flag(condition: Any) -> Any:
    return case((condition, 1), else_=0)


def _values(start: date, end: date, year: int) -> dict[str, Any]:
    """SQL conditions on each of the year's rows: it adds to the period's count of those who took
    part, led, belonged (``part``, …; ``here``: active at all) in the months the period holds
    whole, or of those with two projects by its end (``ever``); the person might have met two
    projects in it (``maybe``), and the row alone shows they did (``sure``). A person active in
    several of the period's years adds to a count in the first of them only (``prev_*``: nothing
    of that kind in its earlier whole months) and is asked "ever" in the last (``next_part``), so
    the years' sums add up and no one's rows are grouped."""
    inner, edges = month_masks.split(start, end, year)
    hit = {flag: month_masks.meets(mask, inner) for flag, mask in MASKS.items()}
    met = month_masks.meets(MASKS["part"], inner | edges)
    first, last = (month_masks.month_number(d.year, d.month) for d in (start, end))
    whole = month_masks.first_whole(start, end)
    fresh = {flag: PREV[flag] < whole for flag in FLAGS}
    return {
        **{flag: hit[flag] & fresh[flag] for flag in FLAGS},
        "here": (hit["part"] | hit["member"]) & fresh["part"] & fresh["member"],
        # A year's distinct projects, or a year of taking part earlier in the period.
        "maybe": met & ((col(PY.projects) >= 2) | (PREV["part"] >= first)),
        "sure": _surely_two(inner, whole),
        "ever": met
        & (col(PY.repeat_on) <= end)
        & ((col(PY.next_part) == 0) | (col(PY.next_part) > last)),
    }


def _surely_two(inner: int, whole: int) -> Any:
    """Whether the row alone shows two projects in the period: it took part in a month the
    period holds whole, and either all its months lie in the period and it met two projects, or
    its projects (some met in the period) all differ from those of the person's last earlier
    year of taking part, when that year's last month of it (``prev_part``) lies in the period
    too. Anyone else who might have met two is looked up (``_two``)."""
    outside = month_masks.ALL_MONTHS ^ inner
    within = MASKS["part"].op("&")(outside) == 0
    apart = (col(PY.hi_project) < col(PY.prev_lo_project)) | (
        col(PY.lo_project) > col(PY.prev_hi_project)
    )
    return month_masks.meets(MASKS["part"], inner) & (
        (within & (col(PY.projects) >= 2)) | ((PREV["part"] >= whole) & apart)
    )


def _year_where(start: date, end: date, year: int, unsure: Any) -> list[Any]:
    """Which of the year's rows are active in the period (but the people read from their raw
    facts)."""
    inner, edges = month_masks.split(start, end, year)
    where = [col(PY.year) == year]
    if inner | edges != month_masks.ALL_MONTHS:
        # (Every row is active in some month of its year: a whole year needs no condition.)
        where.append(month_masks.meets(MASKS["part"].op("|")(MASKS["member"]), inner | edges))
    if unsure is not None:
        where.append(col(PY.person_id).not_in(select(unsure)))
    return where


def _unsure(start: date, end: date) -> Any | None:
    """The people whose facts of some kind in a month the period holds in part lie in no month
    of their year it holds whole (None: the period holds every month whole). They are read
    from their raw facts; one read so who is also active in another of its years is exact."""
    odd = []
    for year in range(start.year, end.year + 1):
        inner, edges = month_masks.split(start, end, year)
        if edges:
            kinds = [
                month_masks.meets(mask, edges) & ~month_masks.meets(mask, inner)
                for mask in MASKS.values()
            ]
            odd.append((col(PY.year) == year) & or_(*kinds))
    if not odd:
        return None
    return select(col(PY.person_id).label("pid")).where(or_(*odd)).distinct().cte("unsure_people")


def _raw_people(start: date, end: date, unsure: Any) -> Any:
    """One row per scope of each person of ``_unsure``, from their raw facts, in the columns of
    ``_values`` ("two" to be looked up whenever they took part; "ever" from the ladder reach)."""
    raw = family_facts.period_people(
        start, end, people=family_facts.survivor_rows(unsure, "flag_people"), name="flags"
    )
    reach = AnalyticsLadderReach.__table__  # type: ignore[attr-defined]
    ever = (raw.c.part == 1) & (reach.c.repeat_participant <= end)
    return (
        select(
            raw.c.pid,
            raw.c.scope,
            Person.gender,
            Person.birth_year,
            *(raw.c[f] for f in FLAGS),
            literal(1).label("here"),
            raw.c.part.label("two"),
            _flag(ever).label("ever"),
        )
        .join(Person, col(Person.id) == raw.c.pid)
        .outerjoin(reach, and_(reach.c.person_id == raw.c.pid, reach.c.scope == raw.c.scope))
        .where(or_(raw.c.part == 1, raw.c.member == 1))
        .subquery("raw_people")
    )


def _counts(start: date, end: date, unsure: Any, raw: Any) -> Any:
    """Rows ("all", scope, gender, band, part, lead, member, here, ever, two): each year's sums
    per scope, gender and birth year (SQLite reads a year's rows in that order from the index: no
    sort), then per age band. "Two in the period" is summed on the rows (``family_two``) when the
    period holds every month whole, else looked up (``_two``; 0 here)."""
    per_year = [
        select(
            PY.scope,
            PY.gender,
            PY.birth_year,
            # count(*) FILTER: a fifth faster on SQLite than sum(CASE ...).
            *(
                func.count().filter(v).label(k)
                for k, v in _values(start, end, y).items()
                if k in COUNTED
            ),
            (
                func.count().filter(family_two.row_two(start, end, y))
                if unsure is None
                else literal(0)
            ).label("two"),
        )
        .where(*_year_where(start, end, y, unsure))
        .group_by(PY.scope, PY.gender, PY.birth_year)
        for y in range(start.year, end.year + 1)
    ]
    if raw is not None:
        columns = (raw.c[k] for k in COUNTED)
        per_year.append(select(raw.c.scope, raw.c.gender, raw.c.birth_year, *columns, literal(0)))
    years = union_all(*per_year).subquery("year_sums")
    keys = _keys(years.c.scope, years.c, end)
    sums = (func.sum(years.c[k]) for k in (*COUNTED, "two"))
    return select(literal("all"), *keys, *sums).group_by(*keys)


def _maybe(start: date, end: date, unsure: Any, raw: Any) -> Any:
    """The people and scopes (pid, scope, gender, birth_year, sure) that might have met two
    projects in the period; ``sure`` when some row of theirs shows it (``_surely_two``)."""
    branches = []
    for y in range(start.year, end.year + 1):
        values = _values(start, end, y)
        branches.append(
            select(
                col(PY.person_id).label("pid"),
                PY.scope,
                PY.gender,
                PY.birth_year,
                _flag(values["sure"]).label("sure"),
            ).where(*_year_where(start, end, y, unsure), values["maybe"])
        )
    if raw is not None:
        branches.append(
            select(raw.c.pid, raw.c.scope, raw.c.gender, raw.c.birth_year, literal(0)).where(
                raw.c.part == 1
            )
        )
    rows = union_all(*branches).subquery("maybe_rows")
    keys = (rows.c.pid, rows.c.scope, rows.c.gender, rows.c.birth_year)
    return select(*keys, func.max(rows.c.sure).label("sure")).group_by(*keys).cte("maybe")


def _two(maybe: Any, start: date, end: date) -> list[Any]:
    """Rows ("two", scope, gender, band, count, 0, 0, 0, 0) of those who met two projects or more
    in the period: of the people a row shows it of in every scope they might have, from those
    rows; of the others, from their raw participations of the period. (Joined to the people by
    their key, not to ``maybe``: PostgreSQL cannot guess how few rows ``maybe`` holds and would
    loop over one for each row of the other.)"""
    # A person is looked up (in every scope) unless every scope of theirs is sure.
    asked = select(maybe.c.pid).where(maybe.c.sure == 0).distinct().cte("two_keys")
    met = family_facts.period_people(
        start,
        end,
        people=family_facts.survivor_rows(asked, "two_people"),
        members=False,
        name="two",
    )
    none = (literal(0),) * 5
    # The same key objects in the select and the group by (PostgreSQL matches them by text).
    keys = _keys(maybe.c.scope, maybe.c, end)
    sure = select(literal("two"), *keys, func.count(), *none).where(
        maybe.c.sure == 1, maybe.c.pid.not_in(select(asked.c.pid))
    )
    found_keys = _keys(met.c.scope, Person, end)
    found = (
        select(literal("two"), *found_keys, func.count(), *none)
        .select_from(met)
        .join(Person, col(Person.id) == met.c.pid)
        .where(met.c.lo != met.c.hi)
    )
    return [sure.group_by(*keys), found.group_by(*found_keys)]


_keys = period_keys


def from_month_masks(session: Session, start: date, end: date) -> list[FamilyRow]:
    """Any period within the summarised years: one statement, the counts and the repeat
    lookups."""
    unsure = _unsure(start, end)
    raw = _raw_people(start, end, unsure) if unsure is not None else None
    counts = _counts(start, end, unsure, raw)
    if unsure is None:
        two = family_two.corrections(start, end)
    else:
        two = _two(_maybe(start, end, unsure, raw), start, end)
    found: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0] * 6)
    named = {"all": (0, 3, 4, 5, 2, 1), "two": (1,)}
    rows = session.execute(union_all(counts, *two)).all()
    for kind, scope, gender, age_band, *values in rows:
        cell = found[(scope, gender, age_band)]
        for index, value in zip(named[kind], values, strict=False):
            cell[index] += int(value or 0)
    return [FamilyRow(*key, *cell) for key, cell in found.items()]
