"""The analysts' dashboard cold (analytics cache cleared) for one year and a span, on each database
given, median of ``--runs`` (issue 11's <= 1 s target); a quick re-measurement beside
scripts/bench_analytics.py, which also times the hand-written SQL baselines.

    PYTHONPATH=src .venv/bin/python scripts/bench_dashboard_cold.py \\
        --db sqlite:////tmp/seoul.sqlite --db postgresql+psycopg://postgres@localhost/maeul_seoul
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from datetime import date

from sqlmodel import Session

from maeul_db.analytics import cache, dashboard, map_service
from maeul_db.db import make_engine
from maeul_db.models import Role, UserAccount

ANALYST = UserAccount(username="bench", password_hash="", role=Role.analyst)


def _cold(session: Session, start: date, end: date, runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of the dashboard with the cache cleared before each run."""
    walls, cpus = [], []
    for _ in range(runs):
        cache.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        dashboard.overview(session, user=ANALYST, start=start, end=end, district_code=None)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", action="append", required=True)
    parser.add_argument("--year", type=int, default=2022)
    parser.add_argument("--first-year", type=int, default=2013)
    parser.add_argument("--last-year", type=int, default=2024)
    parser.add_argument("--runs", type=int, default=5)
    # A period that is not whole years (an analyst's quarter, say), read from the raw facts:
    # --period 2022-04-01:2022-06-30
    parser.add_argument("--period", action="append", default=[])
    args = parser.parse_args()
    periods = {
        f"{args.year}": (date(args.year, 1, 1), date(args.year, 12, 31)),
        f"{args.first_year}-{args.last_year}": (
            date(args.first_year, 1, 1),
            date(args.last_year, 12, 31),
        ),
    }
    for period in args.period:
        first, last = (date.fromisoformat(day) for day in period.split(":"))
        periods[period] = (first, last)
    print("load average at start:", os.getloadavg())
    for url in args.db:
        with Session(make_engine(url)) as session:
            # The map's drawing is projected once per process: not a cold cost.
            map_service.dong_map(
                session, user=ANALYST, start=date(2022, 1, 1), end=date(2022, 12, 31)
            )
            for name, (start, end) in periods.items():
                wall, cpu = _cold(session, start, end, args.runs)
                print(
                    f"{url.split(':')[0]:<20} dashboard {name:<21} cold: {wall:.3f} s wall, {cpu:.3f} s CPU"
                )
    print("load average at end:", os.getloadavg())


if __name__ == "__main__":
    main()
