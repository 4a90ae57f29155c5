"""Benchmark the indicators on demo databases (``maeul-db demo --scale seoul``), SQLite and
PostgreSQL side by side, for docs/benchmarks.md (issue 11; networks: scripts/bench_networks.py).

    .venv/bin/python scripts/bench_analytics.py --year 2022 \\
        --db sqlite:////tmp/seoul.sqlite --db postgresql+psycopg://postgres@localhost/maeul_seoul

For each database: the participation family (participants, repeat participants within the period
and ever, lead proposers, group members, people engaged, by scope × gender × age band) as the
service reads it against hand-written SQL over the raw facts for the same figures, for one year,
for the whole span and for one quarter (raw facts); the KPI report and the dashboard cold (cache
cleared) and warm; the ladder; an incremental summary refresh of one person. Run ``maeul-db
summaries refresh`` (or the demo) first, and ANALYZE a bulk-loaded PostgreSQL database.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from maeul_db.analytics import (
    cache,
    dashboard,
    ladder_service,
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


def hand_ladder(session: Session, end: date) -> list[Any]:
    return list(session.execute(text(HAND_LADDER), {"e": end}))


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds and value; a use case stopped by its time limit counts as NaN (printed "limit")."""
    start = time.perf_counter()
    try:
        value = fn()
    except TimeLimitExceeded:
        return float("nan"), None
    return time.perf_counter() - start, value


def hand(session: Session, start: date, end: date) -> list[Any]:
    params = {"s": start, "e": end, "y": end.year}
    return list(session.execute(text(HAND_SQL), params))


def _cold(session: Session, fn: Callable[[], Any]) -> float:
    cache.clear()
    return timed(fn)[0]


def measure(url: str, year: int, first: int, full_refresh: bool) -> dict[str, float]:
    results: dict[str, float] = {}
    engine = make_engine(url)
    one = (date(year, 1, 1), date(year, 12, 31))
    span = (date(first, 1, 1), date(year, 12, 31))
    quarter = (date(year, 4, 1), date(year, 6, 30))
    with Session(engine) as session:
        for name, (start, end) in (("year", one), ("span", span), ("quarter", quarter)):
            ours, rows = timed(
                lambda s=start, e=end: summary_read.family_rows(session, start=s, end=e)
            )
            theirs, hand_rows = timed(lambda s=start, e=end: hand(session, s, e))
            results[f"family {name}: service"] = ours
            results[f"family {name}: hand SQL"] = theirs
            assert sum(r.participants for r in rows) == sum(r[3] for r in hand_rows), name
        for name, (start, end) in (("year", one), ("span", span)):
            kpi = lambda s=start, e=end: service.kpi(session, user=ANALYST, start=s, end=e)  # noqa: E731
            results[f"kpi {name}: cold"] = _cold(session, kpi)
            results[f"kpi {name}: warm"] = timed(kpi)[0]
            board = lambda s=start, e=end: dashboard.overview(  # noqa: E731
                session, user=ANALYST, start=s, end=e, district_code=None
            )
            results[f"dashboard {name}: cold"] = _cold(session, board)
            results[f"dashboard {name}: warm"] = timed(board)[0]
        results["ladder rungs (summary SQL)"] = timed(
            lambda: ladder_service.rungs(session, user=ANALYST, as_of=one[1])
        )[0]
        results["ladder rungs (hand SQL)"] = timed(lambda: hand_ladder(session, one[1]))[0]
        results["ladder report (Python)"] = timed(
            lambda: ladder_service.report(session, user=ANALYST, as_of=one[1], transition_years=1)
        )[0]
        results["refresh one person (incremental)"] = timed(
            lambda: summary.refresh_people(session, {1})
        )[0]
        session.rollback()
        if full_refresh:
            results["full summary refresh (SQL)"] = timed(lambda: summary.refresh_all(session))[0]
            session.rollback()
    engine.dispose()
    return results


def _cell(seconds: float) -> str:
    return f"{'limit':>14}" if seconds != seconds else f"{seconds:>12.3f} s"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int, default=2022)
    parser.add_argument("--first-year", type=int, default=2013)
    parser.add_argument("--db", action="append", required=True, help="database URL (repeat)")
    parser.add_argument("--full-refresh", action="store_true", help="time a full rebuild too")
    args = parser.parse_args()
    columns = [measure(url, args.year, args.first_year, args.full_refresh) for url in args.db]
    names = [url.split(":", 1)[0].split("+")[0] for url in args.db]
    print(f"{'measurement':<40}" + "".join(f"{n:>14}" for n in names))
    for key in columns[0]:
        print(f"{key:<40}" + "".join(_cell(c[key]) for c in columns))
    for name in ("year", "span", "quarter"):
        ratios = [c[f"family {name}: service"] / c[f"family {name}: hand SQL"] for c in columns]
        print(
            f"{'family ' + name + ': service / hand':<40}" + "".join(f"{r:>13.2f}x" for r in ratios)
        )


if __name__ == "__main__":
    main()
