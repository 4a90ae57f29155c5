from __future__ import annotations

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


def test_create_activity_and_record_attendance(client: TestClient, session: Session) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    headers = bearer(client, staff.username)
    project = make_project(session)
    people = [make_person(session) for _ in range(3)]
    for person in people:
        make_participation(session, project=project, person=person)
    created = client.post(
        "/api/activities",
        headers=headers,
        json={
            "title": "네트워크 파티",
            "kind": "network_party",
            "held_on": "2019-11-30",
            "hours": "2.5",
            "project_id": project.id,
        },
    )
    assert created.status_code == 201, created.text
    activity = created.json()
    assert activity["district_code"] == DISTRICT_A
    recorded = client.post(
        f"/api/activities/{activity['id']}/attendance",
        headers=headers,
        json={"person_ids": [p.id for p in people]},
    )
    assert recorded.status_code == 201
    assert {r["hours"] for r in recorded.json()} == {"2.50"}
    again = client.post(
        f"/api/activities/{activity['id']}/attendance",
        headers=headers,
        json={"person_ids": [people[0].id]},
    )
    assert again.status_code == 409 and again.json()["field"] == "person_ids"
    listed = client.get(f"/api/activities/{activity['id']}/attendance", headers=headers).json()
    assert sorted(r["person_id"] for r in listed) == sorted(p.id for p in people)
    assert client.get(f"/api/activities/{activity['id']}", headers=headers).json()["headcount"] == 3


def test_activity_requires_project_or_group_in_own_district(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    headers = bearer(client, staff.username)
    response = client.post(
        "/api/activities", headers=headers, json={"title": "모임", "held_on": "2019-05-01"}
    )
    assert response.status_code == 422 and response.json()["field"] == "project_id"
    other_group = make_group(session, district_code=DISTRICT_B)
    response = client.post(
        "/api/activities",
        headers=headers,
        json={"title": "모임", "held_on": "2019-05-01", "group_id": other_group.id},
    )
    assert response.status_code == 404


def test_attendance_of_a_person_outside_the_district_is_refused(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    headers = bearer(client, staff.username)
    group = make_group(session)
    activity = client.post(
        "/api/activities",
        headers=headers,
        json={"title": "정기모임", "held_on": "2020-02-02", "group_id": group.id},
    ).json()
    stranger = make_person(session, registered_district_code=DISTRICT_B)
    response = client.post(
        f"/api/activities/{activity['id']}/attendance",
        headers=headers,
        json={"person_ids": [stranger.id]},
    )
    assert response.status_code == 404
    assert client.get(f"/api/activities/{activity['id']}/attendance", headers=headers).json() == []
