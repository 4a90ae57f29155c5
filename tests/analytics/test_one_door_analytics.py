"""Analytics rules live in the services: suppression and access logging are the same whichever
door (API, page, command) asks."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.analytics.pseudonym import pseudonym
from maeul_db.config import get_settings
from maeul_db.models import AccessLog, Role
from tests.analytics.world import build_world
from tests.builders import DISTRICT_B, bearer, make_user
from tests.cli_run import run_cli
from tests.web_login import log_in

YEAR_2019 = {"from": "2019-01-01", "to": "2019-12-31"}


def _log(session: Session) -> list[AccessLog]:
    return list(session.exec(select(AccessLog).order_by(col(AccessLog.id))).all())


def _people(row: AccessLog) -> set[int]:
    return {int(i) for i in row.person_ids.strip(",").split(",")}


def test_analyst_gets_suppressed_growth_from_the_api(client: TestClient, session: Session) -> None:
    # District B in 2019: one project (B1) with p2 and p5, so 2 people and 1 new tie, both below
    # the threshold of 5.
    build_world(session)
    params = YEAR_2019 | {"district": DISTRICT_B}
    analyst = bearer(client, make_user(session, role=Role.analyst).username)
    (row,) = client.get("/api/analytics/graph/growth", params=params, headers=analyst).json()
    assert row["new_ties"] is None and row["nodes"] is None and row["edges"] is None
    assert row["density"] is None and row["suppressed"] is True
    admin = bearer(client, make_user(session, role=Role.city_admin).username)
    (raw,) = client.get("/api/analytics/graph/growth", params=params, headers=admin).json()
    assert (raw["nodes"], raw["new_ties"], raw["suppressed"]) == (2, 1, False)


def test_ego_network_logs_one_row_per_read_through_api_and_page(
    client: TestClient, session: Session
) -> None:
    world = build_world(session)
    p1, p4 = world.people["p1"].id, world.people["p4"].id
    admin = make_user(session, role=Role.city_admin)
    before = len(_log(session))
    response = client.get(f"/api/analytics/people/{p4}/ego", headers=bearer(client, admin.username))
    assert response.status_code == 200
    api_rows = _log(session)[before:]
    assert log_in(client, admin.username).status_code == 303
    middle = len(_log(session))
    assert client.get(f"/analytics/people/{p4}/ego").status_code == 200
    page_rows = _log(session)[middle:]
    assert len(api_rows) == 1 and len(page_rows) == 1
    assert api_rows[0].action == page_rows[0].action == "network.ego"
    # Radius 1 around p4: p4 and p1 (their one tie), shown by name to the city admin.
    assert _people(api_rows[0]) == _people(page_rows[0]) == {p1, p4}
    assert api_rows[0].actor_username == admin.username


def test_analyst_ego_network_under_pseudonyms_is_logged(
    client: TestClient, session: Session
) -> None:
    world = build_world(session)
    analyst = make_user(session, role=Role.analyst)
    headers = bearer(client, analyst.username)
    center = pseudonym(get_settings().analytics_key, "person", world.people["p4"].id or 0)
    before = len(_log(session))
    assert client.get(f"/api/analytics/people/{center}/ego", headers=headers).status_code == 200
    (row,) = _log(session)[before:]
    assert row.action == "network.ego" and world.people["p4"].id in _people(row)


def test_graph_export_api_logs_the_people_exported(client: TestClient, session: Session) -> None:
    world = build_world(session)
    analyst = make_user(session, role=Role.analyst)
    before = len(_log(session))
    response = client.get(
        "/api/analytics/graph/export",
        params=YEAR_2019 | {"format": "csv"},
        headers=bearer(client, analyst.username),
    )
    assert response.status_code == 200
    (row,) = _log(session)[before:]
    # Everyone in a 2019 project except p3's voided row and p6 (a seat, no project).
    expected = {world.people[p].id for p in ("p1", "p2", "p3", "p4", "p5")}
    assert row.action == "network.export" and _people(row) == expected
    assert row.actor_username == analyst.username


def test_graph_export_command_logs_as_the_cli_operator(
    session: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    world = build_world(session)
    before = len(_log(session))
    out = tmp_path / "graph.csv"
    args = ["graph", "export", "--format", "csv", "--out", str(out)]
    run_cli(session, monkeypatch, [*args, "--from", "2019-01-01", "--to", "2019-12-31"])
    assert out.read_text().startswith("source,target,weight")
    (row,) = _log(session)[before:]
    assert row.action == "network.export" and world.people["p5"].id in _people(row)
    assert (row.actor_username, row.actor_user_id, row.source_address) == ("cli", None, "cli")
