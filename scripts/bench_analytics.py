"""Benchmark the indicators on demo databases (``maeul-db demo --scale seoul``), SQLite and
PostgreSQL side by side, for docs/benchmarks.md (issue 11; networks: scripts/bench_networks.py).

    .venv/bin/python scripts/bench_analytics.py --year 2022 --first-year 2013 --last-year 2024 \\
        --db sqlite:////tmp/seoul.sqlite --db postgresql+psycopg://postgres@localhost/maeul_seoul

For each database: the participation family (participants, repeat participants within the period
and ever, lead proposers, group members, people engaged, by scope × gender × age band) as the
service reads it against hand-written SQL over the raw facts for the same figures, for one year,
for the span, for one quarter, July-June, days and three years from July to June (month masks);
the KPI report's projects and training hours against
hand-written SQL; the KPI report and the dashboard cold (cache cleared; the map's drawing, projected
once per process, already drawn) and warm, with the dashboard's ladder and map cold on their own;
the ladder from the stored year-end counts, from a scan of the reach rows and by hand, and on 30
June from the year before's counts and the people who moved since, against the scan; an
incremental summary refresh of one person. Wall and CPU seconds of this process (SQLite: all of
the work; PostgreSQL: the client's share) and the load average at the start and the end. Run
``maeul-db summaries refresh`` (or the demo) first, and ANALYZE a bulk-loaded PostgreSQL database.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from maeul_db.analytics import (
    cache,
    dashboard,
    ladder_counts,
    ladder_service,
    ladder_summary,
    map_service,
    queries,
    service,
    summary,
    summary_read,
)
from maeul_db.db import make_engine
from maeul_db.kit.deadline import TimeLimitExceeded
from maeul_db.models import Role, UserAccount

ANALYST = UserAccount(username="bench", password_hash="", role=Role.analyst)

# The same figures as analytics.families, written by hand over the raw facts (no summaries).
HAND_SQL = """
WITH facts AS (
  SELECT COALESCE(pe.merged_into_id, pe.id) AS pid, pa.district_code AS d, pa.project_id AS proj,
         CASE WHEN pa.role = 'lead_proposer' THEN 1 ELSE 0 END AS lead, 1 AS part, 0 AS mem
  FROM participation pa JOIN person pe ON pe.id = pa.person_id
  WHERE pa.valid_from <= :e AND (pa.valid_to IS NULL OR pa.valid_to > :s) AND pa.voided_at IS NULL
  UNION ALL
  SELECT COALESCE(pe.merged_into_id, pe.id), gm.district_code, NULL, 0, 0, 1
  FROM group_membership gm JOIN person pe ON pe.id = gm.person_id
  WHERE gm.valid_from <= :e AND (gm.valid_to IS NULL OR gm.valid_to > :s) AND gm.voided_at IS NULL
),
scoped AS (SELECT pid, d, proj, lead, part, mem FROM facts
           UNION ALL SELECT pid, '*', proj, lead, part, mem FROM facts),
started AS (
  SELECT COALESCE(pe.merged_into_id, pe.id) AS pid, pa.district_code AS d, pa.project_id AS proj
  FROM participation pa JOIN person pe ON pe.id = pa.person_id
  WHERE pa.valid_from <= :e AND pa.voided_at IS NULL
),
ever AS (
  SELECT pid, d, COUNT(DISTINCT proj) AS n FROM (
    SELECT pid, d, proj FROM started UNION ALL SELECT pid, '*', proj FROM started) s
  GROUP BY pid, d
),
people AS (
  SELECT pid, d, MAX(part) AS part, MAX(lead) AS lead, MAX(mem) AS mem,
         COUNT(DISTINCT proj) AS n FROM scoped GROUP BY pid, d
)
SELECT p.d, pe.gender,
       CASE WHEN :y - pe.birth_year < 20 THEN 'under_20'
            WHEN :y - pe.birth_year >= 70 THEN '70_plus'
            ELSE CAST((:y - pe.birth_year) / 10 * 10 AS VARCHAR(3)) || 's' END AS band,
       SUM(p.part), SUM(CASE WHEN p.part = 1 AND p.n >= 2 THEN 1 ELSE 0 END),
       SUM(CASE WHEN p.part = 1 AND COALESCE(ever.n, 0) >= 2 THEN 1 ELSE 0 END),
       SUM(p.lead), SUM(p.mem), COUNT(*)
FROM people p JOIN person pe ON pe.id = p.pid
LEFT JOIN ever ON ever.pid = p.pid AND ever.d = p.d
GROUP BY p.d, pe.gender, band
"""


# The ladder's rung counts as hand-written SQL over the raw facts (no summaries): each person's
# first day per rung source, then the highest rung reached by the day (repeat participant left out:
# it needs the second distinct project, which the summary adds).
HAND_LADDER = """
WITH f AS (
  SELECT COALESCE(pe.merged_into_id, pe.id) AS pid, 1 AS r, pa.valid_from AS d
  FROM participation pa JOIN person pe ON pe.id = pa.person_id WHERE pa.voided_at IS NULL
  UNION ALL
  SELECT COALESCE(pe.merged_into_id, pe.id), 3, pa.valid_from
  FROM participation pa JOIN person pe ON pe.id = pa.person_id
  WHERE pa.voided_at IS NULL AND pa.role = 'lead_proposer'
  UNION ALL
  SELECT COALESCE(pe.merged_into_id, pe.id), 5, cs.valid_from
  FROM council_seat cs JOIN person pe ON pe.id = cs.person_id WHERE cs.voided_at IS NULL
  UNION ALL
  SELECT COALESCE(pe.merged_into_id, pe.id), 7, ep.valid_from
  FROM expert_placement ep JOIN person pe ON pe.id = ep.person_id WHERE ep.voided_at IS NULL
)
SELECT r, COUNT(*) FROM (SELECT pid, MAX(r) AS r FROM f WHERE d <= :e GROUP BY pid) t GROUP BY r
"""


# The KPI report's other families as hand-written SQL over the raw facts (slices i11-cold, i11-kpi),
# the same figures as the service: projects per district, stage and programme; training hours and
# the people behind them per district × gender and city-wide; council members and those with a
# project before their first seat of the period, per district × gender and city-wide (gender: the
# survivor of merges', as the service counts).
HAND_PROJECTS = """
SELECT district_code, stage, programme, COUNT(*) FROM project
WHERE year BETWEEN :a AND :b GROUP BY district_code, stage, programme
"""
HAND_HOURS = """
WITH h AS (
  SELECT COALESCE(en.district_code, pe.registered_district_code) AS d, sv.gender AS g,
         COALESCE(pe.merged_into_id, pe.id) AS pid, ma.hours_attended AS hours
  FROM module_attendance ma JOIN enrolment en ON en.id = ma.enrolment_id
  JOIN person pe ON pe.id = en.person_id
  JOIN person sv ON sv.id = COALESCE(pe.merged_into_id, pe.id)
  WHERE COALESCE(ma.attended_on, en.enrolled_on) BETWEEN :s AND :e
)
SELECT d, g, SUM(hours), COUNT(DISTINCT pid) FROM h GROUP BY d, g
UNION ALL
SELECT '*', g, SUM(hours), COUNT(DISTINCT pid) FROM h GROUP BY g
"""
HAND_SEATS = """
WITH held AS (
  SELECT COALESCE(pe.merged_into_id, pe.id) AS pid, cs.district_code AS d,
         MIN(cs.valid_from) AS since
  FROM council_seat cs JOIN person pe ON pe.id = cs.person_id
  WHERE cs.valid_from <= :e AND (cs.valid_to IS NULL OR cs.valid_to > :s)
    AND cs.voided_at IS NULL
  GROUP BY COALESCE(pe.merged_into_id, pe.id), cs.district_code
),
scoped AS (SELECT pid, d, since FROM held
           UNION ALL SELECT pid, '*', MIN(since) FROM held GROUP BY pid),
first AS (
  SELECT COALESCE(pe.merged_into_id, pe.id) AS pid, MIN(pa.valid_from) AS first
  FROM participation pa JOIN person pe ON pe.id = pa.person_id
  WHERE pa.voided_at IS NULL AND pe.id IN (
    SELECT id FROM person WHERE COALESCE(merged_into_id, id) IN (SELECT pid FROM held))
  GROUP BY COALESCE(pe.merged_into_id, pe.id)
)
SELECT s.d, sv.gender, COUNT(*), SUM(CASE WHEN f.first < s.since THEN 1 ELSE 0 END)
FROM scoped s JOIN person sv ON sv.id = s.pid LEFT JOIN first f ON f.pid = s.pid
GROUP BY s.d, sv.gender
"""


def hand_ladder(session: Session, end: date) -> list[Any]:
    return list(session.execute(text(HAND_LADDER), {"e": end}))


# The last measurement's CPU seconds of this process (the client: a PostgreSQL server's own CPU
# is not in it; SQLite runs in the process, so its figure is all of the work).
LAST_CPU = [0.0]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds and value; a use case stopped by its time limit counts as NaN (printed "limit")."""
    start, cpu = time.perf_counter(), time.process_time()
    try:
        value = fn()
    except TimeLimitExceeded:
        return float("nan"), None
    LAST_CPU[0] = time.process_time() - cpu
    return time.perf_counter() - start, value


def hand(session: Session, start: date, end: date) -> list[Any]:
    params = {"s": start, "e": end, "y": end.year}
    return list(session.execute(text(HAND_SQL), params))


Results = dict[str, tuple[float, float]]


def _record(results: Results, name: str, fn: Callable[[], Any]) -> Any:
    seconds, value = timed(fn)
    results[name] = (seconds, LAST_CPU[0])
    return value


def _families(session: Session, results: Results, periods: dict[str, tuple[date, date]]) -> None:
    for name, (start, end) in periods.items():
        rows = _record(
            results,
            f"family {name}: service",
            lambda s=start, e=end: summary_read.family_rows(session, start=s, end=e),
        )
        hand_rows = _record(
            results, f"family {name}: hand SQL", lambda s=start, e=end: hand(session, s, e)
        )
        assert sum(r.participants for r in rows) == sum(r[3] for r in hand_rows), name
    for name, (start, end) in periods.items():
        if name not in ("year", "span"):
            continue  # the hand-written KPI baselines count whole years
        years = {"a": start.year, "b": end.year}
        dates = {"s": start, "e": end}
        kpi_families: dict[str, tuple[Callable[[], Any], Callable[[], Any]]] = {
            "projects": (
                lambda s=start, e=end: queries.projects(
                    session, first_year=s.year, last_year=e.year
                ),
                lambda y=years: list(session.execute(text(HAND_PROJECTS), y)),
            ),
            "hours": (
                lambda s=start, e=end: summary_read.training_hours(
                    session, start=s, end=e, district_code=None
                ),
                lambda d=dates: list(session.execute(text(HAND_HOURS), d)),
            ),
            "seats": (
                lambda s=start, e=end: summary_read.council_seats(
                    session, start=s, end=e, district_code=None
                ),
                lambda d=dates: list(session.execute(text(HAND_SEATS), d)),
            ),
        }
        for family, (ours, theirs) in kpi_families.items():
            _best_of(results, f"{family} {name}", ours, theirs)


def _best_of(
    results: Results, label: str, ours: Callable[[], Any], theirs: Callable[[], Any]
) -> None:
    """Service and hand SQL run in turn three times, the fastest of each kept: whichever ran first
    would otherwise pay alone for reading the table's pages from disk. Their figures must agree."""
    best: dict[str, tuple[float, float]] = {}
    values: dict[str, Any] = {}
    for _ in range(3):
        for who, fn in (("service", ours), ("hand SQL", theirs)):
            seconds, values[who] = timed(fn)
            if who not in best or seconds < best[who][0]:
                best[who] = (seconds, LAST_CPU[0])
    for who, value in best.items():
        results[f"{label}: {who}"] = value
    ours_total = sum(int(row[-1]) for row in values["service"])
    theirs_total = sum(int(row[-1]) for row in values["hand SQL"])
    assert ours_total == theirs_total, (label, ours_total, theirs_total)


def _boards(session: Session, results: Results, periods: dict[str, tuple[date, date]]) -> None:
    # The map's drawing is projected once per process (map_service._drawing): not a cold cost.
    start, end = periods["year"]
    map_service.dong_map(session, user=ANALYST, start=start, end=end)
    for name, (start, end) in periods.items():
        kpi = lambda s=start, e=end: service.kpi(session, user=ANALYST, start=s, end=e)  # noqa: E731
        board = lambda s=start, e=end: dashboard.overview(  # noqa: E731
            session, user=ANALYST, start=s, end=e, district_code=None
        )
        for label, fn in ((f"kpi {name}", kpi), (f"dashboard {name}", board)):
            cache.clear()
            _record(results, f"{label}: cold", fn)
            _record(results, f"{label}: warm", fn)
        for label, fn in (
            (
                f"  ladder {name} (rungs)",
                lambda e=end: ladder_service.rungs(session, user=ANALYST, as_of=e),
            ),
            (
                f"  map {name}",
                lambda s=start, e=end: map_service.dong_map(session, user=ANALYST, start=s, end=e),
            ),
        ):
            cache.clear()
            _record(results, f"{label}: cold", fn)


def measure(url: str, year: int, first: int, last: int, full_refresh: bool) -> Results:
    results: Results = {}
    engine = make_engine(url)
    periods = {
        "year": (date(year, 1, 1), date(year, 12, 31)),
        "span": (date(first, 1, 1), date(last, 12, 31)),
        "quarter": (date(year, 4, 1), date(year, 6, 30)),
        # Whole months across a year's end, days, three years from July to June (month masks;
        # the people of a partial month from their raw facts).
        "july-june": (date(year - 1, 7, 1), date(year, 6, 30)),
        "days": (date(year, 4, 15), date(year, 6, 20)),
        "three-years": (date(year - 2, 7, 1), date(year + 1, 6, 30)),
        "seven-years": (date(year - 6, 7, 1), date(year + 1, 6, 30)),
    }
    with Session(engine) as session:
        _families(session, results, periods)
        _boards(session, results, periods)
        end = periods["year"][1]
        before = date(year - 1, 12, 31)
        _record(
            results,
            "ladder year-end (stored counts)",
            lambda: ladder_counts.read(session, year=year, scope=None),
        )
        _record(
            results,
            "ladder year-end (scan of reach rows)",
            lambda: ladder_summary.rung_pairs(session, before=before, on=end, scope=None),
        )
        _record(results, "ladder rungs (hand SQL)", lambda: hand_ladder(session, end))
        june = date(year, 6, 30)
        _record(
            results,
            "ladder 30 June (stored + movers)",
            lambda: ladder_counts.read_within_year(session, on=june, scope=None),
        )
        _record(
            results,
            "ladder 30 June (scan of reach rows)",
            lambda: ladder_summary.rung_pairs(session, before=before, on=june, scope=None),
        )
        _record(
            results,
            "ladder report (Python)",
            lambda: ladder_service.report(session, user=ANALYST, as_of=end, transition_years=1),
        )
        _record(
            results,
            "refresh one person (incremental)",
            lambda: summary.refresh_people(session, {1}),
        )
        session.rollback()
        if full_refresh:
            _record(results, "full summary refresh (SQL)", lambda: summary.refresh_all(session))
            session.rollback()
    engine.dispose()
    return results


def _cell(value: tuple[float, float]) -> str:
    seconds, cpu = value
    if seconds != seconds:
        return f"{'limit':>22}"
    return f"{seconds:>10.3f} {cpu:>10.3f} "


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int, default=2022)
    parser.add_argument("--first-year", type=int, default=2013)
    parser.add_argument("--last-year", type=int, default=2024, help="the span's last year")
    parser.add_argument("--db", action="append", required=True, help="database URL (repeat)")
    parser.add_argument("--full-refresh", action="store_true", help="time a full rebuild too")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()}")
    columns = [
        measure(url, args.year, args.first_year, args.last_year, args.full_refresh)
        for url in args.db
    ]
    names = [url.split(":", 1)[0].split("+")[0] for url in args.db]
    print(f"load average at end:   {os.getloadavg()}")
    print(f"span = {args.first_year}-{args.last_year}; seconds: wall, then CPU of this process")
    print(f"{'measurement':<40}" + "".join(f"{n + ' wall / cpu':>22}" for n in names))
    for key in columns[0]:
        print(f"{key:<40}" + "".join(_cell(c[key]) for c in columns))
    pairs = [
        ("family year", "family year: service", "family year: hand SQL"),
        ("family span", "family span: service", "family span: hand SQL"),
        ("family quarter", "family quarter: service", "family quarter: hand SQL"),
        ("family july-june", "family july-june: service", "family july-june: hand SQL"),
        ("family days", "family days: service", "family days: hand SQL"),
        ("family three-years", "family three-years: service", "family three-years: hand SQL"),
        ("family seven-years", "family seven-years: service", "family seven-years: hand SQL"),
        ("projects year", "projects year: service", "projects year: hand SQL"),
        ("projects span", "projects span: service", "projects span: hand SQL"),
        ("hours year", "hours year: service", "hours year: hand SQL"),
        ("hours span", "hours span: service", "hours span: hand SQL"),
        ("seats year", "seats year: service", "seats year: hand SQL"),
        ("seats span", "seats span: service", "seats span: hand SQL"),
        ("ladder year-end", "ladder year-end (stored counts)", "ladder rungs (hand SQL)"),
    ]
    for label, ours, theirs in pairs:
        ratios = [c[ours][0] / c[theirs][0] for c in columns]
        print(f"{label + ': service / hand':<40}" + "".join(f"{r:>21.2f}x" for r in ratios))


if __name__ == "__main__":
    main()
