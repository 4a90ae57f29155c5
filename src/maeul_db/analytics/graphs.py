"""Relationship networks as pure functions over query rows (networkx is imported only in analytics/).

Nodes are plain ints for people; the bipartite graph uses ("person", id), ("project", id) and
("group", id) tuples. Pseudonyms are applied at export (``exports.py``). The loops call ``kit.deadline.check()``, so a
use case under a time budget stops building a graph at its deadline (a no-op outside one).
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from typing import Any, Protocol

import networkx as nx

# Growth per year lives in growth.py (arrays); re-exported for the callers of graphs.
from maeul_db.analytics.growth import TeamMember as TeamMember
from maeul_db.analytics.growth import yearly_growth as yearly_growth
from maeul_db.analytics.queries import MemberRow, PartRow
from maeul_db.errors import MaeulError
from maeul_db.kit.deadline import check

Edge = tuple[int, int]


class Teammate(Protocol):
    """Who was in which project: all a person network needs (``PartRow`` is one)."""

    @property
    def person_id(self) -> int: ...
    @property
    def project_id(self) -> int: ...


class BackendUnavailable(MaeulError):
    """``MAEUL_NETWORKX_BACKEND`` names a networkx backend that is not installed."""

    status_code = 500
    code = "networkx_backend_unavailable"


def run(algorithm: Callable[..., Any], *args: Any, backend: str | None, **kwargs: Any) -> Any:
    """Call a networkx algorithm, dispatched to ``backend`` when one is configured.

    An algorithm the backend does not implement runs in plain networkx (nx-parallel, for one,
    covers betweenness but not PageRank or Louvain); a backend that is not installed is an error.
    """
    if backend is None:
        return algorithm(*args, **kwargs)
    try:
        return algorithm(*args, backend=backend, **kwargs)
    except ImportError as exc:
        raise BackendUnavailable(
            "analytics.backend_unavailable", backend=repr(backend), detail=exc
        ) from exc
    except NotImplementedError:
        return algorithm(*args, **kwargs)


def bipartite(parts: Iterable[PartRow], members: Iterable[MemberRow] = ()) -> nx.Graph:
    """People on one side, projects and groups on the other (``bipartite`` 0 and 1)."""
    graph = nx.Graph()
    for row in parts:
        check()
        graph.add_node(("person", row.person_id), bipartite=0, kind="person")
        graph.add_node(
            ("project", row.project_id),
            bipartite=1,
            kind="project",
            stage=row.stage,
            year=row.year,
            district=row.district_code,
        )
        graph.add_edge(("person", row.person_id), ("project", row.project_id))
    for member in members:
        check()
        graph.add_node(("person", member.person_id), bipartite=0, kind="person")
        graph.add_node(
            ("group", member.group_id), bipartite=1, kind="group", district=member.district_code
        )
        graph.add_edge(("person", member.person_id), ("group", member.group_id))
    return graph


def _teams(parts: Iterable[Teammate]) -> dict[int, set[int]]:
    teams: dict[int, set[int]] = defaultdict(set)
    for row in parts:
        teams[row.project_id].add(row.person_id)
    return teams


def collaboration_edges(
    parts: Iterable[Teammate], among: set[int] | None = None
) -> dict[Edge, float]:
    """Newman's collaboration weights: a project with k people adds 1/(k−1) to each pair in it, so
    each person spreads one unit of tie strength per project and a huge project does not swamp.
    With ``among``, only the ties between those people (k still counts the whole team)."""
    weights: dict[Edge, float] = defaultdict(float)
    for team in _teams(parts).values():
        k = len(team)
        if k < 2:
            continue
        share = 1.0 / (k - 1)
        ordered = sorted(team if among is None else team & among)
        for i, u in enumerate(ordered):
            check()  # a project of thousands adds millions of pairs
            for v in ordered[i + 1 :]:
                weights[(u, v)] += share
    return weights


def person_network(parts: Sequence[Teammate], among: set[int] | None = None) -> nx.Graph:
    """The person–person projection (everyone who took part is a node, isolates included); with
    ``among``, the subgraph those people induce, without building the rest."""
    graph = nx.Graph()
    people = {row.person_id for row in parts}
    graph.add_nodes_from(people if among is None else people & among)
    edges = collaboration_edges(parts, among)
    graph.add_weighted_edges_from((u, v, w) for (u, v), w in edges.items())
    return graph


def group_network(members: Iterable[MemberRow]) -> nx.Graph:
    """Groups joined by shared members; the weight is the number of people they share."""
    groups_of: dict[int, set[int]] = defaultdict(set)
    for row in members:
        groups_of[row.person_id].add(row.group_id)
    weights: dict[Edge, int] = defaultdict(int)
    nodes: set[int] = set()
    for groups in groups_of.values():
        check()
        nodes |= groups
        for u, v in combinations(sorted(groups), 2):
            weights[(u, v)] += 1
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_weighted_edges_from((u, v, w) for (u, v), w in weights.items())
    return graph


def density(graph: nx.Graph) -> float:
    return float(nx.density(graph))


def component_count(graph: nx.Graph, *, backend: str | None = None) -> int:
    return int(run(nx.number_connected_components, graph, backend=backend))


def giant_share(graph: nx.Graph, *, backend: str | None = None) -> float:
    if graph.number_of_nodes() == 0:
        return 0.0
    components = run(nx.connected_components, graph, backend=backend)
    return float(max(len(c) for c in components) / graph.number_of_nodes())


def communities(graph: nx.Graph, *, seed: int, backend: str | None = None) -> list[set[Any]]:
    """Louvain communities on the weights, seeded so the same data gives the same partition."""
    if graph.number_of_edges() == 0:
        return [{node} for node in graph]
    if backend is not None:
        return list(
            run(
                nx.community.louvain_communities, graph, weight="weight", seed=seed, backend=backend
            )
        )
    # louvain_communities is the last of these levels; walking them checks the budget between.
    partition: list[set[Any]] = []
    for level in nx.community.louvain_partitions(graph, weight="weight", seed=seed):
        check()
        partition = list(level)
    return partition


def node_metrics(
    graph: nx.Graph, *, seed: int, betweenness_k: int, backend: str | None = None
) -> dict[Any, dict[str, Any]]:
    """Degree, weighted degree, core number, PageRank, sampled betweenness, community and
    participation diversity (how many communities a node's ties reach) per node."""
    parts = communities(graph, seed=seed, backend=backend)
    community_of = {node: index for index, part in enumerate(parts) for node in part}
    k = min(betweenness_k, graph.number_of_nodes())
    check()
    between = (
        sampled_betweenness(graph, k=k or None, seed=seed)
        if backend is None
        else run(
            nx.betweenness_centrality, graph, k=k or None, seed=seed, weight=None, backend=backend
        )
    )
    check()
    rank = (
        run(nx.pagerank, graph, weight="weight", backend=backend) if graph.number_of_nodes() else {}
    )
    check()
    core = run(nx.core_number, graph, backend=backend)
    metrics: dict[Any, dict[str, Any]] = {}
    for node in graph:
        check()
        reached = {community_of[n] for n in graph[node]} | {community_of[node]}
        metrics[node] = {
            "degree": graph.degree(node),
            "weighted_degree": round(graph.degree(node, weight="weight"), 6),
            "core": core[node],
            "pagerank": rank.get(node, 0.0),
            "betweenness": between.get(node, 0.0),
            "community": community_of[node],
            "diversity": len(reached),
        }
    return metrics


def sampled_betweenness(graph: nx.Graph, *, k: int | None, seed: int) -> dict[Any, float]:
    """``nx.betweenness_centrality(graph, k=k, seed=seed, weight=None)`` (normalised, endpoints
    left out, the same sampled sources), summed one source at a time with
    ``betweenness_centrality_subset`` so a time budget can stop it between sources (one
    breadth-first search each): a single call over 200 sources of a city-wide network would run
    to its end, minutes, whatever the budget. tests/analytics/test_time_limits.py checks it
    against networkx's own."""
    n = graph.number_of_nodes()
    everyone = k is None or k >= n  # networkx takes k == n as "every node"
    sources = list(graph) if k is None or everyone else random.Random(seed).sample(list(graph), k)
    total = dict.fromkeys(graph, 0.0)
    targets = list(graph)
    for source in sources:
        check()
        part = nx.betweenness_centrality_subset(graph, [source], targets, normalized=False)
        for node, value in part.items():
            total[node] += 2 * value  # the subset sum halves undirected pairs; undo it
    return _rescale_sampled(total, n, None if everyone else sources)


def _rescale_sampled(sums: dict[Any, float], n: int, sources: list[Any] | None) -> dict[Any, float]:
    """networkx's normalisation of sampled betweenness without endpoints: by the (s, t) pairs a
    node could lie between; a sampled source cannot be between its own pairs."""
    pairs_to = n - 2  # targets per source, the node itself and the source left out
    if n - 1 < 2:
        return sums
    if sources is None:
        return {v: x / ((n - 1) * pairs_to) for v, x in sums.items()}
    k, sampled = len(sources), set(sources)
    own = 1 / ((k - 1) * pairs_to) if k > 1 else math.nan
    other = 1 / (k * pairs_to)
    return {v: x * (own if v in sampled else other) for v, x in sums.items()}


def brokers(graph: nx.Graph) -> dict[Any, int]:
    """For each person in a person–project/group graph: how many pairs of their projects or groups
    they alone connect (no other person belongs to both). A broker joins otherwise separate groups."""
    scores: dict[Any, int] = {}
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "person":
            continue
        check()
        teams = sorted(graph[node], key=repr)
        scores[node] = sum(
            1
            for i, a in enumerate(teams)
            for b in teams[i + 1 :]
            if not (set(graph[a]) & set(graph[b])) - {node}
        )
    return scores


def drop_below_degree(graph: nx.Graph, min_degree: int) -> nx.Graph:
    """A copy without nodes of degree below ``min_degree`` (the analysts' export floor)."""
    if min_degree <= 0:
        return graph
    keep = [node for node, degree in graph.degree if degree >= min_degree]
    return graph.subgraph(keep).copy()
