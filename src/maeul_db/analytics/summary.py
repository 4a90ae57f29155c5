"""Precomputed summaries (issue 11): person-year facts and year counts, rebuilt from the raw facts
in full (``refresh_all``) or for the people a write touched (``refresh_people``), and a data
version bumped by every refresh (``analytics.cache`` keys cached results on it).

The person-year rows of a write are worked out in Python (``person_year_rows``) from the facts of
the people concerned; the year counts are one ``INSERT ... SELECT ... GROUP BY`` per refresh in the
database. Definitions: docs/indicators.md "Summaries".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import case, delete, func, insert, inspect, or_, update
from sqlmodel import Session, col

from maeul_db.analytics import (
    ladder_counts,
    ladder_summary,
    person_year_rows,
    summary_dong,
    summary_dong_months,
    summary_hours,
    summary_seats,
    summary_span,
    summary_sql,
)
from maeul_db.analytics.families import METRICS as COUNTED
from maeul_db.analytics.families import band_of
from maeul_db.analytics.indicators import age_band
from maeul_db.analytics.queries import PERSON_KEY, select
from maeul_db.kit import time as clock
from maeul_db.kit.chunks import sorted_chunks
from maeul_db.kit.time import utcnow
from maeul_db.models import (
    AnalyticsDataVersion,
    AnalyticsPersonYear,
    AnalyticsYearCount,
    Participation,
    Person,
)

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
    summary_dong_months.rebuild(session, (first, last))
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
    summary_dong_months.replace(
        session, keys, survivors, (current.first_year or current.last_year, current.last_year)
    )
    summary_hours.replace(session, keys, survivors)
    summary_seats.replace(session, keys, survivors, dong_years)
    rows = list(person_year_rows.rows(session, survivors, current.last_year))
    _contributions(rows, 1, delta)
    if rows:
        session.execute(insert(PY), rows)
    _apply(session, delta)
    years = summary_span.span_years(current.first_year, current.last_year)
    summary_span.apply(session, summary_span.delta(old_rows, rows, years))
    return _bump(session)
