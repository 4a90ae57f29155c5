"""The SQL of one person's network: their projects and those projects' teams, a hop at a time,
through the indexes on participation (person, project) and the pseudonym lookup table, instead of
building the city-wide network for every request (issue 11: an ego network in ≤ 0.5 s).

The filters are those of ``queries.participations`` with ``consented=True`` (voided facts left
out, merged duplicates counted as the person they were merged into, research consent withdrawn
left out; the last two applied in Python to the few people concerned, see ``People``), so the ego
network is the one the whole network gives (tests/analytics/test_network_fast.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import chain
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
from sqlalchemy import and_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from maeul_db.analytics import growth
from maeul_db.analytics.pseudonym import pseudonym
from maeul_db.analytics.queries import (
    _district,
    _overlaps,
    select,
)
from maeul_db.kit.chunks import sorted_chunks
from maeul_db.models import (
    AnalyticsPseudonym,
    Consent,
    ConsentPurpose,
    Participation,
    Person,
    Project,
)
from maeul_db.privacy import consent

# Bound parameters per IN list (SQLite allows 32,766 per statement; PostgreSQL 65,535).
CHUNK = 10_000


def _scope(start: date, end: date, district_code: str | None) -> Any:
    """``participations``' filters but research consent, which the callers apply in Python to the
    ids of ``withdrawn_people``: as a correlated subquery per row, PostgreSQL's planner scanned
    every person to evaluate it (a quarter of a second per ego network at seoul scale)."""
    return and_(
        _overlaps(Participation, start, end),
        _district(Participation.district_code, district_code),
    )


def withdrawn_people(session: Session) -> set[int]:
    """The people left out of networks (``consent.research_withdrawn``), found from the consent
    rows (a few) rather than by testing every person."""
    holder = aliased(Consent)
    stmt = (
        select(holder.person_id)
        .where(
            col(holder.purpose) == ConsentPurpose.research.value,
            consent.research_withdrawn(holder.person_id),
        )
        .distinct()
    )
    return {int(row[0]) for row in session.execute(stmt)}


class People(NamedTuple):
    """The few people an ego network's queries treat apart, read once per request: duplicates
    merged away (id → the person kept, ``PERSON_KEY``) and those who withdrew research consent.
    Applied in Python so the queries read ``participation`` alone through its indexes: joined
    to ``person``, PostgreSQL's planner chose to scan every person (0.1–0.4 s at seoul scale)."""

    merged: dict[int, int]
    withdrawn: set[int]


def people_apart(session: Session) -> People:
    stmt = select(Person.id, Person.merged_into_id).where(col(Person.merged_into_id).is_not(None))
    merged = {int(raw): int(into) for raw, into in session.execute(stmt)}
    return People(merged=merged, withdrawn=withdrawn_people(session))


def projects_of(
    session: Session,
    people: Iterable[int],
    *,
    start: date,
    end: date,
    district_code: str | None,
    apart: People,
) -> set[int]:
    """The projects in scope that any of ``people`` (person keys) took part in, themselves or
    as a duplicate merged into them."""
    keys = set(people)
    raw = {p for p in keys if p not in apart.merged}
    raw |= {dup for dup, into in apart.merged.items() if into in keys}
    found: set[int] = set()
    for ids in sorted_chunks(raw - apart.withdrawn, CHUNK):
        stmt = select(Participation.project_id).where(
            col(Participation.person_id).in_(ids), _scope(start, end, district_code)
        )
        found.update(int(row[0]) for row in session.execute(stmt))
    return found


class TeamMemberRow(NamedTuple):
    """Who was in which project: all an ego network needs."""

    person_id: int
    project_id: int


def team_members(
    session: Session,
    projects: Iterable[int],
    *,
    start: date,
    end: date,
    district_code: str | None,
    apart: People,
) -> list[TeamMemberRow]:
    """Every member in scope of ``projects`` (whole teams: the tie weights need their size), as
    ``participations(..., consented=True)`` finds them, in the two columns a network needs."""
    rows: list[TeamMemberRow] = []
    merged, withdrawn = apart.merged, apart.withdrawn
    for ids in sorted_chunks(projects, CHUNK):
        stmt = select(Participation.person_id, Participation.project_id).where(
            col(Participation.project_id).in_(ids), _scope(start, end, district_code)
        )
        rows.extend(
            TeamMemberRow(merged.get(raw, raw), project)
            for raw, project in session.execute(stmt)
            if raw not in withdrawn
        )
    return rows


class TeamRow(NamedTuple):
    """Who was in which project of which year: all that network growth needs."""

    person_id: int
    project_id: int
    year: int


def team_arrays(
    session: Session, *, start: date, end: date, district_code: str | None
) -> growth.Teams:
    """``participations(..., consented=True)`` cut to who was in which project of which year, as
    arrays, for network growth (issue 11: the city-wide 12-year fetch was most of the job's time).

    One scan of ``participation`` alone (two integer columns) instead of the three-table join:
    the project years, the merged duplicates and the people who withdrew research consent are
    few and fetched apart, then applied to the arrays, as ``PERSON_KEY`` and ``_research`` do."""
    stmt = select(Participation.person_id, Participation.project_id).where(
        _scope(start, end, district_code)
    )
    raw = np.fromiter(chain.from_iterable(session.execute(stmt)), dtype=np.int64).reshape(-1, 2)
    withdrawn = np.fromiter(withdrawn_people(session), dtype=np.int64)
    raw = raw[~np.isin(raw[:, 0], withdrawn)]
    merged = _pairs(session, select(Person.id, Person.merged_into_id).where(_is_merged()))
    years = _pairs(session, select(Project.id, Project.year))
    return growth.Teams(
        person=_mapped(raw[:, 0], merged, keep=True),
        project=raw[:, 1],
        year=_mapped(raw[:, 1], years, keep=False),
    )


def _is_merged() -> Any:
    return col(Person.merged_into_id).is_not(None)


def _pairs(session: Session, stmt: Any) -> npt.NDArray[np.int64]:
    """Rows of two integers as an array sorted by the first (a lookup table)."""
    pairs = np.fromiter(chain.from_iterable(session.execute(stmt)), dtype=np.int64)
    pairs = pairs.reshape(-1, 2)
    return pairs[np.argsort(pairs[:, 0], kind="stable")]


def _mapped(
    values: npt.NDArray[np.int64], table: npt.NDArray[np.int64], *, keep: bool
) -> npt.NDArray[np.int64]:
    """``values`` looked up in a sorted two-column ``table``; a value not in it stays itself
    (``keep``: a person not merged is their own key) or is an error (every project has a year)."""
    if not len(table):
        if keep or not len(values):
            return values
        raise LookupError("project without a year")
    at = np.minimum(np.searchsorted(table[:, 0], values), len(table) - 1)
    found = table[at, 0] == values
    if not keep and not found.all():
        raise LookupError("project without a year")
    return np.where(found, table[at, 1], values)


def team_rows(
    session: Session, *, start: date, end: date, district_code: str | None
) -> list[TeamRow]:
    """``team_arrays`` as rows (for tests and small scopes)."""
    teams = team_arrays(session, start=start, end=end, district_code=district_code)
    columns = (teams.person.tolist(), teams.project.tolist(), teams.year.tolist())
    return [TeamRow(*row) for row in zip(*columns, strict=True)]


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
