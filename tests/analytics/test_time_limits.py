"""Request time limits on heavy analytics (issue 9, bounded work): a budget in settings, kept by the
database (statement_timeout / a SQLite progress handler) and by the Python loops; past it a Korean
503, never a 500, and the next request works."""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterator
from datetime import date

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session
from typer.testing import CliRunner

from maeul_db.analytics import graphs
from maeul_db.analytics.queries import PartRow
from maeul_db.cli import app
from maeul_db.config import get_settings
from maeul_db.kit import deadline
from maeul_db.kit.deadline import TimeLimitExceeded
from maeul_db.models import Role
from tests.analytics.world import build_world
from tests.builders import bearer, make_user
from tests.web_login import log_in

# Counts to a hundred million: many seconds on either database, unless stopped.
SLOW_QUERY = text(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) "
    "SELECT count(*) FROM c"
)
MEDIUM_QUERY = text(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) "
    "SELECT count(*) FROM c"
)
KPI = {"from": "2019-01-01", "to": "2019-12-31"}


@pytest.fixture
def tiny_budget() -> Iterator[None]:
    settings = get_settings()
    before = settings.analytics_time_limit_s
    settings.analytics_time_limit_s = 0.000001
    try:
        yield
    finally:
        settings.analytics_time_limit_s = before


def test_bounded_slow_query_stops_at_deadline_and_connection_works(session: Session) -> None:
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded) as caught, deadline.bounded(session, seconds=0.3):
        session.execute(SLOW_QUERY).scalar()
    assert time.monotonic() - started < 5
    assert caught.value.status_code == 503 and "제한 시간" in caught.value.message
    session.rollback()
    assert session.execute(text("SELECT 1")).scalar() == 1  # the connection is usable again
    with deadline.bounded(session, seconds=30):  # and the limit is off the connection again
        assert session.execute(text("SELECT 2")).scalar() == 2


def test_bounded_leaves_no_limit_on_the_connection(session: Session) -> None:
    show = text("SELECT current_setting('statement_timeout')")
    postgres = session.get_bind().dialect.name == "postgresql"
    before = session.execute(show).scalar() if postgres else None
    with deadline.bounded(session, seconds=0.2):
        assert session.execute(text("SELECT 1")).scalar() == 1
    time.sleep(0.3)  # past the deadline: a handler or timeout left behind would now abort
    assert session.execute(MEDIUM_QUERY).scalar() == 200_000
    if postgres:
        assert session.execute(show).scalar() == before


def _one_huge_project(people: int) -> list[PartRow]:
    return [
        PartRow(n, 1, "participant", "11110", date(2019, 1, 1), "F", 1980, "group_formation", 2019)
        for n in range(people)
    ]


def test_graph_building_stops_at_deadline(session: Session) -> None:
    parts = _one_huge_project(4000)  # 8 million pairs: seconds of Python without the checks
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), deadline.bounded(session, seconds=0.2):
        graphs.person_network(parts)
    assert time.monotonic() - started < 2


def test_kpi_over_budget_is_a_korean_503_then_next_request_works(
    client: TestClient, session: Session, tiny_budget: None
) -> None:
    build_world(session)
    analyst = make_user(session, role=Role.analyst)
    headers = bearer(client, analyst.username)
    response = client.get("/api/analytics/kpi", params=KPI, headers=headers)
    assert response.status_code == 503
    assert response.json()["error"] == "time_limit" and "제한 시간" in response.json()["message"]
    get_settings().analytics_time_limit_s = 30
    again = client.get("/api/analytics/kpi", params=KPI, headers=headers)
    assert again.status_code == 200 and again.json()["period_from"] == "2019-01-01"


@pytest.mark.parametrize(
    "path",
    [
        "/api/analytics/ladder?as_of=2019-12-31",
        "/api/analytics/graph/summary?from=2019-01-01&to=2019-12-31",
        "/api/analytics/graph/growth?from=2000-01-01&to=2019-12-31",
        "/api/analytics/graph/export?from=2019-01-01&to=2019-12-31",
    ],
)
def test_heavy_analytics_over_budget_answer_503(
    client: TestClient, session: Session, tiny_budget: None, path: str
) -> None:
    build_world(session)
    admin = make_user(session, role=Role.city_admin)
    response = client.get(path, headers=bearer(client, admin.username))
    assert response.status_code == 503, response.text
    assert response.json()["code"] == "analytics.time_limit"


def test_dashboard_over_budget_is_a_korean_page(
    client: TestClient, session: Session, tiny_budget: None
) -> None:
    build_world(session)
    analyst = make_user(session, role=Role.analyst)
    log_in(client, analyst.username)
    page = client.get("/analytics", params=KPI)
    assert page.status_code == 503 and "제한 시간" in page.text
    get_settings().analytics_time_limit_s = 30
    assert client.get("/analytics", params=KPI).status_code == 200


def test_cli_kpi_over_budget_prints_the_korean_error(
    session: Session, monkeypatch: pytest.MonkeyPatch, tiny_budget: None
) -> None:
    build_world(session)
    connection = session.connection()
    monkeypatch.setattr("maeul_db.db.get_engine", lambda: connection)
    args = ["kpi", "--from", "2019-01-01", "--to", "2019-12-31"]
    result = contextvars.copy_context().run(CliRunner().invoke, app, args)
    assert result.exit_code == 1 and "제한 시간" in result.output


@pytest.mark.parametrize(
    ("nodes", "edges", "k"), [(3, 2, 3), (40, 60, 10), (90, 200, 200), (60, 0, 5)]
)
def test_sampled_betweenness_matches_networkx(nodes: int, edges: int, k: int) -> None:
    graph = nx.gnm_random_graph(nodes, edges, seed=nodes)
    graph.add_nodes_from(["isolate"])
    k = min(k, graph.number_of_nodes())
    expected = nx.betweenness_centrality(graph, k=k, seed=42, weight=None)
    got = graphs.sampled_betweenness(graph, k=k, seed=42)
    assert got.keys() == expected.keys()
    for node, value in expected.items():
        assert got[node] == pytest.approx(value, abs=1e-12, nan_ok=True)


def test_sampled_betweenness_stops_at_deadline(session: Session) -> None:
    graph = nx.gnm_random_graph(20_000, 60_000, seed=1)  # 200 sources: seconds without checks
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), deadline.bounded(session, seconds=0.3):
        graphs.sampled_betweenness(graph, k=200, seed=42)
    assert time.monotonic() - started < 3
