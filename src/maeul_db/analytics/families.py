"""The participation family of indicators in one SQL query (issue 11): participants, age bands,
repeat participants (within the period and ever by its end), lead proposers, group members and
people engaged (participants or members), per scope × gender × age band.

Equal ways to the same rows (docs/indicators.md "Summaries"; ``summary_read`` picks one): the
year counts for one whole year, the span counts or the person-year facts for whole years, their
month masks for any other period within the summarised years (``family_months``), the raw facts
otherwise (``family_facts``). ``tests/analytics/test_summary.py`` holds them equal.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import String, and_, case, cast, func, literal
from sqlmodel import Session, col

from maeul_db.analytics.queries import select
from maeul_db.analytics.schemas import AGE_BANDS, GENDER_BY_CODE, Count
from maeul_db.models import (
    AnalyticsPersonYear,
    AnalyticsYearCount,
)
from maeul_db.models.analytics_summary import CITY_SCOPE

METRICS = (
    "participants",
    "repeat_participants",
    "repeat_participants_ever",
    "lead_proposers",
    "group_members",
    "people_engaged",
)


class FamilyRow(NamedTuple):
    scope: str
    gender: str
    age_band: str
    participants: int
    repeat_participants: int
    repeat_participants_ever: int
    lead_proposers: int
    group_members: int
    people_engaged: int


def band_of(age: Any) -> Any:
    """The age band (schemas.AGE_BANDS) of an SQL age expression, as SQL."""
    return case(
        (age < 20, literal("under_20")),
        (age >= 70, literal("70_plus")),
        else_=cast((age // 10) * 10, String(3)) + literal("s"),
    )


def period_keys(scope: Any, person: Any, end: date) -> tuple[Any, ...]:
    """(scope, gender, age band on 31 December of the period's last year) of a person's row;
    the same key objects go in a select and its group by (PostgreSQL matches them by text)."""
    return (scope, person.gender, band_of(literal(end.year) - person.birth_year))


def _flag(condition: Any) -> Any:
    return func.sum(case((condition, 1), else_=0))


def from_year_counts(session: Session, year: int) -> list[FamilyRow]:
    yc = AnalyticsYearCount
    stmt = select(yc.scope, yc.gender, yc.age_band, *(getattr(yc, m) for m in METRICS)).where(
        col(yc.year) == year
    )
    return [FamilyRow(*row) for row in session.execute(stmt)]


def from_person_years(session: Session, first: int, last: int) -> list[FamilyRow]:
    """Whole years ``first``–``last``: distinct projects over the years are the first year's plus
    each later year's projects not met the year before."""
    py = AnalyticsPersonYear
    fresh = case((col(py.year) == first, py.projects), else_=py.projects - py.carried)
    people = (
        select(
            py.scope,
            py.gender,
            py.birth_year,
            func.max(py.part).label("part"),
            func.max(py.lead).label("lead"),
            func.max(py.member).label("member"),
            func.sum(fresh).label("projects"),
            func.max(py.projects_to_date).label("to_date"),
        )
        .where(col(py.year).between(first, last))
        .group_by(py.person_id, py.scope, py.gender, py.birth_year)
        .subquery()
    )
    return totals(session, people, last)


def totals(session: Session, people: Any, last: int) -> list[FamilyRow]:
    band = band_of(literal(last) - people.c.birth_year)
    part = people.c.part == 1
    stmt = select(
        people.c.scope,
        people.c.gender,
        band,
        func.sum(people.c.part),
        _flag(and_(part, people.c.projects >= 2)),
        _flag(and_(part, people.c.to_date >= 2)),
        func.sum(people.c.lead),
        func.sum(people.c.member),
        func.count(),
    ).group_by(people.c.scope, people.c.gender, band)
    return [FamilyRow(*row) for row in session.execute(stmt)]


def scoped(stmt: Any, district: Any) -> Any:
    """The statement once per district and once for Seoul (a person counts once city-wide)."""
    return [
        stmt.add_columns(district.label("scope")),
        stmt.add_columns(literal(CITY_SCOPE).label("scope")),
    ]


class Family(NamedTuple):
    """The family's figures for one scope, as gender-split counts."""

    counts: dict[str, Count]
    by_band: dict[str, Count]


def _add(count: Count, gender: str, n: int) -> None:
    key = GENDER_BY_CODE.get(gender, "unstated")
    count.total = (count.total or 0) + n
    setattr(count, key, (getattr(count, key) or 0) + n)


def by_scope(rows: list[FamilyRow]) -> dict[str, Family]:
    """Rows folded into gender-split counts per scope (``*`` is Seoul)."""
    result: dict[str, Family] = defaultdict(
        lambda: Family({m: Count() for m in METRICS}, {b: Count() for b in AGE_BANDS})
    )
    for row in rows:
        family = result[row.scope]
        for metric in METRICS:
            _add(family.counts[metric], row.gender, int(getattr(row, metric) or 0))
        _add(family.by_band[row.age_band], row.gender, int(row.participants or 0))
    return result


def empty() -> Family:
    return Family({m: Count() for m in METRICS}, {b: Count() for b in AGE_BANDS})
