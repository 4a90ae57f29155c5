"""General assemblies: turnout and quorum on crafted counts, vote totals, a plan item executed by
a project that links back, and another district's staff refused (both databases)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from maeul_db.models import AuditLog, Dong, Role
from tests.builders import DISTRICT_B, DONG_A, DONG_B, bearer, make_person, make_project, make_user

ASSEMBLY = {
    "dong_code": DONG_A,
    "held_on": "2021-06-12",
    "present": 15,
    "onsite_voters": 12,
    "prevoters": 5,
    "adult_population": 2000,
}


def _staff(client: TestClient, session: Session, district: str | None = None) -> dict[str, str]:
    user = make_user(session, district_code=district) if district else make_user(session)
    return bearer(client, user.username)


def _assembly(client: TestClient, headers: dict[str, str], **changes: Any) -> dict[str, Any]:
    response = client.post("/api/assemblies", json={**ASSEMBLY, **changes}, headers=headers)
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_turnout_adds_onsite_and_prevotes_and_the_quorum_is_one_percent(
    client: TestClient, session: Session
) -> None:
    headers = _staff(client, session)
    body = _assembly(client, headers)
    turnout = body["turnout"]
    # 12 on site + 5 pre-votes = 17 voters of 2,000 adults = 0.85%.
    assert turnout["voters"] == 17
    assert turnout["turnout_percent"] == "0.85"
    # 15 present + 5 pre-voters = 20 took part; 1% of 2,000 is 20: the quorum just holds.
    assert turnout["participants"] == 20
    assert turnout["quorum_needed"] == 20
    assert turnout["quorum_met"] is True
    assert body["year"] == 2021 and body["district_code"] == "11110"
    short = _assembly(
        client,
        headers,
        held_on="2022-06-11",
        present=10,
        onsite_voters=10,
        prevoters=9,
        adult_population=2001,
    )
    # 19 took part; 1% of 2,001 rounds up to 21.
    assert short["turnout"]["quorum_needed"] == 21
    assert short["turnout"]["quorum_met"] is False
    assert short["turnout"]["turnout_percent"] == "0.95"


def test_without_an_entered_population_the_adults_are_estimated_from_refdata(
    client: TestClient, session: Session
) -> None:
    headers = _staff(client, session)
    total = session.get(Dong, DONG_A)
    assert total is not None and total.population == 12231  # 청운효자동, 2021 Q2
    body = _assembly(client, headers, adult_population=None)
    # 12,231 x 0.84 = 10,274.04 -> 10,274 adults.
    assert body["adult_population"] == 10274
    assert body["population_basis"] == "estimated"
    assert body["turnout"]["quorum_needed"] == 103


def test_impossible_counts_and_a_second_assembly_in_a_year_are_refused(
    client: TestClient, session: Session
) -> None:
    headers = _staff(client, session)
    over = client.post("/api/assemblies", json={**ASSEMBLY, "onsite_voters": 16}, headers=headers)
    assert over.status_code == 422
    assert "현장 투표자" in over.text
    _assembly(client, headers)
    again = client.post(
        "/api/assemblies", json={**ASSEMBLY, "held_on": "2021-11-01"}, headers=headers
    )
    assert again.status_code == 409
    assert "2021년 주민총회" in again.text


def _plan_with_item(client: TestClient, headers: dict[str, str]) -> tuple[int, int, int]:
    assembly = _assembly(client, headers)
    plan = client.post(
        "/api/assemblies/plans",
        json={
            "dong_code": DONG_A,
            "year": 2022,
            "title": "2022 청운효자동 자치계획",
            "assembly_id": assembly["id"],
        },
        headers=headers,
    )
    assert plan.status_code == 201, plan.text
    item = client.post(
        f"/api/assemblies/plans/{plan.json()['id']}/items",
        json={
            "title": "골목 안전 지도",
            "subcommittee": "안전분과",
            "budget_source": "citizen_budget",
            "budget_requested_krw": 30_000_000,
            "budget_granted_krw": 25_000_000,
        },
        headers=headers,
    )
    assert item.status_code == 201, item.text
    return assembly["id"], plan.json()["id"], item.json()["id"]


def test_votes_add_up_and_can_not_exceed_the_assemblys_voters(
    client: TestClient, session: Session
) -> None:
    headers = _staff(client, session)
    _, plan_id, item_id = _plan_with_item(client, headers)
    voted = client.post(
        f"/api/assemblies/items/{item_id}/votes",
        json={"votes_for": 10, "votes_against": 4, "votes_abstain": 3},
        headers=headers,
    )
    assert voted.status_code == 200, voted.text
    assert voted.json()["votes_total"] == 17
    assert voted.json()["adopted"] is True
    # 18 votes where the assembly had 17 voters: refused, the earlier votes kept.
    too_many = client.post(
        f"/api/assemblies/items/{item_id}/votes",
        json={"votes_for": 5, "votes_against": 10, "votes_abstain": 3},
        headers=headers,
    )
    assert too_many.status_code == 422
    plan = client.get(f"/api/assemblies/plans/{plan_id}", headers=headers).json()
    assert [(i["votes_for"], i["votes_against"], i["votes_abstain"]) for i in plan["items"]] == [
        (10, 4, 3)
    ]
    assert plan["budget_requested_krw"] == 30_000_000
    assert plan["budget_granted_krw"] == 25_000_000
    tied = client.post(
        f"/api/assemblies/items/{item_id}/votes",
        json={"votes_for": 8, "votes_against": 8, "votes_abstain": 0},
        headers=headers,
    )
    assert tied.json()["adopted"] is False


def test_an_item_executed_as_a_project_links_back(client: TestClient, session: Session) -> None:
    headers = _staff(client, session)
    _, plan_id, item_id = _plan_with_item(client, headers)
    project = make_project(session, name="골목 안전 지도 만들기", year=2022)
    linked = client.post(
        f"/api/assemblies/items/{item_id}/project",
        json={"project_id": project.id},
        headers=headers,
    )
    assert linked.status_code == 200, linked.text
    back = client.get(f"/api/assemblies/projects/{project.id}/items", headers=headers)
    assert back.status_code == 200
    assert [(i["id"], i["plan_id"], i["project_name"]) for i in back.json()] == [
        (item_id, plan_id, "골목 안전 지도 만들기")
    ]
    elsewhere = make_project(session, name="중구 사업", district_code=DISTRICT_B)
    refused = client.post(
        f"/api/assemblies/items/{item_id}/project",
        json={"project_id": elsewhere.id},
        headers=headers,
    )
    assert refused.status_code in (403, 404)
    actions = session.exec(select(AuditLog.action).where(AuditLog.entity == "agenda_item")).all()
    assert sorted(actions) == ["create", "link_project"]


def test_another_districts_staff_are_refused(client: TestClient, session: Session) -> None:
    headers = _staff(client, session)
    assembly_id, plan_id, item_id = _plan_with_item(client, headers)
    other = _staff(client, session, DISTRICT_B)
    assert client.get(f"/api/assemblies/{assembly_id}", headers=other).status_code == 404
    assert client.get(f"/api/assemblies/plans/{plan_id}", headers=other).status_code == 404
    votes = {"votes_for": 1, "votes_against": 0, "votes_abstain": 0}
    post = client.post(f"/api/assemblies/items/{item_id}/votes", json=votes, headers=other)
    assert post.status_code == 404
    # Recording an assembly in district A's dong: refused.
    foreign = client.post(
        "/api/assemblies", json={**ASSEMBLY, "held_on": "2023-05-01"}, headers=other
    )
    assert foreign.status_code == 403
    assert client.get("/api/assemblies", headers=other).json() == []
    own = _assembly(client, other, dong_code=DONG_B, held_on="2021-05-01")
    assert own["district_code"] == DISTRICT_B


def test_city_turnout_lists_each_dong_and_the_share_reaching_one_percent(
    client: TestClient, session: Session
) -> None:
    _assembly(client, _staff(client, session))  # 1% reached
    # 중구 소공동: 3 took part of 1,000 adults (needs 10).
    _assembly(
        client,
        _staff(client, session, DISTRICT_B),
        dong_code=DONG_B,
        present=2,
        onsite_voters=2,
        prevoters=1,
        adult_population=1000,
    )
    analyst = bearer(client, make_user(session, role=Role.analyst).username)
    body = client.get("/api/assemblies/turnout", params={"year": 2021}, headers=analyst).json()
    assert body["assemblies"] == 2 and body["quorum_met"] == 1
    assert body["quorum_share_percent"] == "50.00"
    # (17 + 3) voters of (2,000 + 1,000) adults.
    assert body["turnout_percent"] == "0.67"
    staff_b = _staff(client, session, DISTRICT_B)
    own = client.get("/api/assemblies/turnout", params={"year": 2021}, headers=staff_b).json()
    assert [r["dong_code"] for r in own["rows"]] == [DONG_B]
    expert_self = make_person(session)
    expert = bearer(client, make_user(session, role=Role.expert, person_id=expert_self.id).username)
    refused = client.get("/api/assemblies/turnout", params={"year": 2021}, headers=expert)
    assert refused.status_code == 403
