"""The participation family of indicators in one SQL query (issue 11): participants, age bands,
repeat participants (within the period and ever by its end), lead proposers, group members and
people engaged (participants or members), per scope × gender × age band.

Three equal ways to the same rows (docs/indicators.md "Summaries"): the year counts for one whole
year, the person-year facts for whole years, the raw facts for any other period (or while the
summaries were never built). ``tests/analytics/test_summary.py`` holds them equal.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import String, and_, case, cast, func, literal, or_, union_all
from sqlmodel import Session, col

from maeul_db.analytics.queries import PERSON_KEY, select
from maeul_db.analytics.schemas import AGE_BANDS, GENDER_BY_CODE, Count
from maeul_db.models import (
    AnalyticsPersonYear,
    AnalyticsYearCount,
    GroupMembership,
    Participation,
    Person,
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
    return _totals(session, people, last)


def _totals(session: Session, people: Any, last: int) -> list[FamilyRow]:
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


def _scoped(stmt: Any, district: Any) -> Any:
    """The statement once per district and once for Seoul (a person counts once city-wide)."""
    return [
        stmt.add_columns(district.label("scope")),
        stmt.add_columns(literal(CITY_SCOPE).label("scope")),
    ]


def from_facts(session: Session, start: date, end: date) -> list[FamilyRow]:
    """Any period, straight from participations and memberships (voided facts never count)."""
    p, m = Participation, GroupMembership
    meets_p = and_(
        col(p.valid_from) <= end,
        or_(col(p.valid_to).is_(None), col(p.valid_to) > start),
        col(p.voided_at).is_(None),
    )
    meets_m = and_(
        col(m.valid_from) <= end,
        or_(col(m.valid_to).is_(None), col(m.valid_to) > start),
        col(m.voided_at).is_(None),
    )
    is_lead = case((col(p.role) == "lead_proposer", 1), else_=0)
    base_p = (
        select(
            PERSON_KEY.label("pid"),
            p.project_id.label("project"),  # type: ignore[attr-defined]
            literal(1).label("part"),
            is_lead.label("lead"),
            literal(0).label("member"),
        )
        .select_from(p)
        .join(Person, col(Person.id) == p.person_id)
        .where(meets_p)
    )
    base_m = (
        select(
            PERSON_KEY.label("pid"),
            literal(None).label("project"),
            literal(0).label("part"),
            literal(0).label("lead"),
            literal(1).label("member"),
        )
        .select_from(m)
        .join(Person, col(Person.id) == m.person_id)
        .where(meets_m)
    )
    facts = union_all(
        *_scoped(base_p, p.district_code), *_scoped(base_m, m.district_code)
    ).subquery()
    started = (
        select(PERSON_KEY.label("pid"), p.project_id.label("project"))  # type: ignore[attr-defined]
        .select_from(p)
        .join(Person, col(Person.id) == p.person_id)
        .where(p.valid_from <= end, col(p.voided_at).is_(None))
    )
    ever = union_all(*_scoped(started, p.district_code)).subquery()
    to_date = (
        select(ever.c.pid, ever.c.scope, func.count(func.distinct(ever.c.project)).label("n"))
        .group_by(ever.c.pid, ever.c.scope)
        .subquery()
    )
    per_person = (
        select(
            facts.c.pid,
            facts.c.scope,
            func.max(facts.c.part).label("part"),
            func.max(facts.c.lead).label("lead"),
            func.max(facts.c.member).label("member"),
            func.count(func.distinct(facts.c.project)).label("projects"),
        )
        .group_by(facts.c.pid, facts.c.scope)
        .subquery()
    )
    people = (
        select(
            per_person.c.scope,
            Person.gender,
            Person.birth_year,
            per_person.c.part,
            per_person.c.lead,
            per_person.c.member,
            per_person.c.projects,
            func.coalesce(to_date.c.n, 0).label("to_date"),
        )
        .join(Person, col(Person.id) == per_person.c.pid)
        .outerjoin(
            to_date,
            and_(to_date.c.pid == per_person.c.pid, to_date.c.scope == per_person.c.scope),
        )
        .subquery()
    )
    return _totals(session, people, end.year)


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
