"""Network use cases: build the scoped graphs, summarise them, export them pseudonymised."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from maeul_db.analytics import access, exports, graphs, queries
from maeul_db.analytics.exports import ExportFormat
from maeul_db.analytics.schemas import GraphSummary, YearGrowth
from maeul_db.analytics.service import check_period
from maeul_db.config import get_settings
from maeul_db.errors import InvalidInput
from maeul_db.models import Stage, UserAccount

GRAPH_KINDS = ("person", "group", "bipartite")
SEED = 42
BETWEENNESS_SAMPLE = 200


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
    check_period(start, end)
    if kind not in GRAPH_KINDS:
        raise InvalidInput(f"그래프 종류는 {', '.join(GRAPH_KINDS)} 중 하나입니다", field="kind")
    scope = access.scope_district(user, district_code)
    parts = queries.participations(session, start=start, end=end, district_code=scope)
    if stage is not None:
        parts = [row for row in parts if row.stage == stage]
    if kind == "person":
        return graphs.person_network(parts)
    members = queries.memberships(session, start=start, end=end, district_code=scope)
    if kind == "group":
        return graphs.group_network(members)
    return graphs.bipartite(parts, [] if stage is not None else members)


def summary(graph: Any, *, kind: str) -> GraphSummary:
    settings = get_settings()
    backend = settings.networkx_backend
    metrics = graphs.node_metrics(
        graph, seed=SEED, betweenness_k=BETWEENNESS_SAMPLE, backend=backend
    )
    key = settings.analytics_key

    def top(name: str) -> list[tuple[str, float]]:
        best = sorted(metrics.items(), key=lambda item: -item[1][name])[:10]
        return [(exports.pseudonym_of(node, key, kind), round(m[name], 6)) for node, m in best]

    return GraphSummary(
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
        top_brokers=_top_brokers(graph, key) if kind == "bipartite" else [],
    )


def _top_brokers(graph: Any, key: str) -> list[tuple[str, float]]:
    scores = graphs.brokers(graph)
    best = sorted((item for item in scores.items() if item[1] > 0), key=lambda item: -item[1])[:10]
    return [(exports.pseudonym_of(node, key, "bipartite"), float(score)) for node, score in best]


def growth(
    session: Session, *, user: UserAccount, start: date, end: date, district_code: str | None = None
) -> list[YearGrowth]:
    check_period(start, end)
    scope = access.scope_district(user, district_code)
    parts = queries.participations(session, start=start, end=end, district_code=scope)
    return [
        YearGrowth.model_validate(row)
        for row in graphs.yearly_growth(parts, range(start.year, end.year + 1))
    ]


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
) -> bytes:
    """The graph as GraphML, GEXF, node-link JSON or CSV, always under pseudonyms."""
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
    return exports.to_bytes(safe, fmt)
