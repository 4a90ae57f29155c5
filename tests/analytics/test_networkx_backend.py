"""``MAEUL_NETWORKX_BACKEND``: unset gives plain networkx results; an unknown name is a clear error."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx
import pytest

from maeul_db.analytics import graphs, network_service
from maeul_db.config import Settings, get_settings
from maeul_db.errors import MaeulError


@pytest.fixture
def graph() -> nx.Graph:
    return nx.convert_node_labels_to_integers(nx.les_miserables_graph())


@pytest.fixture
def backend_setting(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("MAEUL_NETWORKX_BACKEND", "no-such-backend")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_setting_defaults_to_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MAEUL_NETWORKX_BACKEND", raising=False)
    assert Settings(_env_file=None).networkx_backend is None


def test_metrics_without_backend_equal_direct_networkx(graph: nx.Graph) -> None:
    metrics = graphs.node_metrics(graph, seed=7, betweenness_k=30, backend=None)
    rank = nx.pagerank(graph, weight="weight")
    between = nx.betweenness_centrality(graph, k=30, seed=7, weight=None)
    core = nx.core_number(graph)
    parts = nx.community.louvain_communities(graph, weight="weight", seed=7)
    assert {n: m["pagerank"] for n, m in metrics.items()} == rank
    assert {n: m["betweenness"] for n, m in metrics.items()} == between
    assert {n: m["core"] for n, m in metrics.items()} == core
    assert [
        {n for n, m in metrics.items() if m["community"] == i} for i in range(len(parts))
    ] == parts
    assert graphs.component_count(graph) == nx.number_connected_components(graph)


def test_metrics_with_networkx_backend_by_name_are_the_same(graph: nx.Graph) -> None:
    plain = graphs.node_metrics(graph, seed=7, betweenness_k=30)
    assert graphs.node_metrics(graph, seed=7, betweenness_k=30, backend="networkx") == plain
    assert graphs.giant_share(graph, backend="networkx") == graphs.giant_share(graph)


def test_unknown_backend_raises_clear_error(graph: nx.Graph) -> None:
    with pytest.raises(graphs.BackendUnavailable) as info:
        graphs.node_metrics(graph, seed=7, betweenness_k=30, backend="no-such-backend")
    assert isinstance(info.value, MaeulError)
    assert isinstance(info.value.__cause__, ImportError)
    assert info.value.code == "analytics.backend_unavailable"
    assert info.value.params["backend"] == "'no-such-backend'"
    assert "MAEUL_NETWORKX_BACKEND='no-such-backend'" in info.value.message_en


def test_algorithm_missing_from_backend_runs_in_networkx() -> None:
    calls: list[str | None] = []

    def algorithm(value: int, *, backend: str | None = None) -> int:
        calls.append(backend)
        if backend is not None:
            raise NotImplementedError("'algorithm' is not implemented by 'parallel' backend")
        return value * 2

    assert graphs.run(algorithm, 21, backend="parallel") == 42
    assert calls == ["parallel", None]


def test_summary_uses_the_setting(graph: nx.Graph, backend_setting: None) -> None:
    with pytest.raises(graphs.BackendUnavailable, match="no-such-backend"):
        network_service.summary(graph, kind="person")
