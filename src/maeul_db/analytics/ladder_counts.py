"""The dashboard's ladder for a whole year without a scan of the reach rows (issue 11, slice
i11-cold): people per year × scope × gender × (rung on 31 December of the year before, rung on 31
December of the year), for everyone on the ladder by the year's end, stored in
``analytics_rung_count``.

The full rebuild is one ``INSERT ... SELECT`` joining the reach rows to the summarised years; a
write moves the counts by the difference of the touched people's old and new reach rows, worked
out here in Python with the same rule as ``ladder_summary.rung_case`` (the highest rung reached by
the day). ``ladder_summary.rung_pairs`` gives the same figures for any other day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, insert, literal, or_, union_all, update
from sqlmodel import Session, col

from maeul_db.analytics.ladder import RUNGS
from maeul_db.analytics.ladder_summary import LR, RungPairs, rung_case, rung_pairs
from maeul_db.analytics.queries import select
from maeul_db.models import AnalyticsRungCount, AnalyticsYearCount
from maeul_db.models.analytics_summary import CITY_SCOPE

RC = AnalyticsRungCount.__table__  # type: ignore[attr-defined]


QUARTERS = (1, 2, 3, 4)


def quarter_end(year: int, quarter: int) -> date:
    """The last day of a quarter."""
    if quarter == 4:
        return date(year, 12, 31)
    return date(year, 3 * quarter + 1, 1) - timedelta(days=1)


def quarter_of(day: date) -> int | None:
    """The quarter ``day`` ends, or None."""
    quarter = (day.month + 2) // 3
    return quarter if day == quarter_end(day.year, quarter) else None


def _quarter_ends(first: int, last: int) -> Any:
    rows = [
        select(
            literal(y).label("y"),
            literal(q).label("q"),
            literal(date(y - 1, 12, 31)).label("before"),
            literal(quarter_end(y, q)).label("on"),
        )
        for y in range(first, last + 1)
        for q in QUARTERS
    ]
    return union_all(*rows).subquery("quarter_ends")


def rebuild(session: Session, years: tuple[int, int] | None) -> None:
    """Every quarter's rung counts, from the reach rows (already rebuilt)."""
    session.execute(delete(RC))
    if years is None:
        return
    ends = _quarter_ends(*years)
    earlier, later = rung_case(ends.c.before), rung_case(ends.c.on)
    stmt = (
        select(ends.c.y, ends.c.q, LR.c.scope, LR.c.gender, earlier, later, func.count())
        .select_from(LR)
        .join(ends, literal(True))
        .where(later > 0)
        .group_by(ends.c.y, ends.c.q, LR.c.scope, LR.c.gender, earlier, later)
    )
    names = ["year", "quarter", "scope", "gender", "rung_before", "rung_after", "people"]
    session.execute(insert(RC).from_select(names, stmt))


def _rung(row: Mapping[str, Any], on: date) -> int:
    for index in range(len(RUNGS) - 1, 0, -1):
        day = row[RUNGS[index]]
        if day is not None and day <= on:
            return index
    return 0


def delta(
    old: Iterable[Mapping[str, Any]], new: Iterable[Mapping[str, Any]], years: tuple[int, int]
) -> dict[tuple[Any, ...], int]:
    """How the rung counts move when reach rows ``old`` are replaced by ``new``."""
    moved: dict[tuple[Any, ...], int] = {}
    for rows, sign in ((old, -1), (new, 1)):
        for row in rows:
            for year in range(years[0], years[1] + 1):
                before = _rung(row, date(year - 1, 12, 31))
                for quarter in QUARTERS:
                    after = _rung(row, quarter_end(year, quarter))
                    if after == 0:
                        continue
                    key = (year, quarter, row["scope"], row["gender"], before, after)
                    moved[key] = moved.get(key, 0) + sign
    return moved


def apply(session: Session, moved: dict[tuple[Any, ...], int]) -> None:
    for (year, quarter, scope, gender, before, after), change in moved.items():
        if not change:
            continue
        keys = {
            "year": year,
            "quarter": quarter,
            "scope": scope,
            "gender": gender,
            "rung_before": before,
            "rung_after": after,
        }
        where = [RC.c[name] == value for name, value in keys.items()]
        result: Any = session.execute(update(RC).where(*where).values(people=RC.c.people + change))
        if result.rowcount == 0:
            session.execute(insert(RC).values(**keys, people=change))


def read(session: Session, *, year: int, scope: str | None, quarter: int = 4) -> RungPairs:
    """The stored pairs of a quarter's end (31 December unless told), and the first
    participation's year (31 December of it stands for the day: the dashboard only asks whether
    it came before ``year``; within ``year`` only when someone is on the ladder by the day)."""
    rc, yc = AnalyticsRungCount, AnalyticsYearCount
    where = (
        col(rc.year) == year,
        col(rc.quarter) == quarter,
        col(rc.scope) == (scope or CITY_SCOPE),
    )
    stmt = select(rc.rung_before, rc.rung_after, rc.gender, rc.people).where(*where)
    counts = {(int(a), int(b), str(g)): int(n) for a, b, g, n in session.execute(stmt) if n}
    first = session.execute(
        select(func.min(yc.year)).where(
            col(yc.scope) == (scope or CITY_SCOPE),
            col(yc.participants) > 0,
            col(yc.year) <= (year if counts else year - 1),
        )
    ).scalar()
    return RungPairs(counts, date(int(first), 12, 31) if first is not None else None)


def _moved(session: Session, *, before: date, on: date, scope: str | None) -> RungPairs:
    """The pairs of only the people who reached a rung after ``before`` and by ``on``."""
    moved = or_(*(and_(LR.c[name] > before, LR.c[name] <= on) for name in RUNGS[1:]))
    return rung_pairs(session, before=before, on=on, scope=scope, among=moved)


def read_within_year(session: Session, *, on: date, scope: str | None) -> RungPairs:
    """The pairs (rung on 31 December of the year before, rung on ``on``) of a day within a year
    whose year before is stored: everyone stays on the rung the stored counts give them on that
    31 December, but the few who reached a rung since, read from the reach rows (a scan of every
    reach row of the scope sorted them all: most of a cold dashboard on SQLite)."""
    before = date(on.year - 1, 12, 31)
    base = read(session, year=on.year - 1, scope=scope)
    moved = _moved(session, before=before, on=on, scope=scope)
    counts: dict[tuple[int, int, str], int] = {}
    for (_, rung, gender), n in base.counts.items():
        counts[(rung, rung, gender)] = counts.get((rung, rung, gender), 0) + n
    for (earlier, later, gender), n in moved.counts.items():
        counts[(earlier, later, gender)] = counts.get((earlier, later, gender), 0) + n
        if earlier:
            counts[(earlier, earlier, gender)] -= n
    return RungPairs({k: n for k, n in counts.items() if n}, base.first or moved.first)
