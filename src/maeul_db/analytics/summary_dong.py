"""The dashboard's dong map from the summaries (issue 11): one row per person (the survivor of
merges), dong and participation district holding the summarised years in which they took part in
a project placed in that dong, as a bitmask (bit ``year - MASK_BASE_YEAR``, years as
``summary_sql`` meets them: ``valid_to`` exclusive, open facts to the last summarised year).

The map of any span of summarised whole years is then one grouped scan of these rows, where the
raw query joins every participation of the period to its project and person (most of a long
period's cold dashboard). The full refresh rebuilds the rows in one ``INSERT ... SELECT``; a write
replaces the rows of the people it touched, computed the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import BigInteger, delete, func, insert, literal
from sqlmodel import Session, col

from maeul_db.analytics import summary_sql
from maeul_db.analytics.queries import PERSON_KEY, select
from maeul_db.models import AnalyticsPersonDong, Participation, Person, Project
from maeul_db.models.analytics_summary import MASK_BASE_YEAR, MASK_LAST_YEAR

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


def _rows(years: tuple[int, int], people: list[int] | None) -> Any:
    """(person key, dong, district, year mask) from the raw facts, for ``people`` (merge
    survivors) or everyone."""
    span = summary_sql._years(*years)
    met = (
        select(
            PERSON_KEY.label("k"),
            col(Project.dong_code).label("dong"),
            col(Participation.district_code).label("district"),
            span.c.y.label("y"),
        )
        .select_from(Participation)
        .join(Person, col(Person.id) == Participation.person_id)
        .join(Project, col(Project.id) == Participation.project_id)
        .join(span, summary_sql._meets(Participation, span))
        .where(col(Participation.voided_at).is_(None), col(Project.dong_code).is_not(None))
    )
    if people is not None:
        met = met.where(PERSON_KEY.in_(people))
    facts = met.distinct().subquery()
    return select(facts.c.k, facts.c.dong, facts.c.district, func.sum(_bit(facts.c.y))).group_by(
        facts.c.k, facts.c.dong, facts.c.district
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
    """The rows of ``keys`` (people touched, and whom they were merged into or from) replaced by
    the survivors' fresh rows."""
    for chunk in _chunks(keys):
        session.execute(delete(PD).where(PD.c.person_id.in_(chunk)))
    if years is None:
        return
    names = [c.name for c in PD.columns]
    for chunk in _chunks(survivors):
        session.execute(insert(PD).from_select(names, _rows(years, chunk)))


def _chunks(values: Iterable[int]) -> Iterator[list[int]]:
    """Sorted chunks small enough for one statement's parameters on both databases."""
    items = iter(sorted(values))
    while chunk := list(islice(items, CHUNK)):
        yield chunk


def participants(
    session: Session, *, first: int, last: int, district_code: str | None
) -> dict[str, int]:
    """Distinct people per dong who took part in a year of ``first``-``last`` (within the
    district's participations when ``district_code`` is given)."""
    span = sum(1 << (year - MASK_BASE_YEAR) for year in range(first, last + 1))
    stmt = (
        select(PD.c.dong_code, func.count(func.distinct(PD.c.person_id)))
        .where(PD.c.years.op("&")(literal(span, BigInteger)) != 0)
        .group_by(PD.c.dong_code)
    )
    if district_code:
        stmt = stmt.where(PD.c.district_code == district_code)
    return {str(dong): int(n) for dong, n in session.execute(stmt)}
