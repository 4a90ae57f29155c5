"""The dashboard's dong map from the summaries (issue 11): one row per person (the survivor of
merges), scope (the participation's district, or Seoul) and dong, holding the summarised years in
which they took part in a project placed in that dong as a bitmask (bit ``year -
MASK_BASE_YEAR``; years as ``summary_sql`` meets them: ``valid_to`` exclusive, open facts to the
last summarised year).

The map of any span of summarised whole years is then one grouped count of these rows, where the
raw query joins every participation of the period to its project and person (most of a long
period's cold dashboard). The full refresh rebuilds the rows in one ``INSERT ... SELECT``; a write
replaces the rows of the people it touched, computed the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import BigInteger, String, cast, delete, func, insert, literal, union_all
from sqlmodel import Session, col

from maeul_db.analytics import summary_sql
from maeul_db.analytics.queries import PERSON_KEY, person_in, select
from maeul_db.models import AnalyticsPersonDong, Participation, Person, Project
from maeul_db.models.analytics_summary import CITY_SCOPE, MASK_BASE_YEAR, MASK_LAST_YEAR

PD = AnalyticsPersonDong.__table__  # type: ignore[attr-defined]
CHUNK = 5_000


def mask_years(first: int | None, last: int | None) -> tuple[int, int] | None:
    """The summarised years a mask can hold (bits 0-62), or None."""
    if first is None or last is None:
        return None
    low, high = max(first, MASK_BASE_YEAR), min(last, MASK_LAST_YEAR)
    return (low, high) if low <= high else None


def _bit(year: Any) -> Any:
    return literal(1, BigInteger).op("<<")(year - MASK_BASE_YEAR)


def met(span: Any, people: list[int] | None, *columns: Any) -> Any:
    """(person key, district, dong, year, *columns) of every participation in a project placed in
    a dong and every year of ``span`` it meets, for ``people`` (merge survivors) or everyone."""
    stmt = (
        select(
            PERSON_KEY.label("k"),
            cast(col(Participation.district_code), String(5)).label("scope"),
            col(Project.dong_code).label("dong"),
            span.c.y.label("y"),
            *columns,
        )
        .select_from(Participation)
        .join(Person, col(Person.id) == Participation.person_id)
        .join(Project, col(Project.id) == Participation.project_id)
        .join(span, summary_sql._meets(Participation, span))
        .where(col(Participation.voided_at).is_(None), col(Project.dong_code).is_not(None))
    )
    if people is None:
        return stmt
    # The indexable condition narrows; the key keeps exactly these survivors' facts.
    return stmt.where(person_in(people), PERSON_KEY.in_(people))


def _rows(years: tuple[int, int], people: list[int] | None) -> Any:
    """(person key, scope, dong, year mask) from the raw facts, for ``people`` (merge survivors)
    or everyone: once per participation district and once for Seoul."""
    facts = met(summary_sql._years(*years), people).distinct().subquery()
    # Seoul's rows: each (person, dong, year) once whatever the districts it was met in.
    city = select(
        facts.c.k, literal(CITY_SCOPE, String(5)).label("scope"), facts.c.dong, facts.c.y
    ).distinct()
    both = union_all(select(facts.c.k, facts.c.scope, facts.c.dong, facts.c.y), city).subquery()
    return select(both.c.k, both.c.scope, both.c.dong, func.sum(_bit(both.c.y))).group_by(
        both.c.k, both.c.scope, both.c.dong
    )


def rebuild(session: Session, years: tuple[int, int] | None) -> None:
    """Every row, from the raw facts."""
    session.execute(delete(PD))
    if years is not None:
        names = [c.name for c in PD.columns]
        session.execute(insert(PD).from_select(names, _rows(years, None)))


def replace(
    session: Session, keys: Iterable[int], survivors: Iterable[int], years: tuple[int, int] | None
) -> None:
    """The rows of ``keys`` replaced by the survivors' fresh rows (summary_sql.replace_people)."""
    summary_sql.replace_people(
        session,
        PD,
        keys=keys,
        survivors=survivors,
        rows_of=summary_sql.for_years(_rows, years),
        chunk=CHUNK,
    )


def participants(
    session: Session, *, first: int, last: int, district_code: str | None
) -> dict[str, int]:
    """Distinct people per dong who took part in a year of ``first``-``last`` (within the
    district's participations when ``district_code`` is given): one row per person and dong in a
    scope, so a count, read in the covering index's order."""
    span = sum(1 << (year - MASK_BASE_YEAR) for year in range(first, last + 1))
    stmt = (
        select(PD.c.dong_code, func.count())
        .where(
            PD.c.scope == (district_code or CITY_SCOPE),
            PD.c.years.op("&")(literal(span, BigInteger)) != 0,
        )
        .group_by(PD.c.dong_code)
    )
    return {str(dong): int(n) for dong, n in session.execute(stmt)}
