"""One person's network: ego network, shortest chain and ties before the first lead role, checked
against direct networkx calls and by hand on world.py; analysts see pseudonyms, staff their district."""

from __future__ import annotations

from datetime import date

import networkx as nx
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.analytics import ego, graphs
from maeul_db.analytics.pseudonym import pseudonym
from maeul_db.analytics.queries import PartRow
from maeul_db.config import get_settings
from maeul_db.models import ParticipationRole, Role
from tests.analytics.world import build_world
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    bearer,
    make_participation,
    make_project,
    make_user,
)
from tests.web_login import log_in


def _part(person: int, project: int, on: date, role: str = "participant") -> PartRow:
    return PartRow(person, project, role, "11110", on, "F", 1980, "group_formation", on.year)


# A path 1–2–3–4–5 through two-person projects, plus project 90 = {1, 6, 7} and 6 alone later.
EARLY, LATE = date(2018, 3, 1), date(2020, 3, 1)
PARTS = [
    _part(1, 10, EARLY),
    _part(2, 10, EARLY),
    _part(2, 20, EARLY),
    _part(3, 20, EARLY),
    _part(3, 30, EARLY),
    _part(4, 30, EARLY),
    _part(4, 40, EARLY),
    _part(5, 40, EARLY),
    _part(1, 90, LATE, "lead_proposer"),
    _part(6, 90, LATE),
    _part(7, 90, LATE),
    _part(8, 99, EARLY),
]


def test_ego_and_chain_match_networkx() -> None:
    graph = graphs.person_network(PARTS)
    for radius in (1, 2):
        mine = ego.ego_network(graph, 2, radius=radius)
        theirs = nx.ego_graph(graph, 2, radius=radius)
        assert set(mine.nodes) == set(theirs.nodes) and set(mine.edges) == set(theirs.edges)
    assert set(ego.ego_network(graph, 1, radius=1)) == {1, 2, 6, 7}
    assert ego.distances(graph, 1, radius=2) == {1: 0, 2: 1, 6: 1, 7: 1, 3: 2}
    assert ego.shortest_chain(graph, 7, 5) == [7, 1, 2, 3, 4, 5]
    assert len(ego.shortest_chain(graph, 7, 5) or []) - 1 == nx.shortest_path_length(graph, 7, 5)
    assert ego.shortest_chain(graph, 1, 8) is None


def test_ties_before_first_lead_by_hand() -> None:
    assert ego.first_lead(PARTS, 1) == LATE and ego.first_lead(PARTS, 2) is None
    # Before leading project 90, person 1 had only worked with 2 (project 10, k = 2: weight 1).
    assert ego.ties_before(PARTS, 1, LATE) == {2: 1.0}
    # Never a lead: all ties; project 90 (k = 3) gives 1/2 to each pair.
    assert ego.ties_before(PARTS, 6, None) == {1: 0.5, 7: 0.5}
    assert ego.ties_before(PARTS, 8, None) == {}


def test_spring_layout_seeded_in_unit_square() -> None:
    graph = graphs.person_network(PARTS)
    first, second = ego.spring_layout(graph, seed=42), ego.spring_layout(graph, seed=42)
    assert first == second and set(first) == set(graph.nodes)
    assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in first.values())


def test_ego_api_admin_by_hand(client: TestClient, session: Session) -> None:
    world = build_world(session)
    ids = {name: p.id for name, p in world.people.items()}
    admin = make_user(session, role=Role.city_admin)
    headers = bearer(client, admin.username)
    # Ties: p1–p2, p1–p3, p2–p3 (A1, 1/2 each), p1–p4 (A2, 1), p2–p5 (B1, 1).
    one = client.get(f"/api/analytics/people/{ids['p4']}/ego", headers=headers).json()
    assert {n["id"] for n in one["nodes"]} == {str(ids["p4"]), str(ids["p1"])}
    two = client.get(
        f"/api/analytics/people/{ids['p4']}/ego", params={"radius": 2}, headers=headers
    ).json()
    assert {n["id"]: n["distance"] for n in two["nodes"]} == {
        str(ids["p4"]): 0,
        str(ids["p1"]): 1,
        str(ids["p2"]): 2,
        str(ids["p3"]): 2,
    }
    assert len(two["edges"]) == 4 and "차카타" in {n["label"] for n in two["nodes"]}
    chain = client.get(
        f"/api/analytics/people/{ids['p4']}/chain", params={"other": ids["p5"]}, headers=headers
    ).json()
    assert chain["path"] == [str(ids[p]) for p in ("p4", "p1", "p2", "p5")] and chain["hops"] == 3


def test_ties_before_lead_api(client: TestClient, session: Session) -> None:
    world = build_world(session)
    p5 = world.people["p5"]
    later = make_project(session, year=2020, district_code=DISTRICT_B)
    make_participation(
        session,
        project=later,
        person=p5,
        role=ParticipationRole.lead_proposer,
        valid_from=date(2020, 3, 1),
    )
    admin = make_user(session, role=Role.city_admin)
    body = client.get(
        f"/api/analytics/people/{p5.id}/ties-before-lead", headers=bearer(client, admin.username)
    ).json()
    assert body["first_lead_on"] == "2020-03-01"
    assert body["ties"] == [
        {"person": str(world.people["p2"].id), "label": "라마바", "weight": 1.0}
    ]


def test_ego_api_analyst_pseudonyms_only(client: TestClient, session: Session) -> None:
    world = build_world(session)
    analyst = make_user(session, role=Role.analyst)
    headers = bearer(client, analyst.username)
    p4 = world.people["p4"].id
    assert p4 is not None
    key = get_settings().analytics_key
    assert client.get(f"/api/analytics/people/{p4}/ego", headers=headers).status_code == 404
    response = client.get(
        f"/api/analytics/people/{pseudonym(key, 'person', p4)}/ego",
        params={"radius": 2},
        headers=headers,
    )
    assert response.status_code == 200
    assert {n["id"] for n in response.json()["nodes"]} == {
        pseudonym(key, "person", world.people[p].id or 0) for p in ("p1", "p2", "p3", "p4")
    }
    for person in world.people.values():
        assert person.name not in response.text


def test_ego_api_staff_own_district_only(client: TestClient, session: Session) -> None:
    world = build_world(session)
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_B)
    headers = bearer(client, staff.username)
    p1, p2 = world.people["p1"].id, world.people["p2"].id
    # p1 never took part in district B's projects; p2's district-B network is B1 only.
    assert client.get(f"/api/analytics/people/{p1}/ego", headers=headers).status_code == 404
    body = client.get(
        f"/api/analytics/people/{p2}/ego", params={"radius": 2}, headers=headers
    ).json()
    assert {n["id"] for n in body["nodes"]} == {str(p2), str(world.people["p5"].id)}
    assert (
        client.get(
            f"/api/analytics/people/{p2}/ego", params={"district": "11110"}, headers=headers
        ).status_code
        == 403
    )


def test_ego_api_expert_and_anonymous_refused(client: TestClient, session: Session) -> None:
    world = build_world(session)
    expert = make_user(session, role=Role.expert, person_id=world.people["p1"].id)
    url = f"/api/analytics/people/{world.people['p1'].id}/ego"
    assert client.get(url, headers=bearer(client, expert.username)).status_code == 403
    assert client.get(url).status_code == 401


def test_ego_page_staff_draws_svg_linked_from_person(client: TestClient, session: Session) -> None:
    world = build_world(session)
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    log_in(client, staff.username)
    p4 = world.people["p4"].id
    assert f'href="/analytics/people/{p4}/ego"' in client.get(f"/people/{p4}").text
    page = client.get(f"/analytics/people/{p4}/ego", params={"radius": 2})
    assert page.status_code == 200 and '<svg class="ego"' in page.text
    # District A's network around p4: p1 (distance 1), p2 and p3 (distance 2) via A1 and A2.
    assert page.text.count("<circle") == 4 and page.text.count("<line") == 4
    assert 'class="node center"' in page.text and "차카타" in page.text


def test_ego_page_analyst_by_pseudonym_without_names(client: TestClient, session: Session) -> None:
    world = build_world(session)
    analyst = make_user(session, role=Role.analyst)
    log_in(client, analyst.username)
    ref = pseudonym(get_settings().analytics_key, "person", world.people["p1"].id or 0)
    page = client.get(f"/analytics/people/{ref}/ego")
    assert page.status_code == 200 and page.text.count("<circle") == 4
    for person in world.people.values():
        assert person.name not in page.text
