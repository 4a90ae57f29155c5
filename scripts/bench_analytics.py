"""Benchmark analytics on a demo database (``maeul-db demo --scale seoul``), for docs/benchmarks.md.

    MAEUL_DATABASE_URL=sqlite:////tmp/seoul.db .venv/bin/python scripts/bench_analytics.py --year 2022

Times a year's indicators, building the city-wide person–person network against
``nx.Graph.add_weighted_edges_from`` on the same pre-made edge list, and PageRank, components,
Louvain and sampled betweenness; reports peak memory.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from typing import Any

import networkx as nx
from sqlmodel import Session

from maeul_db.analytics import graphs, queries, service
from maeul_db.db import get_engine
from maeul_db.models import Role, UserAccount


def timed(label: str, fn: Callable[[], Any], results: dict[str, float]) -> Any:
    start = time.perf_counter()
    value = fn()
    results[label] = time.perf_counter() - start
    print(f"{label:<48} {results[label]:8.2f} s", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int, default=2022)
    parser.add_argument("--from-year", type=int, default=2012)
    parser.add_argument("--betweenness-k", type=int, default=200)
    args = parser.parse_args()
    results: dict[str, float] = {}
    start, end = date(args.year, 1, 1), date(args.year, 12, 31)
    with Session(get_engine()) as session:
        for role in (Role.city_admin, Role.analyst):
            user = UserAccount(username="bench", password_hash="", role=role)
            timed(
                f"indicators {args.year} ({role.value})",
                lambda user=user: service.kpi(session, user=user, start=start, end=end),
                results,
            )
        parts = timed(
            "fetch participations (all years)",
            lambda: queries.participations(session, start=date(args.from_year, 1, 1), end=end),
            results,
        )
    edges = [(u, v, w) for (u, v), w in graphs.collaboration_edges(parts).items()]
    nodes = {row.person_id for row in parts}

    def baseline() -> nx.Graph:
        graph = nx.Graph()
        graph.add_nodes_from(nodes)
        graph.add_weighted_edges_from(edges)
        return graph

    base = timed("baseline add_weighted_edges_from (pre-made)", baseline, results)
    graph = timed(
        "person_network (rows → weights → graph)", lambda: graphs.person_network(parts), results
    )
    assert graph.number_of_edges() == base.number_of_edges()
    print(
        f"rows {len(parts):,}; nodes {graph.number_of_nodes():,}; "
        f"edges {graph.number_of_edges():,}; ratio "
        f"{results['person_network (rows → weights → graph)'] / results['baseline add_weighted_edges_from (pre-made)']:.2f}x"
    )
    timed("components + giant share", lambda: graphs.giant_share(graph), results)
    timed("PageRank (scipy)", lambda: nx.pagerank(graph, weight="weight"), results)
    timed("core numbers", lambda: nx.core_number(graph), results)
    timed("Louvain (seed 42)", lambda: graphs.communities(graph, seed=42), results)
    timed(
        f"betweenness, k={args.betweenness_k} sampled (seed 42)",
        lambda: nx.betweenness_centrality(graph, k=args.betweenness_k, seed=42),
        results,
    )
    tracemalloc.start()
    graphs.person_network(parts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak Python memory while building the network: {peak / 2**20:,.0f} MiB")
    print(
        f"peak RSS of the whole run: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB"
    )


if __name__ == "__main__":
    main()
