"""Network use cases: build the scoped graphs, summarise them, export them pseudonymised.

Pseudonymised person-level data is still personal data (PIPA 가명정보): an export or a summary
that lists people, even under pseudonyms, records the people in it in the access log. Counts per
year are suppressed for analysts here, so every door shows the same figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from maeul_db.access_log import service as access_log
from maeul_db.analytics import access, ego_queries, exports, graphs, queries
from maeul_db.analytics.exports import ExportFormat
from maeul_db.analytics.growth import growth_of
from maeul_db.analytics.schemas import GraphSummary, YearGrowth
from maeul_db.analytics.service import analysis_period
from maeul_db.analytics.suppression import publish, publish_share
from maeul_db.config import get_settings
from maeul_db.errors import InvalidInput
from maeul_db.models import Stage, UserAccount
from maeul_db.privacy import register

GRAPH_KINDS = ("person", "group", "bipartite")
SEED = 42
BETWEENNESS_SAMPLE = 200


@access.time_limited
def build(
    session: Session,
    *,
    user: UserAccount,
    start: date,
    end: date,
    kind: str = "person",
    district_code: str | None = None,
    stage: Stage | None = None,
) -> Any:
    """The person–person, group–group or person–project/group graph for a period and scope."""
    start, end = analysis_period(user, start, end)
    if kind not in GRAPH_KINDS:
        raise InvalidInput("analytics.unknown_graph", field="kind", kinds=", ".join(GRAPH_KINDS))
    scope = access.scope_district(user, district_code)
    parts = queries.participations(
        session, start=start, end=end, district_code=scope, consented=True
    )
    if stage is not None:
        parts = [row for row in parts if row.stage == stage]
    if kind == "person":
        return graphs.person_network(parts)
    members = queries.memberships(
        session, start=start, end=end, district_code=scope, consented=True
    )
    if kind == "group":
        return graphs.group_network(members)
    return graphs.bipartite(parts, [] if stage is not None else members)


def person_ids(graph: Any) -> list[int]:
    """The people among a graph's nodes (ints in a person network, ("person", id) in a
    bipartite one; a group network has none)."""
    ids: list[int] = []
    for node in graph:
        if isinstance(node, tuple):
            if node[0] == "person":
                ids.append(int(node[1]))
        elif graph.nodes[node].get("kind", "person") == "person":
            ids.append(int(node))
    return ids


@access.time_limited
def read_summary(
    session: Session,
    *,
    user: UserAccount,
    start: date,
    end: date,
    kind: str = "person",
    district_code: str | None = None,
    stage: Stage | None = None,
) -> GraphSummary:
    """Build the scoped network and summarise it; the people in its top lists are logged."""
    graph = build(
        session,
        user=user,
        start=start,
        end=end,
        kind=kind,
        district_code=district_code,
        stage=stage,
    )
    result, listed = _summary(graph, kind=kind)
    access_log.record(session, actor=user, action="network.summary", person_ids=listed)
    return publish_summary(result, access.suppression_threshold(user))


def summary(graph: Any, *, kind: str) -> GraphSummary:
    """A graph's summary (pure; ``read_summary`` is the logged use case)."""
    return _summary(graph, kind=kind)[0]


def published_summary(
    graph: Any, *, kind: str, threshold: int | None
) -> tuple[GraphSummary, list[int]]:
    """A graph's summary as ``threshold`` publishes it, with the people its top lists name (the
    background job stores both and logs the people whenever the result is shown)."""
    result, listed = _summary(graph, kind=kind)
    return publish_summary(result, threshold), listed


def _summary(graph: Any, *, kind: str) -> tuple[GraphSummary, list[int]]:
    settings = get_settings()
    backend = settings.networkx_backend
    metrics = graphs.node_metrics(
        graph, seed=SEED, betweenness_k=BETWEENNESS_SAMPLE, backend=backend
    )
    key = settings.analytics_key
    shown: list[Any] = []  # the nodes named in the top lists: the people the summary shows

    def top(name: str) -> list[tuple[str, float]]:
        best = sorted(metrics.items(), key=lambda item: -item[1][name])[:10]
        shown.extend(node for node, _ in best)
        return [(exports.pseudonym_of(node, key, kind), round(m[name], 6)) for node, m in best]

    brokers = _top_brokers(graph) if kind == "bipartite" else []
    shown.extend(node for node, _ in brokers)
    result = GraphSummary(
        kind=kind,
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        density=graphs.density(graph),
        components=graphs.component_count(graph, backend=backend),
        giant_component_share=graphs.giant_share(graph, backend=backend),
        max_core=max((m["core"] for m in metrics.values()), default=0),
        communities=len({m["community"] for m in metrics.values()}),
        top_pagerank=top("pagerank"),
        top_betweenness=top("betweenness"),
        top_brokers=[(exports.pseudonym_of(n, key, "bipartite"), s) for n, s in brokers],
    )
    return result, person_ids(graph.subgraph(shown)) if kind != "group" else []


def _top_brokers(graph: Any) -> list[tuple[Any, float]]:
    scores = graphs.brokers(graph)
    best = sorted((item for item in scores.items() if item[1] > 0), key=lambda item: -item[1])[:10]
    return [(node, float(score)) for node, score in best]


@access.time_limited
def growth(
    session: Session, *, user: UserAccount, start: date, end: date, district_code: str | None = None
) -> list[YearGrowth]:
    """Per year, the network of all projects up to it; for analysts small cells are hidden."""
    start, end = analysis_period(user, start, end)
    scope = access.scope_district(user, district_code)
    threshold = access.suppression_threshold(user)
    teams = ego_queries.team_arrays(session, start=start, end=end, district_code=scope)
    rows = [
        YearGrowth.model_validate(row) for row in growth_of(teams, range(start.year, end.year + 1))
    ]
    return suppress_growth(rows, threshold) if threshold else rows


def suppress_growth(rows: list[YearGrowth], threshold: int) -> list[YearGrowth]:
    """Publish each year's counts as the small-cell rule says (suppression.publish: 1 to
    ``threshold - 1`` hidden, the rest rounded to multiples of ``threshold``), and the density and
    giant share computed from the published counts, so an exact ratio does not give the exact
    counts back. ``edges`` is the running sum of ``new_ties``; two published edge counts differ
    by a multiple of the threshold, so they do not give a hidden new-tie count away."""
    for row in rows:
        nodes, edges = row.nodes or 0, row.edges or 0
        giant = round((row.giant_component_share or 0.0) * nodes)
        row.nodes, row.edges = publish(nodes, threshold), publish(edges, threshold)
        row.new_ties = publish(int(row.new_ties or 0), threshold)
        row.density = _density(row.nodes, row.edges)
        row.giant_component_share = publish_share(giant, nodes, threshold, digits=6)
        row.suppressed = None in (row.nodes, row.edges, row.new_ties)
    return rows


def _density(nodes: int | None, edges: int | None) -> float | None:
    if nodes is None or edges is None:
        return None
    return 2 * edges / (nodes * (nodes - 1)) if nodes > 1 else 0.0


def publish_summary(result: GraphSummary, threshold: int | None) -> GraphSummary:
    """A network summary as an analyst may see it: its counts published like every count (the
    person network's nodes are the period's participants) and the ratios from them."""
    if not threshold:
        return result
    nodes = result.nodes or 0
    giant = round((result.giant_component_share or 0.0) * nodes)
    result.nodes = publish(nodes, threshold)
    result.edges = publish(result.edges or 0, threshold)
    result.components = publish(result.components or 0, threshold)
    result.communities = publish(result.communities or 0, threshold)
    result.density = _density(result.nodes, result.edges)
    result.giant_component_share = publish_share(giant, nodes, threshold, digits=6)
    return result


@access.time_limited
def export(
    session: Session,
    *,
    user: UserAccount,
    fmt: ExportFormat,
    start: date,
    end: date,
    kind: str = "person",
    district_code: str | None = None,
    stage: Stage | None = None,
    min_degree: int = 0,
    with_metrics: bool = False,
    purpose: str | None = None,
    recipient: str | None = None,
) -> bytes:
    """The graph as GraphML, GEXF, node-link JSON or CSV, always under pseudonyms; an analyst's
    export is entered in the pseudonymised-processing register (``privacy.register``)."""
    graph = build(
        session,
        user=user,
        start=start,
        end=end,
        kind=kind,
        district_code=district_code,
        stage=stage,
    )
    graph = graphs.drop_below_degree(graph, min_degree)
    if with_metrics:
        metrics = graphs.node_metrics(
            graph,
            seed=SEED,
            betweenness_k=BETWEENNESS_SAMPLE,
            backend=get_settings().networkx_backend,
        )
        for node, values in metrics.items():
            graph.nodes[node].update(values)
    for node in graph:
        graph.nodes[node].setdefault("kind", kind if kind != "bipartite" else node[0])
    safe = exports.pseudonymise(
        graph, key=get_settings().analytics_key, kind="group" if kind == "group" else "person"
    )
    body = exports.to_bytes(safe, fmt)
    people = person_ids(graph) if kind != "group" else []
    access_log.record(session, actor=user, action="network.export", person_ids=people)
    dataset = f"{kind} network {fmt.value}, {district_code or 'city'}, {len(people)} people"
    period_start, period_end = analysis_period(user, start, end)  # the period the data covers
    register.record_export(
        session,
        user=user,
        start=period_start,
        end=period_end,
        dataset=dataset,
        body=body,
        purpose=purpose,
        recipient=recipient,
    )
    return body
