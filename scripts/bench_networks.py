"""Benchmark the network analyses on ``demo --scale seoul`` databases, SQLite and PostgreSQL side
by side, for docs/benchmarks.md (issue 11):

    PYTHONPATH=src .venv/bin/python scripts/bench_networks.py \
        --db sqlite:////tmp/seoul.sqlite --db postgresql+psycopg://postgres@localhost/maeul_seoul

Per database: network growth 2013–2024 city-wide (its fetch, its pass and the whole background
job), the person network of 2013–2024 against a bare ``add_weighted_edges_from`` on the same
edge list, ego networks at radius 1 and 2 (median and slowest over sampled people of the last
year, by id for an admin and by pseudonym for an analyst), and the network summary of one
district for one year (PageRank, cores, sampled betweenness, Louvain). The last table puts the
databases side by side, wall and CPU seconds each, with the load average at start and end.
Each database needs ``maeul-db db upgrade`` and ``maeul-db jobs pseudonyms`` first; the script
adds a benchmark admin and analyst account to it (commits them).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import networkx as nx
from sqlalchemy import text
from sqlmodel import Session, select

from maeul_db.analytics import ego_queries, ego_service, graphs, growth, queries
from maeul_db.analytics.pseudonym import pseudonym
from maeul_db.config import get_settings
from maeul_db.db import make_engine, reader_of
from maeul_db.jobs import runners
from maeul_db.kit import deadline
from maeul_db.models import JobKind, Role, UserAccount

Row = dict[str, tuple[float, float | None]]  # measure → (wall seconds or a count, CPU seconds)


class Clock:
    """Wall and CPU seconds of a step. CPU is this process's plus, on PostgreSQL, the server
    backend's serving this session (read from /proc: the server runs on this machine), so both
    databases' CPU figures include the database's work; on a loaded machine the wall time
    measures the neighbours, the CPU time does not."""

    def __init__(self, session: Session) -> None:
        self.backend_pid: int | None = None
        if session.get_bind().dialect.name == "postgresql":
            self.backend_pid = int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())

    def _server(self) -> float:
        if self.backend_pid is None:
            return 0.0
        try:
            with open(f"/proc/{self.backend_pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def cpu(self) -> float:
        return time.process_time() + self._server()

    def timed(self, fn: Callable[[], Any], label: str = "") -> tuple[float, float, Any]:
        start, cpu = time.perf_counter(), self.cpu()
        value = fn()
        spent, used = time.perf_counter() - start, self.cpu() - cpu
        if label:
            print(f"   .. {label}: {spent:.3f} s wall, {used:.3f} s CPU", flush=True)
        return spent, used, value


def _account(session: Session, role: Role) -> UserAccount:
    name = f"bench-{role.value}"
    user = session.exec(select(UserAccount).where(UserAccount.username == name)).first()
    if user is None:
        user = UserAccount(username=name, password_hash="!", role=role, display_name=name)
        session.add(user)
        session.commit()
    return user


def _growth(session: Session, clock: Clock, admin: UserAccount, first: int, last: int) -> Row:
    start, end = date(first, 1, 1), date(last, 12, 31)
    fetch, fetch_cpu, teams = clock.timed(
        lambda: ego_queries.team_arrays(session, start=start, end=end, district_code=None),
        "growth fetch",
    )
    years = range(first, last + 1)
    one, one_cpu, _ = clock.timed(lambda: growth.growth_of(teams, years), "growth one pass")
    job, job_cpu, _ = clock.timed(
        lambda: runners.compute(
            session,
            user=admin,
            kind=JobKind.network_growth,
            start=start,
            end=end,
            district_code=None,
            progress=lambda _p: None,
        ),
        "growth job",
    )
    return {
        f"growth fetch {first}-{last} (team_arrays)": (fetch, fetch_cpu),
        "growth one pass (growth_of)": (one, one_cpu),
        f"growth job {first}-{last}, city (target <= 10 s)": (job, job_cpu),
    }


def _build(session: Session, clock: Clock, first: int, last: int) -> Row:
    parts = queries.participations(
        session, start=date(first, 1, 1), end=date(last, 12, 31), consented=True
    )
    edges = [(u, v, w) for (u, v), w in graphs.collaboration_edges(parts).items()]
    nodes = {row.person_id for row in parts}

    def bare() -> nx.Graph:
        graph = nx.Graph()
        graph.add_nodes_from(nodes)
        graph.add_weighted_edges_from(edges)
        return graph

    ours, ours_cpu, graph = clock.timed(lambda: graphs.person_network(parts), "build")
    base, base_cpu, _ = clock.timed(bare, "bare")
    return {
        f"person network {first}-{last}: graphs.person_network": (ours, ours_cpu),
        "bare add_nodes_from + add_weighted_edges_from": (base, base_cpu),
        "ratio build / bare (target <= 2x)": (ours / base, ours_cpu / base_cpu),
        "nodes": (graph.number_of_nodes(), None),
        "edges": (graph.number_of_edges(), None),
    }


def _sample_people(session: Session, year: int, count: int) -> list[int]:
    parts = queries.participations(session, start=date(year, 1, 1), end=date(year, 12, 31))
    people = sorted({row.person_id for row in parts})
    return random.Random(1).sample(people, min(count, len(people)))


def _ego(
    session: Session, clock: Clock, admin: UserAccount, analyst: UserAccount, people: list[int]
) -> Row:
    key = get_settings().analytics_key
    out: Row = {}
    for radius in (1, 2):
        for user, ref in ((admin, str), (analyst, lambda p: pseudonym(key, "person", p))):
            times, sizes, cpus = [], [], []
            for person in people:
                spent, used, ego = clock.timed(
                    lambda person=person, user=user, ref=ref, radius=radius: (
                        ego_service.ego_network(
                            session, user=user, person=ref(person), radius=radius
                        )
                    )
                )
                times.append(spent)
                cpus.append(used)
                sizes.append(len(ego.nodes))
            who = str(user.role)
            worst = max(range(len(times)), key=lambda i: cpus[i])
            out[f"ego r{radius} {who}, median (target <= 0.5 s)"] = (
                statistics.median(times),
                statistics.median(cpus),
            )
            out[f"ego r{radius} {who}, slowest ({sizes[worst]} people)"] = (
                times[worst],
                cpus[worst],
            )
            out[f"ego r{radius} people, median"] = (statistics.median(sizes), None)
    return out


def _summary(
    session: Session, clock: Clock, admin: UserAccount, year: int, district: str | None
) -> tuple[float, float]:
    spent, used, _ = clock.timed(
        lambda: runners.compute(
            session,
            user=admin,
            kind=JobKind.network_summary,
            start=date(year, 1, 1),
            end=date(year, 12, 31),
            district_code=district,
            progress=lambda _p: None,
        ),
        f"summary {district or 'city'} {year}",
    )
    return spent, used


def bench(url: str, args: argparse.Namespace) -> Row:
    engine = make_engine(url)
    with Session(engine, expire_on_commit=False) as session:
        admin, analyst = _account(session, Role.city_admin), _account(session, Role.analyst)
    row: Row = {"load average (1 min) at start": (os.getloadavg()[0], None)}
    session = Session(reader_of(engine), expire_on_commit=False)
    with session, deadline.bounded(session, seconds=3600):
        clock = Clock(session)
        if "growth" in args.parts:
            row |= _growth(session, clock, admin, args.first, args.last)
        if "build" in args.parts:
            row |= _build(session, clock, args.first, args.last)
        if "ego" in args.parts:
            people = _sample_people(session, args.last, args.ego_samples)
            row |= _ego(session, clock, admin, analyst, people)
        if "summary" in args.parts:
            row[f"network summary {args.district} {args.last} (job)"] = _summary(
                session, clock, admin, args.last, args.district
            )
        if args.city_summary:
            row[f"network summary city {args.last} (job)"] = _summary(
                session, clock, admin, args.last, None
            )
    row["load average (1 min) at end"] = (os.getloadavg()[0], None)
    engine.dispose()
    return row


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:,.3f}".rstrip("0").rstrip(".")


def table(results: dict[str, Row]) -> None:
    """One markdown table, the databases side by side, wall and CPU for each."""
    names = list(dict.fromkeys(name for row in results.values() for name in row))
    kinds = [url.split("+")[0].split(":")[0] for url in results]
    print("\n| measure | " + " | ".join(f"{k} wall | {k} CPU" for k in kinds) + " |")
    print("|---|" + "---:|---:|" * len(results))
    for name in names:
        cells = []
        for row in results.values():
            wall, cpu = row.get(name, (None, None))
            cells += [_cell(wall), _cell(cpu)]
        print(f"| {name} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", action="append", required=True, help="database URL (repeat)")
    parser.add_argument("--first", type=int, default=2013)
    parser.add_argument("--last", type=int, default=2024)
    parser.add_argument("--district", default="11680")
    parser.add_argument("--ego-samples", type=int, default=9)
    parser.add_argument("--city-summary", action="store_true")
    parser.add_argument(
        "--parts", default="growth,build,ego,summary", help="comma-separated steps to run"
    )
    args = parser.parse_args()
    results: dict[str, Row] = {}
    for url in args.db:
        print(f"== {url.split('://')[0]} ...", flush=True)
        results[url] = bench(url, args)
    print(f"\n{len(os.sched_getaffinity(0))} cores; figures in seconds (counts where no CPU)")
    table(results)


if __name__ == "__main__":
    main()
