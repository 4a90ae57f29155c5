"""Graph exports: GraphML and GEXF (Gephi), node-link JSON and a CSV edge list.

Nodes are renamed to keyed-hash pseudonyms and carry only structural attributes, never names or
contacts (DESIGN-NOTES: analysts get stable pseudonyms)."""

from __future__ import annotations

import io
import json
from enum import StrEnum
from typing import Any

import networkx as nx

from maeul_db.analytics.pseudonym import pseudonym
from maeul_db.kit import cells

SAFE_NODE_ATTRIBUTES = frozenset(
    {
        "kind",
        "bipartite",
        "stage",
        "year",
        "district",
        "degree",
        "weighted_degree",
        "core",
        "pagerank",
        "betweenness",
        "community",
        "diversity",
    }
)


class ExportFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"
    csv = "csv"


MEDIA_TYPES = {
    ExportFormat.graphml: "application/graphml+xml",
    ExportFormat.gexf: "application/gexf+xml",
    ExportFormat.json: "application/json",
    ExportFormat.csv: "text/csv",
}


def pseudonym_of(node: Any, key: str, default_kind: str) -> str:
    if isinstance(node, tuple):
        kind, entity_id = node
        return pseudonym(key, str(kind), int(entity_id))
    return pseudonym(key, default_kind, int(node))


def pseudonymise(graph: nx.Graph, *, key: str, kind: str = "person") -> nx.Graph:
    """A copy with pseudonymous node ids and only the safe attributes."""
    result = nx.Graph()
    mapping = {node: pseudonym_of(node, key, kind) for node in graph}
    for node, data in graph.nodes(data=True):
        result.add_node(
            mapping[node], **{k: v for k, v in data.items() if k in SAFE_NODE_ATTRIBUTES}
        )
    for u, v, data in graph.edges(data=True):
        result.add_edge(
            mapping[u], mapping[v], **({"weight": data["weight"]} if "weight" in data else {})
        )
    return result


def to_bytes(graph: nx.Graph, fmt: ExportFormat) -> bytes:
    if fmt == ExportFormat.graphml:
        buffer = io.BytesIO()
        nx.write_graphml(graph, buffer)
        return buffer.getvalue()
    if fmt == ExportFormat.gexf:
        buffer = io.BytesIO()
        nx.write_gexf(graph, buffer)
        return buffer.getvalue()
    if fmt == ExportFormat.json:
        data = nx.node_link_data(graph, edges="edges")
        return json.dumps(data, ensure_ascii=False).encode()
    rows = [[u, v, data.get("weight", 1)] for u, v, data in graph.edges(data=True)]
    return cells.csv_text([["source", "target", "weight"], *rows], lineterminator="\n").encode()
