"""The dashboard's dong map for a period that is not whole years (an analyst's quarter, July to
June, 15 April to 20 June) from per-year month rows (issue 11), where the raw query joins every
participation of the period to its project and person.

One row per person (the survivor of merges), scope (the participation's district, or Seoul),
dong and year: the months they took part in a project placed in that dong, and the last earlier
month they did. A period's count per dong is then each year's rows counted on their own (a
person in the first of its years they took part in there: ``prev_part`` before the period's
first whole month), in the index's order; the few people whose months in that dong lie only in a
month the period holds in part are counted from their raw participations instead, as in
``family_months``. Both refreshes write the rows with one ``INSERT ... SELECT`` (everyone, or
the people a write touched). The same figures as ``queries.participants_by_dong``
(``tests/analytics/test_summary.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import String, delete, func, insert, literal, or_, union_all
from sqlmodel import Session, col

from maeul_db.analytics import family_facts, month_masks, summary_dong, summary_sql
from maeul_db.analytics.queries import select
from maeul_db.models import AnalyticsPersonDongYear, Participation, Project
from maeul_db.models.analytics_summary import CITY_SCOPE

PDY = AnalyticsPersonDongYear.__table__  # type: ignore[attr-defined]
CHUNK = 5_000


def _rows(years: tuple[int, int], people: list[int] | None) -> Any:
    """(person key, scope, dong, year, months, last earlier month) from the raw facts, for
    ``people`` (merge survivors) or everyone: once per participation district and once for
    Seoul."""
    span = summary_sql._years(*years)
    facts = summary_dong.met(
        span, people, summary_sql._months(Participation, span).label("months")
    ).subquery()
    city = literal(CITY_SCOPE, String(5))
    both = union_all(
        select(facts.c.k, facts.c.scope, facts.c.dong, facts.c.y, facts.c.months),
        select(facts.c.k, city, facts.c.dong, facts.c.y, facts.c.months),
    ).subquery()
    b = both.c
    months = month_masks.month_or(b.months).label("months")
    g = select(b.k, b.scope, b.dong, b.y, months).group_by(b.k, b.scope, b.dong, b.y).subquery()
    earlier = {"partition_by": (g.c.k, g.c.scope, g.c.dong), "order_by": g.c.y, "rows": (None, -1)}
    last = func.max(month_masks.last_month_sql(g.c.months, g.c.y)).over(**earlier)
    return select(g.c.k, g.c.scope, g.c.dong, g.c.y, g.c.months, func.coalesce(last, 0)).order_by(
        # Written in the index's order: a year's rows of a scope lie together on disk.
        g.c.scope,
        g.c.y,
        g.c.dong,
        g.c.k,
    )


def rebuild(session: Session, years: tuple[int, int] | None) -> None:
    """Every row, from the raw facts, for the summarised ``years``."""
    session.execute(delete(PDY))
    if years is not None:
        names = [c.name for c in PDY.columns]
        session.execute(insert(PDY).from_select(names, _rows(years, None)))


def replace(
    session: Session, keys: Iterable[int], survivors: Iterable[int], years: tuple[int, int] | None
) -> None:
    """The rows of ``keys`` replaced by the survivors' fresh rows (summary_sql.replace_people)."""
    summary_sql.replace_people(
        session,
        PDY,
        keys=keys,
        survivors=survivors,
        rows_of=summary_sql.for_years(_rows, years),
        chunk=CHUNK,
    )


def _unsure(start: date, end: date, scope: str) -> Any | None:
    """The people whose months in some dong of the scope, in a year of the period, lie only in
    the months it holds in part (None: it holds every month whole)."""
    odd = []
    for year in range(start.year, end.year + 1):
        inner, edges = month_masks.split(start, end, year)
        if edges:
            months = PDY.c.part_months
            odd.append(
                (PDY.c.year == year)
                & month_masks.meets(months, edges)
                & ~month_masks.meets(months, inner)
            )
    if not odd:
        return None
    stmt = select(PDY.c.person_id.label("pid")).where(PDY.c.scope == scope, or_(*odd))
    return stmt.distinct().cte("dong_unsure")


def _raw(unsure: Any, start: date, end: date, district_code: str | None) -> Any:
    """(dong, people) of the ``unsure`` people, from their raw participations."""
    people = family_facts.survivor_rows(unsure, "dong_people")
    where = [family_facts.meets(Participation, start, end), col(Project.dong_code).is_not(None)]
    if district_code:
        where.append(col(Participation.district_code) == district_code)
    return (
        select(col(Project.dong_code).label("dong"), func.count(func.distinct(people.c.pid)))
        .select_from(people)
        .join(Participation, col(Participation.person_id) == people.c.row)
        .join(Project, col(Project.id) == Participation.project_id)
        .where(*where)
        .group_by(Project.dong_code)
    )


def participants(
    session: Session, *, start: date, end: date, district_code: str | None
) -> dict[str, int]:
    """Distinct people per dong who took part in ``[start, end]`` (within the district's
    participations when ``district_code`` is given), any period within the summarised years."""
    scope = district_code or CITY_SCOPE
    whole = month_masks.first_whole(start, end)
    unsure = _unsure(start, end, scope)
    branches = []
    for year in range(start.year, end.year + 1):
        inner = month_masks.split(start, end, year)[0]
        where = [
            PDY.c.scope == scope,
            PDY.c.year == year,
            month_masks.meets(PDY.c.part_months, inner),
            PDY.c.prev_part < whole,
        ]
        if unsure is not None:
            where.append(PDY.c.person_id.not_in(select(unsure)))
        branches.append(
            select(PDY.c.dong_code.label("dong"), func.count())
            .where(*where)
            .group_by(PDY.c.dong_code)
        )
    if unsure is not None:
        branches.append(_raw(unsure, start, end, district_code))
    counts = union_all(*branches).subquery()
    dong, people = tuple(counts.c)
    stmt = select(dong, func.sum(people)).group_by(dong)
    return {str(d): int(n) for d, n in session.execute(stmt) if n}
