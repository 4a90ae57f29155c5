"""Benchmark the network analyses on ``demo --scale seoul`` databases, SQLite and PostgreSQL side
by side, for docs/benchmarks.md (issue 11):

    PYTHONPATH=src .venv/bin/python scripts/bench_networks.py \
        --db sqlite:////tmp/seoul.sqlite --db postgresql+psycopg://postgres@localhost/maeul_seoul

Per database: network growth 2013–2024 city-wide (what the background job runs), the person
network build against a bare ``add_weighted_edges_from`` on the same edge list, ego networks at
radius 1 and 2 (median over sampled people, by id for an admin and by pseudonym for an analyst),
and the network summary of one district for one year (PageRank, cores, sampled betweenness,
Louvain). Each database needs ``maeul-db db upgrade`` and ``maeul-db jobs pseudonyms`` first; the
script adds a benchmark admin and analyst account to it (commits them).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import networkx as nx
from sqlmodel import Session, select

from maeul_db.analytics import ego_service, graphs, queries
from maeul_db.analytics.pseudonym import pseudonym
from maeul_db.config import get_settings
from maeul_db.db import make_engine, reader_of
from maeul_db.jobs import runners
from maeul_db.kit import deadline
from maeul_db.models import JobKind, Role, UserAccount

Row = dict[str, float]


CPU: dict[str, float] = {}  # label → CPU seconds of this process (the figure on a shared machine)


def timed(fn: Callable[[], Any], label: str = "") -> tuple[float, Any]:
    """Wall seconds of ``fn`` (and, under ``label``, its CPU seconds: on a loaded machine the
    wall time measures the neighbours; SQLite runs in-process, so CPU includes the database)."""
    start, cpu = time.perf_counter(), time.process_time()
    value = fn()
    spent, used = time.perf_counter() - start, time.process_time() - cpu
    if label:
        CPU[label] = used
        print(f"   .. {label}: {spent:.3f} s wall, {used:.3f} s CPU", flush=True)
    return spent, value


def _account(session: Session, role: Role) -> UserAccount:
    name = f"bench-{role.value}"
    user = session.exec(select(UserAccount).where(UserAccount.username == name)).first()
    if user is None:
        user = UserAccount(username=name, password_hash="!", role=role, display_name=name)
        session.add(user)
        session.commit()
    return user


def _growth(session: Session, admin: UserAccount, first: int, last: int) -> Row:
    start, end = date(first, 1, 1), date(last, 12, 31)
    fetch, parts = timed(
        lambda: queries.participations(session, start=start, end=end, consented=True), "fetch"
    )
    years = range(first, last + 1)
    one_pass, _ = timed(lambda: graphs.yearly_growth(parts, years), "one pass")
    job, _ = timed(
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
    return {"growth fetch": fetch, "growth one pass": one_pass, "growth job (all)": job}


def _build(session: Session, year: int) -> Row:
    parts = queries.participations(
        session, start=date(year - 11, 1, 1), end=date(year, 12, 31), consented=True
    )
    edges = [(u, v, w) for (u, v), w in graphs.collaboration_edges(parts).items()]
    nodes = {row.person_id for row in parts}

    def bare() -> nx.Graph:
        graph = nx.Graph()
        graph.add_nodes_from(nodes)
        graph.add_weighted_edges_from(edges)
        return graph

    ours, graph = timed(lambda: graphs.person_network(parts), "build")
    base, _ = timed(bare, "bare")
    return {
        "build person network 12 y": ours,
        "bare add_weighted_edges_from": base,
        "build ratio": ours / base,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
    }


def _sample_people(session: Session, year: int, count: int) -> list[int]:
    parts = queries.participations(session, start=date(year, 1, 1), end=date(year, 12, 31))
    people = sorted({row.person_id for row in parts})
    return random.Random(1).sample(people, min(count, len(people)))


def _ego(session: Session, admin: UserAccount, analyst: UserAccount, people: list[int]) -> Row:
    key = get_settings().analytics_key
    out: Row = {}
    for radius in (1, 2):
        for user, ref in ((admin, str), (analyst, lambda p: pseudonym(key, "person", p))):
            times, sizes, cpus = [], [], []
            for person in people:
                cpu = time.process_time()
                spent, ego = timed(
                    lambda person=person, user=user, ref=ref, radius=radius: (
                        ego_service.ego_network(
                            session, user=user, person=ref(person), radius=radius
                        )
                    )
                )
                cpus.append(time.process_time() - cpu)
                times.append(spent)
                sizes.append(len(ego.nodes))
            who = str(user.role)
            out[f"ego r{radius} {who} median"] = statistics.median(times)
            out[f"ego r{radius} {who} max"] = max(times)
            out[f"ego r{radius} {who} median CPU"] = statistics.median(cpus)
            out[f"ego r{radius} median size"] = statistics.median(sizes)
    return out


def _summary(session: Session, admin: UserAccount, year: int, district: str | None) -> float:
    spent, _ = timed(
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
    return spent


def bench(url: str, args: argparse.Namespace) -> Row:
    engine = make_engine(url)
    with Session(engine, expire_on_commit=False) as session:
        admin, analyst = _account(session, Role.city_admin), _account(session, Role.analyst)
    row: Row = {}
    session = Session(reader_of(engine), expire_on_commit=False)
    with session, deadline.bounded(session, seconds=3600):
        if "growth" in args.parts:
            row |= _growth(session, admin, args.first, args.last)
        if "build" in args.parts:
            row |= _build(session, args.last)
        if "ego" in args.parts:
            people = _sample_people(session, args.last, args.ego_samples)
            row |= _ego(session, admin, analyst, people)
        if "summary" in args.parts:
            row["summary 1 district 1 year"] = _summary(session, admin, args.last, args.district)
        if args.city_summary:
            row["summary city 1 year"] = _summary(session, admin, args.last, None)
    engine.dispose()
    return row


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
    results = {}
    for url in args.db:
        print(f"== {url.split('://')[0]} ...", flush=True)
        results[url] = bench(url, args)
        for name, value in results[url].items():
            print(f"   {name:<34} {value:10.3f}", flush=True)
    names = list(next(iter(results.values())))
    print("\n| measure | " + " | ".join(u.split("+")[0].split(":")[0] for u in results) + " |")
    print("|---|" + "---|" * len(results))
    for name in names:
        cells = " | ".join(f"{results[u].get(name, float('nan')):.3f}" for u in results)
        print(f"| {name} | {cells} |")


if __name__ == "__main__":
    main()
