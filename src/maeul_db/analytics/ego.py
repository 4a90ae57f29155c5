"""One person's place in the person–person network, as pure functions (networkx stays in analytics/):
the ego network, the shortest chain to another person, the ties before their first lead role and
a seeded spring layout for drawing."""

from __future__ import annotations

import math
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


def ring_layout(
    graph: nx.Graph, hops: dict[Any, int], *, seed: int
) -> dict[Any, tuple[float, float]]:
    """Concentric rings for an ego network (the centre in the middle, each hop on its own ring)
    scaled into the unit square: unlike a spring layout nothing piles up in the middle, and each
    ring's labels can point outwards. Ring 1 runs in id order; each outer node sits at the mean
    angle of its inner neighbours (barycentre), so ties cross as little as a circle allows."""
    del seed  # deterministic by construction; kept so callers can switch layouts freely
    depth = max(hops.values(), default=0)
    if depth == 0:
        return {node: (0.5, 0.5) for node in graph}
    place: dict[Any, tuple[float, float]] = {}
    angle: dict[Any, float] = {}
    for ring in range(depth + 1):
        members = [n for n in graph if hops.get(n) == ring]
        if ring == 0:
            place.update({n: (0.5, 0.5) for n in members})
            continue
        members.sort(key=lambda n: (_inner_angle(graph, n, hops, angle, ring), str(n)))
        radius = 0.5 * ring / depth
        for index, node in enumerate(members):
            theta = 2 * math.pi * index / len(members) - math.pi / 2
            angle[node] = theta
            place[node] = (0.5 + radius * math.cos(theta), 0.5 + radius * math.sin(theta))
    return place


def _inner_angle(
    graph: nx.Graph, node: Any, hops: dict[Any, int], angle: dict[Any, float], ring: int
) -> float:
    inner = [angle[m] for m in graph[node] if hops.get(m) == ring - 1 and m in angle]
    if not inner:
        return 0.0
    # the circular mean, so neighbours at 350° and 10° average to 0°, not 180°
    x = sum(math.cos(a) for a in inner)
    y = sum(math.sin(a) for a in inner)
    return math.atan2(y, x) % (2 * math.pi)
