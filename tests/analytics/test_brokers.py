"""Brokers between groups, worked out by hand."""

from __future__ import annotations

import networkx as nx

from maeul_db.analytics import graphs
from maeul_db.analytics.network_service import summary


def _bipartite() -> nx.Graph:
    # Person 1 in A and B; person 3 also in A and B, so neither alone joins A–B.
    # Person 2 in B and C: nobody else is in both, so 2 is a broker for (B, C).
    # Person 4 in A, C and D: no one else is in both A and C, A and D, or C and D: 3 pairs.
    graph = nx.Graph()
    memberships = {1: "AB", 2: "BC", 3: "AB", 4: "ACD"}
    for person, groups in memberships.items():
        graph.add_node(("person", person), kind="person", bipartite=0)
        for group in groups:
            graph.add_node(("group", ord(group)), kind="group", bipartite=1)
            graph.add_edge(("person", person), ("group", ord(group)))
    return graph


def test_brokers_count_pairs_only_they_join() -> None:
    scores = graphs.brokers(_bipartite())
    assert scores == {("person", 1): 0, ("person", 2): 1, ("person", 3): 0, ("person", 4): 3}


def test_summary_lists_brokers_by_pseudonym_for_bipartite_only() -> None:
    bip = summary(_bipartite(), kind="bipartite")
    assert [score for _, score in bip.top_brokers] == [3.0, 1.0]
    assert all(ref.startswith("p_") for ref, _ in bip.top_brokers)
    person_graph = nx.Graph([(1, 2)])
    assert summary(person_graph, kind="person").top_brokers == []
