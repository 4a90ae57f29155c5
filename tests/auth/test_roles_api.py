"""Each role sees only what it should, through the API."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.models import Role
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    bearer,
    make_group,
    make_participation,
    make_person,
    make_project,
    make_user,
)


def _world(session: Session) -> dict[str, int]:
    """Two districts with a person, group and project each, and one person active in both."""
    a_person = make_person(session, registered_district_code=DISTRICT_A)
    b_person = make_person(session, registered_district_code=DISTRICT_B)
    both = make_person(session, registered_district_code=DISTRICT_A)
    a_project = make_project(session, district_code=DISTRICT_A)
    b_project = make_project(session, district_code=DISTRICT_B)
    make_participation(session, project=b_project, person=both, valid_from=date(2019, 5, 1))
    make_participation(session, project=b_project, person=b_person)
    a_group = make_group(session, district_code=DISTRICT_A)
    b_group = make_group(session, district_code=DISTRICT_B)
    return {
        "a_person": a_person.id,
        "b_person": b_person.id,
        "both": both.id,  # type: ignore[dict-item]
        "a_project": a_project.id,
        "b_project": b_project.id,  # type: ignore[dict-item]
        "a_group": a_group.id,
        "b_group": b_group.id,
    }  # type: ignore[dict-item]


def _ids(response: object) -> set[int]:
    return {row["id"] for row in response.json()["data"]}  # type: ignore[attr-defined]


def test_anonymous_gets_401_everywhere(client: TestClient, session: Session) -> None:
    w = _world(session)
    for path in (
        "/api/people",
        f"/api/people/{w['a_person']}",
        "/api/groups",
        "/api/projects",
        "/api/auth/me",
    ):
        response = client.get(path)
        assert response.status_code == 401, path
        assert response.json()["error"] == "unauthorized"


def test_district_staff_see_only_their_district(client: TestClient, session: Session) -> None:
    w = _world(session)
    staff_a = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    headers = bearer(client, staff_a.username)
    people = client.get("/api/people", headers=headers)
    assert _ids(people) == {w["a_person"], w["both"]}
    assert people.json()["count"] == 2
    assert client.get(f"/api/people/{w['b_person']}", headers=headers).status_code == 404
    assert _ids(client.get("/api/projects", headers=headers)) == {w["a_project"]}
    assert client.get(f"/api/projects/{w['b_project']}", headers=headers).status_code == 404
    assert _ids(client.get("/api/groups", headers=headers)) == {w["a_group"]}
    assert client.get(f"/api/groups/{w['b_group']}", headers=headers).status_code == 404
    # The other district sees the shared person through its own fact, not district A's person.
    staff_b = make_user(session, role=Role.district_staff, district_code=DISTRICT_B)
    assert _ids(client.get("/api/people", headers=bearer(client, staff_b.username))) == {
        w["b_person"],
        w["both"],
    }


def test_district_staff_cannot_write_into_another_district(
    client: TestClient, session: Session
) -> None:
    w = _world(session)
    staff_a = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    headers = bearer(client, staff_a.username)
    response = client.post(
        "/api/projects",
        headers=headers,
        json={"name": "남의 사업", "year": 2020, "district_code": DISTRICT_B},
    )
    assert response.status_code == 403
    response = client.post(
        f"/api/projects/{w['b_project']}/participants",
        headers=headers,
        json={"person_id": w["a_person"], "valid_from": "2020-01-01"},
    )
    assert response.status_code == 404
    response = client.patch(f"/api/people/{w['b_person']}", headers=headers, json={"name": "바꿈"})
    assert response.status_code == 404


def test_city_admin_sees_everything(client: TestClient, session: Session) -> None:
    w = _world(session)
    admin = make_user(session, role=Role.city_admin)
    headers = bearer(client, admin.username)
    assert {w["a_person"], w["b_person"], w["both"]} <= _ids(
        client.get("/api/people?limit=500", headers=headers)
    )
    assert client.get(f"/api/projects/{w['b_project']}", headers=headers).status_code == 200


def test_expert_sees_only_their_own_record(client: TestClient, session: Session) -> None:
    w = _world(session)
    expert = make_user(session, role=Role.expert, person_id=w["a_person"])
    headers = bearer(client, expert.username)
    assert _ids(client.get("/api/people", headers=headers)) == {w["a_person"]}
    assert client.get(f"/api/people/{w['a_person']}", headers=headers).status_code == 200
    assert client.get(f"/api/people/{w['both']}", headers=headers).status_code == 404
    # Projects are logging records: experts are refused them outright.
    assert client.get("/api/projects", headers=headers).status_code == 403
    assert (
        client.patch(
            f"/api/people/{w['a_person']}", headers=headers, json={"name": "내이름"}
        ).status_code
        == 403
    )


def test_analyst_sees_no_person_rows(client: TestClient, session: Session) -> None:
    w = _world(session)
    analyst = make_user(session, role=Role.analyst)
    headers = bearer(client, analyst.username)
    # Refused, as on the web people list (issue 8: one answer on every door), not an empty list.
    assert client.get("/api/people", headers=headers).status_code == 403
    assert client.get(f"/api/people/{w['a_person']}", headers=headers).status_code == 404


def test_api_create_person_rejects_rrn_with_field(client: TestClient, session: Session) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    response = client.post(
        "/api/people",
        headers=bearer(client, staff.username),
        json={"name": "최유진", "gender": "F", "birth_year": 1979, "phone": "790512-2123456"},
    )
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "rrn_rejected" and body["field"] == "phone"


def test_api_person_history_kept_on_change(client: TestClient, session: Session) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    headers = bearer(client, staff.username)
    created = client.post(
        "/api/people", headers=headers, json={"name": "정하늘", "gender": "F", "birth_year": 1988}
    ).json()
    client.patch(
        f"/api/people/{created['id']}",
        headers=headers,
        json={"birth_year": 1987, "reason": "correction"},
    )
    history = client.get(f"/api/people/{created['id']}/history", headers=headers).json()
    assert [(v["version"], v["birth_year"], v["reason"]) for v in history] == [
        (1, 1988, "create"),
        (2, 1987, "correction"),
    ]
