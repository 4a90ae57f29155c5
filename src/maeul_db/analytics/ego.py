"""One person's place in the person–person network, as pure functions (networkx stays in analytics/):
the ego network, the shortest chain to another person, the ties before their first lead role and
a seeded spring layout for drawing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import networkx as nx

from maeul_db.analytics.graphs import person_network
from maeul_db.analytics.queries import PartRow
from maeul_db.kit.deadline import check
from maeul_db.models import ParticipationRole


def ego_network(graph: nx.Graph, center: Any, *, radius: int) -> nx.Graph:
    """Everyone within ``radius`` ties of ``center`` and the ties among them."""
    return nx.ego_graph(graph, center, radius=radius)


def distances(graph: nx.Graph, center: Any, *, radius: int) -> dict[Any, int]:
    return dict(nx.single_source_shortest_path_length(graph, center, cutoff=radius))


def shortest_chain(graph: nx.Graph, source: Any, target: Any) -> list[Any] | None:
    """The fewest-hops chain of people from ``source`` to ``target`` (None when unconnected).

    Hops, not weights: a chain of acquaintances is as long as the number of introductions."""
    try:
        return list(nx.shortest_path(graph, source, target))
    except nx.NetworkXNoPath:
        return None


def first_lead(parts: Iterable[PartRow], person: int) -> date | None:
    days = [
        row.valid_from
        for row in parts
        if row.person_id == person and row.role == ParticipationRole.lead_proposer
    ]
    return min(days, default=None)


def ties_before(parts: list[PartRow], person: int, until: date | None) -> dict[int, float]:
    """The people ``person`` shared a project with, counting only participations that started
    before ``until`` (their first lead role), with Newman weights; all ties when ``until`` is None."""
    earlier = parts if until is None else [row for row in parts if row.valid_from < until]
    graph = person_network(earlier)
    if person not in graph:
        return {}
    return {other: float(data["weight"]) for other, data in graph[person].items()}


def spring_layout(graph: nx.Graph, *, seed: int) -> dict[Any, tuple[float, float]]:
    """Seeded spring layout scaled into the unit square (same graph, same picture)."""
    if graph.number_of_nodes() == 0:
        return {}
    if graph.number_of_nodes() == 1:
        return {node: (0.5, 0.5) for node in graph}
    check()
    raw = nx.spring_layout(graph, seed=seed, weight="weight")
    xs = [float(p[0]) for p in raw.values()]
    ys = [float(p[1]) for p in raw.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return {
        node: ((float(p[0]) - min(xs)) / span_x, (float(p[1]) - min(ys)) / span_y)
        for node, p in raw.items()
    }
