"""Precomputed summaries (issue 11): person-year facts and year counts, rebuilt from the raw facts
in full (``refresh_all``) or for the people a write touched (``refresh_people``), and a data
version bumped by every refresh (``analytics.cache`` keys cached results on it).

The person-year rows are worked out here from the facts of the people concerned (small for an
incremental refresh); the year counts are one ``INSERT ... SELECT ... GROUP BY`` per refresh in the
database. Definitions: docs/indicators.md "Summaries".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, delete, func, insert, inspect, or_, update
from sqlmodel import Session, col

from maeul_db.analytics import (
    ladder_counts,
    ladder_summary,
    month_masks,
    summary_dong,
    summary_hours,
    summary_seats,
    summary_span,
    summary_sql,
)
from maeul_db.analytics.families import METRICS as COUNTED
from maeul_db.analytics.families import band_of
from maeul_db.analytics.indicators import age_band
from maeul_db.analytics.queries import PERSON_KEY, person_in, select
from maeul_db.kit import time as clock
from maeul_db.kit.chunks import sorted_chunks
from maeul_db.kit.time import utcnow
from maeul_db.models import (
    AnalyticsDataVersion,
    AnalyticsPersonYear,
    AnalyticsYearCount,
    GroupMembership,
    Participation,
    Person,
)
from maeul_db.models.analytics_summary import CITY_SCOPE

CHUNK = 500
LEAD = "lead_proposer"
PY = AnalyticsPersonYear.__table__  # type: ignore[attr-defined]
YC = AnalyticsYearCount.__table__  # type: ignore[attr-defined]


def state(session: Session) -> AnalyticsDataVersion | None:
    """The data-version row, or None while the summaries were never built (or, in a database not
    yet migrated to them, cannot be: writes there must still commit)."""
    if not inspect(session.connection()).has_table(AnalyticsDataVersion.__tablename__):
        return None
    return session.get(AnalyticsDataVersion, 1)


def data_stamp(session: Session) -> tuple[str, int, str] | None:
    """Which database, which version, refreshed when: the cache key of "the data as it is" (a
    version number alone could repeat after a restore, or in another database)."""
    row = session.execute(
        select(AnalyticsDataVersion.version, AnalyticsDataVersion.refreshed_at).where(
            col(AnalyticsDataVersion.id) == 1
        )
    ).first()
    if row is None or not row[0]:
        return None
    return (str(session.get_bind().engine.url), int(row[0]), str(row[1]))


def data_version(session: Session) -> int:
    row = session.execute(
        select(AnalyticsDataVersion.version).where(col(AnalyticsDataVersion.id) == 1)
    ).scalar()
    return int(row) if row is not None else 0


@dataclass
class _Track:
    """One person's activity in one scope, year by year."""

    projects: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    started: dict[int, int] = field(default_factory=dict)
    # project -> the first day the person took part in it
    first_day: dict[int, date] = field(default_factory=dict)
    lead: set[int] = field(default_factory=set)
    member: set[int] = field(default_factory=set)
    # year -> months (analytics.month_masks) of taking part, leading, belonging
    part_months: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    lead_months: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    member_months: dict[int, int] = field(default_factory=lambda: defaultdict(int))


def _years(valid_from: date, valid_to: date | None, last: int) -> range:
    """Calendar years an interval ``[valid_from, valid_to)`` meets, open ones up to ``last``."""
    end = (valid_to - timedelta(days=1)).year if valid_to is not None else last
    return range(valid_from.year, min(end, last) + 1)


def _keyed(stmt: Any, keys: set[int] | None) -> Iterator[Any]:
    """Rows of ``stmt`` for every person, or for ``keys`` only (in chunks of bound parameters)."""
    if keys is None:
        yield stmt
        return
    for chunk in sorted_chunks(keys, CHUNK):
        yield stmt.where(person_in(chunk))


def _tracks(session: Session, keys: set[int] | None, last: int) -> dict[tuple[int, str], _Track]:
    tracks: dict[tuple[int, str], _Track] = defaultdict(_Track)
    parts = (
        select(
            PERSON_KEY,
            Participation.district_code,
            Participation.project_id,
            Participation.role,
            Participation.valid_from,
            Participation.valid_to,
        )
        .join(Person, col(Person.id) == Participation.person_id)
        .where(col(Participation.voided_at).is_(None))
    )
    for stmt in _keyed(parts, keys):
        for person, district, project, role, start, stop in session.execute(stmt):
            for scope in (district, CITY_SCOPE):
                _took_part(tracks[(person, scope)], project, role == LEAD, start, stop, last)
    members = (
        select(
            PERSON_KEY,
            GroupMembership.district_code,
            GroupMembership.valid_from,
            GroupMembership.valid_to,
        )
        .join(Person, col(Person.id) == GroupMembership.person_id)
        .where(col(GroupMembership.voided_at).is_(None))
    )
    for stmt in _keyed(members, keys):
        for person, district, start, stop in session.execute(stmt):
            for scope in (district, CITY_SCOPE):
                track = tracks[(person, scope)]
                for year in _years(start, stop, last):
                    track.member.add(year)
                    track.member_months[year] |= month_masks.of_fact(start, stop, year)
    return tracks


def _took_part(
    track: _Track, project: int, lead: bool, start: date, stop: date | None, last: int
) -> None:
    """One participation in a person's track: its years, months, project and start."""
    for year in _years(start, stop, last):
        track.projects[year].add(project)
        months = month_masks.of_fact(start, stop, year)
        track.part_months[year] |= months
        if lead:
            track.lead.add(year)
            track.lead_months[year] |= months
    track.started[project] = min(start.year, track.started.get(project, start.year))
    track.first_day[project] = min(start, track.first_day.get(project, start))


def _people(session: Session, keys: set[int]) -> dict[int, tuple[str, int]]:
    """Gender and birth year of each (surviving) person."""
    result: dict[int, tuple[str, int]] = {}
    for chunk in sorted_chunks(keys, CHUNK):
        stmt = select(Person.id, Person.gender, Person.birth_year).where(col(Person.id).in_(chunk))
        result.update({pid: (str(g), int(b)) for pid, g, b in session.execute(stmt)})
    return result


def _rows(session: Session, keys: set[int] | None, last: int) -> Iterator[dict[str, Any]]:
    tracks = _tracks(session, keys, last)
    people = _people(session, {person for person, _ in tracks})
    for (person, scope), track in tracks.items():
        gender, birth = people[person]
        starts = sorted(track.started.values())
        prev = dict.fromkeys(PREV, 0)
        years = sorted(set(track.projects) | track.member)
        following = _next_part(track, years)
        days = sorted(track.first_day.values())
        repeat_on = days[1] if len(days) > 1 else None
        for year in years:
            here = track.projects.get(year, set())
            yield {
                "person_id": person,
                "scope": scope,
                "year": year,
                "gender": gender,
                "birth_year": birth,
                "part": int(bool(here)),
                "lead": int(year in track.lead),
                "member": int(year in track.member),
                "projects": len(here),
                "carried": len(here & track.projects.get(year - 1, set())),
                "projects_to_date": sum(1 for s in starts if s <= year),
                "part_months": track.part_months.get(year, 0),
                "lead_months": track.lead_months.get(year, 0),
                "member_months": track.member_months.get(year, 0),
                **prev,
                "next_part": following[year],
                "repeat_on": repeat_on,
            }
            prev = _prev_after(prev, track, year)


PREV = ("prev_part", "prev_lead", "prev_member")


def _prev_after(prev: dict[str, int], track: _Track, year: int) -> dict[str, int]:
    """The ``prev_*`` of the person's next year: this year's last months where it has any."""
    months = (track.part_months, track.lead_months, track.member_months)
    return {
        name: month_masks.last_month(kind.get(year, 0), year) or prev[name]
        for name, kind in zip(PREV, months, strict=True)
    }


def _next_part(track: _Track, years: list[int]) -> dict[int, int]:
    """Per year, the first month of taking part in a later year (0: none)."""
    following, first = {}, 0
    for year in reversed(years):
        following[year] = first
        first = month_masks.first_month(track.part_months.get(year, 0), year) or first
    return following


def _band() -> Any:
    return band_of(AnalyticsPersonYear.year - col(AnalyticsPersonYear.birth_year))


def _recount(session: Session, years: set[int] | None) -> None:
    """Year counts for ``years`` (all when None), grouped in the database from person-years."""
    py = AnalyticsPersonYear
    where = [col(py.year).in_(sorted(years))] if years is not None else []
    if years is not None and not years:
        return
    session.execute(delete(YC).where(*[YC.c.year.in_(sorted(years))] if years else []))
    band = _band()
    part = col(py.part) == 1
    summary = (
        select(
            py.year,
            py.scope,
            py.gender,
            band,
            func.sum(py.part),
            func.sum(case((part & (col(py.projects) >= 2), 1), else_=0)),
            func.sum(case((part & (col(py.projects_to_date) >= 2), 1), else_=0)),
            func.sum(py.lead),
            func.sum(py.member),
            func.count(),
        )
        .where(*where)
        .group_by(py.year, py.scope, py.gender, band)
    )
    names = [c.name for c in YC.columns]
    session.execute(insert(YC).from_select(names, summary))


def _bump(session: Session, *, first: int | None = None, last: int | None = None) -> int:
    row = state(session) or AnalyticsDataVersion(id=1)
    row.version += 1
    if first is not None:
        row.first_year, row.last_year = first, last
    row.refreshed_at = utcnow()
    session.add(row)
    session.flush()
    return row.version


def _span(session: Session) -> tuple[int, int]:
    """Years the summaries cover: the first fact's year to this year (open facts run to it)."""
    first = session.execute(
        select(func.min(Participation.valid_from)).where(col(Participation.voided_at).is_(None))
    ).scalar()
    this_year = clock.today().year
    start = first.year if isinstance(first, date) else this_year
    if isinstance(first, str):
        start = int(first[:4])
    return min(start, this_year), this_year


def refresh_all(session: Session) -> int:
    """Rebuild every summary from the raw facts; returns the new data version."""
    first, last = _span(session)
    session.execute(delete(PY))
    session.execute(delete(YC))
    session.flush()
    summary_sql.insert_person_years(session, first, last)
    _recount(session, None)
    summary_span.rebuild(session, summary_span.span_years(first, last))
    ladder_summary.rebuild(session, drop=None, people=None)
    ladder_counts.rebuild(session, (first, last))
    summary_dong.rebuild(session, summary_dong.mask_years(first, last))
    summary_hours.rebuild(session)
    summary_seats.rebuild(session, summary_dong.mask_years(first, last))
    return _bump(session, first=first, last=last)


def _survivors(session: Session, ids: set[int]) -> set[int]:
    """The people (survivors of merges) whose rows stand for ``ids``."""
    keys: set[int] = set()
    for chunk in sorted_chunks(ids, CHUNK):
        stmt = select(PERSON_KEY).where(
            or_(col(Person.id).in_(chunk), col(Person.merged_into_id).in_(chunk))
        )
        keys.update(int(k) for (k,) in session.execute(stmt))
    return keys


def _contributions(rows: Iterable[Any], sign: int, into: dict[tuple[Any, ...], list[int]]) -> None:
    """Add (or with ``sign`` -1, take away) person-year rows' share of the year counts."""
    for row in rows:
        key = (row["year"], row["scope"], row["gender"], age_band(row["year"] - row["birth_year"]))
        part = row["part"] == 1
        values = (
            row["part"],
            int(part and row["projects"] >= 2),
            int(part and row["projects_to_date"] >= 2),
            row["lead"],
            row["member"],
            1,
        )
        cell = into.setdefault(key, [0] * len(COUNTED))
        for index, value in enumerate(values):
            cell[index] += sign * value


def _apply(session: Session, delta: dict[tuple[Any, ...], list[int]]) -> None:
    """Year counts moved by ``delta`` (a cell met for the first time is inserted)."""
    for (year, scope, gender, band), change in delta.items():
        if not any(change):
            continue
        where = (
            YC.c.year == year,
            YC.c.scope == scope,
            YC.c.gender == gender,
            YC.c.age_band == band,
        )
        moved: Any = session.execute(
            update(YC)
            .where(*where)
            .values({name: YC.c[name] + d for name, d in zip(COUNTED, change, strict=True)})
        )
        if moved.rowcount == 0:
            keys = {"year": year, "scope": scope, "gender": gender, "age_band": band}
            session.execute(insert(YC).values(**keys, **dict(zip(COUNTED, change, strict=True))))


def _reach_rows(session: Session, people: set[int]) -> list[Any]:
    found: list[Any] = []
    for chunk in sorted_chunks(people, CHUNK):
        stmt = select(ladder_summary.LR).where(ladder_summary.LR.c.person_id.in_(chunk))
        found.extend(row._mapping for row in session.execute(stmt))
    return found


def _rebuild_reach(
    session: Session, keys: set[int], survivors: set[int], years: tuple[int, int]
) -> None:
    """The reach rows of ``keys`` replaced by the survivors' fresh rows, and the year-end rung
    counts moved by the difference."""
    old = _reach_rows(session, keys)
    for chunk in sorted_chunks(keys, CHUNK):
        ladder_summary.rebuild(session, drop=chunk, people=[])
    for chunk in sorted_chunks(survivors, CHUNK):
        ladder_summary.rebuild(session, drop=[], people=chunk)
    ladder_counts.apply(session, ladder_counts.delta(old, _reach_rows(session, survivors), years))


def refresh_people(session: Session, person_ids: set[int]) -> int | None:
    """Rebuild the rows of ``person_ids`` (and of whom they were merged into or from) and move the
    year counts by the difference between their old and new rows. No-op (None) while the summaries
    were never built in full."""
    current = state(session)
    if current is None or current.last_year is None or not person_ids:
        return None
    keys = _survivors(session, person_ids) | person_ids
    delta: dict[tuple[Any, ...], list[int]] = {}
    old_rows: list[Any] = []
    for chunk in sorted_chunks(keys, CHUNK):
        old = select(PY).where(PY.c.person_id.in_(chunk))
        old_rows.extend(row._mapping for row in session.execute(old))
        session.execute(delete(PY).where(PY.c.person_id.in_(chunk)))
    _contributions(old_rows, -1, delta)
    survivors = _survivors(session, keys)
    _rebuild_reach(
        session, keys, survivors, (current.first_year or current.last_year, current.last_year)
    )
    dong_years = summary_dong.mask_years(current.first_year, current.last_year)
    summary_dong.replace(session, keys, survivors, dong_years)
    summary_hours.replace(session, keys, survivors)
    summary_seats.replace(session, keys, survivors, dong_years)
    rows = list(_rows(session, survivors, current.last_year))
    _contributions(rows, 1, delta)
    if rows:
        session.execute(insert(PY), rows)
    _apply(session, delta)
    years = summary_span.span_years(current.first_year, current.last_year)
    summary_span.apply(session, summary_span.delta(old_rows, rows, years))
    return _bump(session)
