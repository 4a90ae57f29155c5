"""Benchmark the heavy network metrics with and without a networkx backend (issue 11 item 4), for
docs/benchmarks.md and docs/decisions.md. The backends are not project dependencies: run this from
a separate virtualenv holding the project and the backend, e.g.

    python -m venv /tmp/venv-nx && /tmp/venv-nx/bin/pip install -e . graphblas-algorithms
    /tmp/venv-nx/bin/python scripts/bench_nx_backends.py --db sqlite:////tmp/seoul.sqlite \
        --backend graphblas --year 2024

The graph is the person network the network-summary job builds (``network_service.build``'s
query and ``graphs.person_network``), city-wide for the years given. Each metric runs plain
networkx, then through the backend (conversion included, as the job would pay it), with wall and
CPU seconds of this process; a backend's joblib workers run in child processes, so their CPU is
added from ``resource.getrusage(RUSAGE_CHILDREN)``. An algorithm the backend does not implement
is reported as such. The results are compared, so a fast wrong answer does not count as a win.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import networkx as nx
from sqlmodel import Session

from maeul_db.analytics import graphs, queries
from maeul_db.db import make_engine

SEED, K = 42, 200


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    start, cpu = time.perf_counter(), _cpu()
    value = fn()
    return time.perf_counter() - start, _cpu() - cpu, value


def load(url: str, first: int, last: int) -> nx.Graph:
    engine = make_engine(url)
    with Session(engine) as session:
        parts = queries.participations(
            session, start=date(first, 1, 1), end=date(last, 12, 31), consented=True
        )
    engine.dispose()
    return graphs.person_network(parts)


def metrics(k: int) -> dict[str, Callable[..., Any]]:
    """The summary job's heavy metrics, called as ``graphs.node_metrics`` calls them."""
    return {
        "pagerank": lambda g, **kw: nx.pagerank(g, weight="weight", **kw),
        "core_number": lambda g, **kw: nx.core_number(g, **kw),
        f"betweenness k={k}": lambda g, **kw: nx.betweenness_centrality(
            g, k=k, seed=SEED, weight=None, **kw
        ),
        "louvain": lambda g, **kw: nx.community.louvain_communities(
            g, weight="weight", seed=SEED, **kw
        ),
    }


def _same(a: Any, b: Any) -> str:
    """How far the backend's answer is from networkx's (max abs difference, or equal sets)."""
    if isinstance(a, dict):
        b = dict(b)
        return f"max diff {max(abs(a[n] - b[n]) for n in a):.2e}"
    if isinstance(a, list):
        return "same partition" if sorted(map(sorted, a)) == sorted(map(sorted, b)) else "differs"
    return "?"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--first", type=int, default=2024)
    parser.add_argument("--last", type=int, default=2024)
    parser.add_argument("--backend", action="append", required=True, help="parallel, graphblas")
    parser.add_argument("--k", type=int, default=K)
    parser.add_argument("--skip", default="", help="comma-separated metrics to leave out")
    args = parser.parse_args()
    if "parallel" in args.backend:
        nx.config.backends.parallel.n_jobs = os.cpu_count() or 2
    random.seed(SEED)
    spent, _, graph = timed(lambda: load(args.db, args.first, args.last))
    print(
        f"networkx {nx.__version__}, {graph.number_of_nodes():,} nodes, "
        f"{graph.number_of_edges():,} edges ({spent:.1f} s to load), load {os.getloadavg()}"
    )
    print("| metric | backend | wall (s) | CPU (s) | vs networkx |")
    print("|---|---|---:|---:|---|")
    for name, fn in metrics(args.k).items():
        if any(name.startswith(s) for s in args.skip.split(",") if s):
            continue
        wall, cpu, plain = timed(lambda fn=fn: fn(graph))
        print(f"| {name} | networkx | {wall:.2f} | {cpu:.2f} | |", flush=True)
        for backend in args.backend:
            try:
                wall, cpu, other = timed(lambda fn=fn, b=backend: fn(graph, backend=b))
            except NotImplementedError:
                print(f"| {name} | {backend} | – | – | not implemented |", flush=True)
                continue
            print(f"| {name} | {backend} | {wall:.2f} | {cpu:.2f} | {_same(plain, other)} |")
    wall, cpu, _ = timed(lambda: graphs.sampled_betweenness(graph, k=args.k, seed=SEED))
    print(
        f"| betweenness k={args.k}, per source (the job's) | networkx | {wall:.2f} | {cpu:.2f} | |"
    )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
