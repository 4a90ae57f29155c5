"""Community spaces and village networks: an operator is a space_operator career that shows on the
person's timeline and places them on the ladder's council-or-space rung; a group's network
membership shows on its members' timelines; another district's staff are refused."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from maeul_db.analytics import ladder
from maeul_db.analytics.queries import ladder_facts
from maeul_db.models import AccessLog, Career, JobType
from tests.builders import (
    DISTRICT_B,
    DONG_A,
    bearer,
    make_group,
    make_membership,
    make_participation,
    make_person,
    make_project,
    make_user,
)

SPACE = {
    "dong_code": DONG_A,
    "name": "청운효자 마을활력소",
    "address": "서울 종로구 자하문로 1",
    "kind": "hub",
    "valid_from": "2019-03-01",
}


def _space(client: TestClient, headers: dict[str, str]) -> dict[str, Any]:
    response = client.post("/api/spaces", json=SPACE, headers=headers)
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_a_space_operator_is_a_career_on_the_timeline_and_a_ladder_rung(
    client: TestClient, session: Session
) -> None:
    headers = bearer(client, make_user(session).username)
    person = make_person(session, name="운영자가")
    # A participant first (2018), so the operator job is a climb to the next rung.
    make_participation(
        session,
        project=make_project(session, year=2018),
        person=person,
        valid_from=date(2018, 4, 1),
    )
    space = _space(client, headers)
    added = client.post(
        f"/api/spaces/{space['id']}/operators",
        json={"person_id": person.id, "valid_from": "2019-04-01"},
        headers=headers,
    )
    assert added.status_code == 201, added.text
    body = added.json()
    assert [(o["person_name"], o["valid_from"]) for o in body["operators"]] == [
        ("운영자가", "2019-04-01")
    ]
    assert body["operators_target"] == 3
    career = session.exec(select(Career).where(Career.person_id == person.id)).one()
    assert career.job_type == JobType.space_operator
    assert career.employer == "청운효자 마을활력소"
    timeline = client.get(f"/api/people/{person.id}/timeline", headers=headers).json()
    jobs = [e for e in timeline["events"] if e["kind"] == "career"]
    assert [(e["on"], e["title"], e["role"], e["reached"]) for e in jobs] == [
        ("2019-04-01", "청운효자 마을활력소", "space_operator", "council_or_space")
    ]
    assert "council_or_space" in timeline["rungs"]
    days = ladder.reached(ladder_facts(session, end=date(2030, 1, 1)))[person.id]
    assert days[ladder.RUNGS.index("council_or_space")] == date(2019, 4, 1)
    # Reading the space showed the operator: one access-log row naming them.
    logged = session.exec(select(AccessLog).where(AccessLog.action == "spaces.operators")).all()
    assert logged and all(str(person.id) in str(row.person_ids) for row in logged)


def test_a_groups_network_membership_shows_on_its_members_timelines(
    client: TestClient, session: Session
) -> None:
    headers = bearer(client, make_user(session).username)
    person = make_person(session)
    group = make_group(session, name="골목책방")
    make_membership(session, group=group, person=person, valid_from=date(2019, 1, 1))
    network = client.post(
        "/api/networks", json={"name": "종로마을넷", "founded_on": "2015-01-01"}, headers=headers
    )
    assert network.status_code == 201, network.text
    network_id = network.json()["id"]
    joined = client.post(
        f"/api/networks/{network_id}/members",
        json={"group_id": group.id, "valid_from": "2020-02-01"},
        headers=headers,
    )
    assert joined.status_code == 201, joined.text
    closed = client.post(
        f"/api/networks/members/{joined.json()['id']}/close",
        json={"valid_to": "2022-01-01"},
        headers=headers,
    )
    assert closed.status_code == 200, closed.text
    again = client.post(
        f"/api/networks/{network_id}/members",
        json={"group_id": group.id, "valid_from": "2021-06-01"},
        headers=headers,
    )
    assert again.status_code == 409  # the closed interval still covers 2021-06
    timeline = client.get(f"/api/people/{person.id}/timeline", headers=headers).json()
    nets = [(e["on"], e["until"], e["title"]) for e in timeline["events"] if e["kind"] == "network"]
    assert nets == [("2020-02-01", "2022-01-01", "종로마을넷")]
    second = client.post("/api/networks", json={"name": "둘째"}, headers=headers)
    assert second.status_code == 409


def test_another_districts_staff_are_refused(client: TestClient, session: Session) -> None:
    headers = bearer(client, make_user(session).username)
    space = _space(client, headers)
    person = make_person(session)
    other = bearer(client, make_user(session, district_code=DISTRICT_B).username)
    assert client.get(f"/api/spaces/{space['id']}", headers=other).status_code == 404
    operator = {"person_id": person.id, "valid_from": "2019-04-01"}
    post = client.post(f"/api/spaces/{space['id']}/operators", json=operator, headers=other)
    assert post.status_code == 404
    foreign = client.post("/api/spaces", json=SPACE, headers=other)
    assert foreign.status_code == 403
    assert client.get("/api/spaces", headers=other).json() == []
    assert session.exec(select(Career).where(Career.person_id == person.id)).all() == []
