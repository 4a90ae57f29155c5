"""The full rebuild of the person-year summary as one ``INSERT ... SELECT`` in the database (both
SQLite and PostgreSQL): the same rows as ``analytics.person_year_rows.rows`` works out in Python
(kept for the incremental refresh of a few people), without fetching a million facts into Python.

A fact meets calendar year Y when it starts by 31 December Y and does not end by 1 January Y
(``valid_to`` is exclusive), as ``summary._years`` says; open facts run to the last summarised year.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sqlalchemy import (
    BigInteger,
    Integer,
    String,
    and_,
    case,
    cast,
    delete,
    extract,
    func,
    insert,
    literal,
    or_,
    union_all,
)
from sqlmodel import col

from maeul_db.analytics import ladder_summary, month_masks, summary_two_since
from maeul_db.analytics.queries import PERSON_KEY, select
from maeul_db.kit.chunks import sorted_chunks
from maeul_db.models import AnalyticsPersonYear, GroupMembership, Participation, Person
from maeul_db.models.analytics_summary import CITY_SCOPE

PY = AnalyticsPersonYear.__table__  # type: ignore[attr-defined]
LEAD = "lead_proposer"
COLUMNS = [
    "person_id",
    "scope",
    "year",
    "gender",
    "birth_year",
    "part",
    "lead",
    "member",
    "projects",
    "carried",
    "projects_to_date",
    "part_months",
    "lead_months",
    "member_months",
    "prev_part",
    "prev_lead",
    "prev_member",
    "next_part",
    "repeat_on",
    "lo_project",
    "hi_project",
    "prev_lo_project",
    "prev_hi_project",
    "two_since",
    "prev_two_since",
]
# Above any project id or month number: a year and such a value as one number whose maximum over
# a person's earlier years is the last year's (the value the remainder).
PROJECT_RANGE = 1 << 32


def _years(first: int, last: int) -> Any:
    """One row per summarised year: (y, first day, last day)."""
    rows = [
        select(
            literal(y).label("y"),
            literal(date(y, 1, 1)).label("y_from"),
            literal(date(y, 12, 31)).label("y_to"),
        )
        for y in range(first, last + 1)
    ]
    return union_all(*rows).subquery("years")


def _meets(model: Any, years: Any) -> Any:
    return and_(
        model.valid_from <= years.c.y_to,
        or_(model.valid_to.is_(None), model.valid_to > years.c.y_from),
    )


def _months(model: Any, years: Any) -> Any:
    return month_masks.in_year(model.valid_from, model.valid_to, years.c.y_from, years.c.y_to)


def _both_scopes(rows: Any) -> Any:
    """Each row (person, district, ...) once in its district's scope and once in Seoul's."""
    f = rows.subquery()
    person, district, *rest = tuple(f.c)
    return union_all(
        select(person, cast(district, String(5)).label("scope"), *rest),
        select(person, literal(CITY_SCOPE, String(5)).label("scope"), *rest),
    ).subquery()


def _facts(years: Any) -> Any:
    """(person, scope, year, project, lead, part, member, months) for every year a fact meets."""
    parts = (
        select(
            PERSON_KEY.label("person"),
            Participation.district_code,
            years.c.y.label("year"),
            col(Participation.project_id).label("project"),
            (col(Participation.role) == LEAD).label("lead"),
            literal(1).label("part"),
            literal(0).label("member"),
            _months(Participation, years).label("months"),
        )
        .select_from(Participation)
        .join(Person, col(Person.id) == Participation.person_id)
        .join(years, _meets(Participation, years))
        .where(col(Participation.voided_at).is_(None))
    )
    members = (
        select(
            PERSON_KEY.label("person"),
            GroupMembership.district_code,
            years.c.y,
            cast(literal(None), Integer).label("project"),
            literal(False).label("lead"),
            literal(0),
            literal(1),
            _months(GroupMembership, years),
        )
        .select_from(GroupMembership)
        .join(Person, col(Person.id) == GroupMembership.person_id)
        .join(years, _meets(GroupMembership, years))
        .where(col(GroupMembership.voided_at).is_(None))
    )
    return _both_scopes(union_all(parts, members))


def _started() -> Any:
    """(person, scope, first year) of each distinct project a person took part in."""
    rows = (
        select(
            PERSON_KEY.label("person"),
            Participation.district_code,
            col(Participation.project_id).label("project"),
            extract("year", col(Participation.valid_from)).label("y"),
        )
        .select_from(Participation)
        .join(Person, col(Person.id) == Participation.person_id)
        .where(col(Participation.voided_at).is_(None))
    )
    s = _both_scopes(rows)
    return (
        select(s.c.person, s.c.scope, s.c.project, func.min(s.c.y).label("first"))
        .group_by(s.c.person, s.c.scope, s.c.project)
        .subquery("started")
    )


def _month_columns(facts: Any) -> list[Any]:
    """The months of the year in which the person took part, led, belonged (OR of the facts')."""
    kinds = {
        "part_months": facts.c.part == 1,
        "lead_months": cast(facts.c.lead, Integer) == 1,
        "member_months": facts.c.member == 1,
    }
    return [
        month_masks.month_or(case((kind, facts.c.months), else_=0)).label(name)
        for name, kind in kinds.items()
    ]


def person_year_select(first: int, last: int) -> Any:
    years = _years(first, last)
    facts = _facts(years)
    met = (
        select(facts.c.person, facts.c.scope, facts.c.year, facts.c.project)
        .where(facts.c.project.is_not(None))
        .distinct()
        .subquery("met")
    )
    before = met.alias("before")
    carried = (
        select(met.c.person, met.c.scope, met.c.year, func.count().label("n"))
        .join(
            before,
            and_(
                before.c.person == met.c.person,
                before.c.scope == met.c.scope,
                before.c.project == met.c.project,
                before.c.year == met.c.year - 1,
            ),
        )
        .group_by(met.c.person, met.c.scope, met.c.year)
        .subquery("carried")
    )
    grouped = (
        select(
            facts.c.person,
            facts.c.scope,
            facts.c.year,
            func.max(facts.c.part).label("part"),
            func.max(cast(facts.c.lead, Integer)).label("lead"),
            func.max(facts.c.member).label("member"),
            func.count(func.distinct(facts.c.project)).label("projects"),
            *_month_columns(facts),
            func.min(facts.c.project).label("lo"),
            func.max(facts.c.project).label("hi"),
        )
        .group_by(facts.c.person, facts.c.scope, facts.c.year)
        .subquery("grouped")
    )
    return _with_prev(_joined(grouped, carried, _started()), summary_two_since.rows(facts))


def _joined(grouped: Any, carried: Any, started: Any) -> Any:
    """Person-years with gender and birth year, ``carried`` and the projects started by the year
    (a join and a count, not a correlated subquery: PostgreSQL would re-run the grouped
    ``started`` per row)."""
    g = grouped.c
    counts = (g.part, g.lead, g.member, g.projects)
    months = (g.part_months, g.lead_months, g.member_months)
    keys = (
        g.person,
        g.scope,
        g.year,
        Person.gender,
        Person.birth_year,
        *counts,
        *months,
        carried.c.n,
        g.lo,
        g.hi,
    )
    return (
        select(
            *keys[:9],
            func.coalesce(carried.c.n, 0).label("carried"),
            func.count(started.c.project).label("projects_to_date"),
            *months,
            g.lo,
            g.hi,
        )
        .select_from(grouped)
        .join(Person, col(Person.id) == grouped.c.person)
        .outerjoin(
            carried,
            and_(
                carried.c.person == grouped.c.person,
                carried.c.scope == grouped.c.scope,
                carried.c.year == grouped.c.year,
            ),
        )
        .outerjoin(
            started,
            and_(
                started.c.person == grouped.c.person,
                started.c.scope == grouped.c.scope,
                started.c.first <= grouped.c.year,
            ),
        )
        .group_by(*keys)
        .subquery("joined")
    )


def _with_prev(joined: Any, two: Any) -> Any:
    """Each person-year with the last month of each kind in the person's earlier years, and the
    first month of taking part in their later years, and the day of their second project."""
    j = joined.c
    earlier = {"partition_by": (j.person, j.scope), "order_by": j.year, "rows": (None, -1)}
    prev = [
        func.coalesce(
            func.max(month_masks.last_month_sql(j[f"{kind}_months"], j.year)).over(**earlier), 0
        )
        for kind in ("part", "lead", "member")
    ]
    later = {"partition_by": (j.person, j.scope), "order_by": j.year, "rows": (1, None)}
    first = month_masks.first_month_sql(j.part_months, j.year)
    days = ladder_summary.repeat_days(None).subquery("repeat_days")
    person, scope, _, day = tuple(days.c)
    # Grouped (one row per person and scope already), so that SQLite indexes it for the join
    # rather than scanning it once per person-year.
    repeats = select(person, scope, func.min(day).label("day")).group_by(person, scope)
    r = repeats.subquery("repeats")
    rows = [c for c in j if c.name not in ("lo", "hi")]
    return (
        select(
            *rows,
            *prev,
            func.coalesce(func.min(first).over(**later), 0),
            r.c.day,
            func.coalesce(j.lo, 0),
            func.coalesce(j.hi, 0),
            *(_last_earlier(j, j[end], earlier) for end in ("lo", "hi")),
            func.coalesce(two.c.since, 0),
            _last_earlier(j, case((j.part == 1, func.coalesce(two.c.since, 0))), earlier),
        )
        .select_from(joined)
        .outerjoin(r, and_(r.c.person == j.person, r.c.scope == j.scope))
        .outerjoin(
            two,
            and_(two.c.person == j.person, two.c.scope == j.scope, two.c.year == j.year),
        )
        # Stored in the order of the period counts' index (analytics.family_months): a year's
        # rows lie together on disk, in the order SQLite reads them (3x faster than by person).
        .order_by(j.year, j.scope, j.gender, j.birth_year, j.person)
    )


def _last_earlier(j: Any, value: Any, earlier: dict[str, Any]) -> Any:
    """A value (a project id, a month; NULL on a year of belonging only) of the person's last
    earlier year of taking part (0: none): the maximum of year and value as one number skips the
    NULLs, on both databases (SQLite's windows know no ``IGNORE NULLS``)."""
    both = cast(j.year, BigInteger) * PROJECT_RANGE + value
    return func.coalesce(func.max(both).over(**earlier) % PROJECT_RANGE, 0)


def insert_person_years(session: Any, first: int, last: int) -> None:
    """Every person-year row, written by the database from the facts (``first``: the first
    participation's year; a membership may start earlier)."""
    joined = session.execute(
        select(func.min(GroupMembership.valid_from)).where(col(GroupMembership.voided_at).is_(None))
    ).scalar()
    if joined is not None:
        first = min(first, int(str(joined)[:4]))
    session.execute(insert(PY).from_select(COLUMNS, person_year_select(first, last)))


def for_years(
    rows: Callable[[tuple[int, int], list[int]], Any], years: tuple[int, int] | None
) -> Callable[[list[int]], Any] | None:
    """``replace_people``'s ``rows_of`` for a summary kept per year: the rows of ``years``, or
    none while no years are summarised."""
    if years is None:
        return None
    return lambda ids: rows(years, ids)


def replace_people(
    session: Any,
    table: Any,
    *,
    keys: Iterable[int],
    survivors: Iterable[int],
    rows_of: Callable[[list[int]], Any] | None,
    columns: list[str] | None = None,
    chunk: int = 5_000,
) -> None:
    """A per-person summary's rows of ``keys`` (people touched, and whom they were merged into or
    from) replaced by the survivors' fresh rows (``rows_of(ids)`` selects them in the table's
    order of ``columns``, the table's own by default; None: the summary holds no years, nothing
    to insert)."""
    for ids in sorted_chunks(keys, chunk):
        session.execute(delete(table).where(table.c.person_id.in_(ids)))
    if rows_of is None:
        return
    names = columns or [c.name for c in table.columns]
    for ids in sorted_chunks(survivors, chunk):
        session.execute(insert(table).from_select(names, rows_of(ids)))
