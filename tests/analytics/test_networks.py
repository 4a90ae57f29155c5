"""Networks: Newman projection weights by hand, metrics against direct networkx calls, exports read
back with networkx and free of names."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.analytics import graphs
from maeul_db.analytics.pseudonym import pseudonym
from maeul_db.analytics.queries import MemberRow, PartRow
from maeul_db.config import get_settings
from maeul_db.models import Role
from tests.analytics.world import build_world
from tests.builders import DISTRICT_B, bearer, make_user


def _part(person: int, project: int, year: int = 2019) -> PartRow:
    return PartRow(
        person,
        project,
        "participant",
        "11110",
        date(year, 4, 1),
        "F",
        1980,
        "group_formation",
        year,
    )


# Project X = {1, 2, 3} (k = 3: 1/2 per pair), Y = {1, 2} (k = 2: 1 per pair), Z = {4} (alone).
PARTS = [
    _part(1, 100),
    _part(2, 100),
    _part(3, 100),
    _part(1, 200),
    _part(2, 200),
    _part(4, 300, 2020),
]


def test_collaboration_weights_newman() -> None:
    assert dict(graphs.collaboration_edges(PARTS)) == {(1, 2): 1.5, (1, 3): 0.5, (2, 3): 0.5}
    graph = graphs.person_network(PARTS)
    assert set(graph.nodes) == {1, 2, 3, 4} and graph.degree(4) == 0
    # Each shared project adds exactly 1 to a member's weighted degree: person 1 is in X and Y.
    assert graph.degree(1, weight="weight") == 2.0
    assert graph.degree(3, weight="weight") == 1.0


def test_group_network_shared_members() -> None:
    members = [
        MemberRow(1, 7, "11110", date(2019, 1, 1)),
        MemberRow(1, 8, "11110", date(2019, 1, 1)),
        MemberRow(2, 7, "11110", date(2019, 1, 1)),
        MemberRow(2, 8, "11110", date(2019, 1, 1)),
        MemberRow(3, 8, "11110", date(2019, 1, 1)),
        MemberRow(3, 9, "11110", date(2019, 1, 1)),
    ]
    graph = graphs.group_network(members)
    assert {frozenset((u, v)): d["weight"] for u, v, d in graph.edges(data=True)} == {
        frozenset((7, 8)): 2,
        frozenset((8, 9)): 1,
    }


def test_bipartite_graph_sides() -> None:
    graph = graphs.bipartite(PARTS, [MemberRow(1, 7, "11110", date(2019, 1, 1))])
    assert graph.nodes[("project", 100)]["bipartite"] == 1
    assert set(graph[("person", 1)]) == {("project", 100), ("project", 200), ("group", 7)}


def test_metrics_match_direct_networkx() -> None:
    graph = nx.les_miserables_graph()
    graph = nx.convert_node_labels_to_integers(graph)
    metrics = graphs.node_metrics(graph, seed=3, betweenness_k=graph.number_of_nodes())
    rank = nx.pagerank(graph, weight="weight")
    core = nx.core_number(graph)
    between = nx.betweenness_centrality(graph)
    parts = nx.community.louvain_communities(graph, weight="weight", seed=3)
    for node, m in metrics.items():
        assert m["degree"] == graph.degree(node)
        assert m["weighted_degree"] == pytest.approx(graph.degree(node, weight="weight"))
        assert m["pagerank"] == pytest.approx(rank[node])
        assert m["core"] == core[node]
        assert m["betweenness"] == pytest.approx(between[node])
        assert node in parts[m["community"]]
    assert graphs.giant_share(graph) == 1.0
    assert graphs.giant_share(graphs.person_network(PARTS)) == 0.75


def test_yearly_growth_counts_new_ties() -> None:
    rows = graphs.yearly_growth(PARTS, [2019, 2020])
    assert [(r["year"], r["nodes"], r["edges"], r["new_ties"]) for r in rows] == [
        (2019, 3, 3, 3),
        (2020, 4, 3, 0),
    ]
    assert rows[1]["giant_component_share"] == 0.75


def test_drop_below_degree() -> None:
    graph = graphs.drop_below_degree(graphs.person_network(PARTS), 1)
    assert set(graph.nodes) == {1, 2, 3}


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_export_read_back_pseudonymous(client: TestClient, session: Session, fmt: str) -> None:
    world = build_world(session)
    analyst = make_user(session, role=Role.analyst)
    response = client.get(
        f"/api/analytics/graph/export?from=2019-01-01&to=2019-12-31&format={fmt}",
        headers=bearer(client, analyst.username),
    )
    assert response.status_code == 200, response.text
    body = response.content
    key = get_settings().analytics_key
    ids = {name: pseudonym(key, "person", person.id) for name, person in world.people.items()}
    for person in world.people.values():
        assert person.name.encode() not in body
        assert person.phone is not None and person.phone.encode() not in body
    if fmt == "graphml":
        graph = nx.read_graphml(io.BytesIO(body))
    elif fmt == "gexf":
        graph = nx.read_gexf(io.BytesIO(body))
    elif fmt == "json":
        graph = nx.node_link_graph(json.loads(body), edges="edges")
    else:
        graph = nx.Graph()
        for row in csv.DictReader(io.StringIO(body.decode())):
            graph.add_edge(row["source"], row["target"], weight=float(row["weight"]))
    # A1 = {p1, p2, p3} (1/2 per pair), A2 = {p1, p4} (1), B1 = {p2, p5} (1).
    expected = {
        frozenset((ids["p1"], ids["p2"])): 0.5,
        frozenset((ids["p1"], ids["p3"])): 0.5,
        frozenset((ids["p2"], ids["p3"])): 0.5,
        frozenset((ids["p1"], ids["p4"])): 1.0,
        frozenset((ids["p2"], ids["p5"])): 1.0,
    }
    got = {frozenset((u, v)): float(d["weight"]) for u, v, d in graph.edges(data=True)}
    assert got == expected


def test_export_staff_other_district_forbidden(client: TestClient, session: Session) -> None:
    build_world(session)
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_B)
    headers = bearer(client, staff.username)
    url = "/api/analytics/graph/export?from=2019-01-01&to=2019-12-31&format=csv"
    assert client.get(url + "&district=11110", headers=headers).status_code == 403
    rows = client.get(url, headers=headers).text.strip().splitlines()
    assert len(rows) == 2  # header + the p2–p5 tie of B1


def test_graph_summary_and_growth_api(client: TestClient, session: Session) -> None:
    build_world(session)
    admin = make_user(session, role=Role.city_admin)
    headers = bearer(client, admin.username)
    summary = client.get(
        "/api/analytics/graph/summary?from=2019-01-01&to=2019-12-31", headers=headers
    ).json()
    assert (summary["nodes"], summary["edges"], summary["components"]) == (5, 5, 1)
    assert summary["giant_component_share"] == 1.0
    groups = client.get(
        "/api/analytics/graph/summary?from=2019-01-01&to=2019-12-31&kind=group", headers=headers
    )
    assert groups.status_code == 200
    growth = client.get(
        "/api/analytics/graph/growth?from=2019-01-01&to=2019-12-31", headers=headers
    ).json()
    assert growth[0]["new_ties"] == 5
