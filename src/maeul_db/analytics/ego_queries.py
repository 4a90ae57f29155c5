"""The SQL of one person's network: their projects and those projects' teams, a hop at a time,
through the indexes on participation (person, project) and the pseudonym lookup table, instead of
building the city-wide network for every request (issue 11: an ego network in ≤ 0.5 s).

The filters are those of ``queries.participations`` with ``consented=True`` (voided facts left
out, merged duplicates counted as the person they were merged into, research consent withdrawn
left out), so the ego network is the one the whole network gives (tests/analytics/test_ego_fast.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import and_, or_
from sqlmodel import Session, col

from maeul_db.analytics.pseudonym import pseudonym
from maeul_db.analytics.queries import (
    PERSON_KEY,
    PartRow,
    _district,
    _overlaps,
    _research,
    select,
)
from maeul_db.models import AnalyticsPseudonym, Participation, Person, Project
from maeul_db.privacy import consent

# Bound parameters per IN list (SQLite allows 32,766 per statement; PostgreSQL 65,535).
CHUNK = 10_000


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for at in range(0, len(ordered), CHUNK):
        yield ordered[at : at + CHUNK]


def _scope(start: date, end: date, district_code: str | None) -> Any:
    return and_(
        _overlaps(Participation, start, end),
        _district(Participation.district_code, district_code),
        _research(True),
    )


def projects_of(
    session: Session, people: Iterable[int], *, start: date, end: date, district_code: str | None
) -> set[int]:
    """The projects in scope that any of ``people`` (person keys) took part in."""
    found: set[int] = set()
    for ids in _chunks(people):
        stmt = (
            select(Participation.project_id)
            .join(Person, col(Person.id) == Participation.person_id)
            .where(
                or_(
                    and_(col(Person.id).in_(ids), col(Person.merged_into_id).is_(None)),
                    col(Person.merged_into_id).in_(ids),
                ),
                _scope(start, end, district_code),
            )
        )
        found.update(int(row[0]) for row in session.execute(stmt))
    return found


def team_parts(
    session: Session, projects: Iterable[int], *, start: date, end: date, district_code: str | None
) -> list[PartRow]:
    """Every participation in scope of ``projects`` (whole teams: the tie weights need their size)."""
    rows: list[PartRow] = []
    for ids in _chunks(projects):
        stmt = (
            select(
                PERSON_KEY,
                Participation.project_id,
                Participation.role,
                Participation.district_code,
                Participation.valid_from,
                Person.gender,
                Person.birth_year,
                Project.stage,
                Project.year,
            )
            .join(Person, col(Person.id) == Participation.person_id)
            .join(Project, col(Project.id) == Participation.project_id)
            .where(col(Participation.project_id).in_(ids), _scope(start, end, district_code))
        )
        rows.extend(PartRow(*row) for row in session.execute(stmt))
    return rows


class TeamRow(NamedTuple):
    """Who was in which project of which year: all that network growth needs."""

    person_id: int
    project_id: int
    year: int


def team_rows(
    session: Session, *, start: date, end: date, district_code: str | None
) -> list[TeamRow]:
    """``participations(..., consented=True)`` cut to three columns for network growth. The
    research-consent filter is applied once to the (few) people who withdrew, not as a correlated
    subquery per participation: the city-wide 12-year fetch was most of the growth's time."""
    withdrawn = {
        int(row[0])
        for row in session.execute(select(Person.id).where(consent.research_withdrawn(Person.id)))
    }
    stmt = (
        select(Person.id, PERSON_KEY, Participation.project_id, Project.year)
        .join(Person, col(Person.id) == Participation.person_id)
        .join(Project, col(Project.id) == Participation.project_id)
        .where(
            _overlaps(Participation, start, end),
            _district(Participation.district_code, district_code),
        )
    )
    return [
        TeamRow(int(key), int(project), int(year))
        for raw, key, project, year in session.execute(stmt)
        if raw not in withdrawn
    ]


def key_id(key: str) -> str:
    """Which analytics key a stored pseudonym was made with (a digest of the key, not the key)."""
    return pseudonym(key, "key", 0)[2:]


def person_by_pseudonym(session: Session, ref: str, *, key: str) -> int | None:
    """The person id of an analyst's pseudonym through the lookup table (None: not stored)."""
    stmt = select(AnalyticsPseudonym.person_id).where(
        AnalyticsPseudonym.pseudonym == ref, AnalyticsPseudonym.key_id == key_id(key)
    )
    found = session.execute(stmt).scalar()
    return int(found) if found is not None else None


def person_by_hashing(session: Session, ref: str, *, key: str) -> int | None:
    """The slow way, for people added since the table was last refreshed: hash every id."""
    for (person_id,) in session.execute(select(Person.id)):
        if pseudonym(key, "person", int(person_id)) == ref:
            return int(person_id)
    return None
