"""What schemathesis found (issue 9), pinned: explicit nulls, unknown references, a district-less
admin write and naive datetimes are a 422 or an aware value, never a server error."""

from __future__ import annotations

from datetime import datetime

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.models import Role
from tests.builders import DISTRICT_A, bearer, make_person, make_project, make_user


def test_patch_with_explicit_null_on_required_field_is_422(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session)
    person = make_person(session)
    project = make_project(session)
    headers = bearer(client, staff.username)
    for url, body in (
        (f"/api/people/{person.id}", {"name": None}),
        (f"/api/people/{person.id}", {"birth_year": None}),
        (f"/api/projects/{project.id}", {"grant_krw": None}),
    ):
        response = client.patch(url, headers=headers, json=body)
        assert response.status_code == 422, (url, body, response.text)
    # null still clears a field that may be empty
    cleared = client.patch(f"/api/people/{person.id}", headers=headers, json={"email": None})
    assert cleared.status_code == 200, cleared.text


def test_unknown_person_and_district_are_422(client: TestClient, session: Session) -> None:
    admin = make_user(session, role=Role.city_admin)
    headers = bearer(client, admin.username)
    project = make_project(session)
    response = client.post(
        f"/api/projects/{project.id}/participants",
        headers=headers,
        json={"person_id": 987654321, "valid_from": "2020-01-01"},
    )
    assert response.status_code == 422, response.text
    assert response.json()["field"] == "person_id"
    group = {"name": "g", "founded_on": "2020-01-01"}
    response = client.post("/api/groups", headers=headers, json=group)
    assert response.status_code == 422, response.text  # the admin must name a district
    response = client.post("/api/groups", headers=headers, json={**group, "district_code": "11999"})
    assert response.status_code == 422, response.text
    # an empty dong code is not "no dong": it names no dong (a 422, not a foreign-key error)
    empty_dong = {**group, "district_code": DISTRICT_A, "dong_code": ""}
    response = client.post("/api/groups", headers=headers, json=empty_dong)
    assert response.status_code == 422, response.text
    person = {"name": "n", "gender": "F", "birth_year": 1980, "registered_district_code": "11999"}
    response = client.post("/api/people", headers=headers, json=person)
    assert response.status_code == 422, response.text


def test_response_datetimes_carry_a_timezone(client: TestClient, session: Session) -> None:
    admin = make_user(session, role=Role.city_admin)
    person = make_person(session)
    headers = bearer(client, admin.username)
    assert client.get(f"/api/people/{person.id}", headers=headers).status_code == 200  # logged
    response = client.get("/api/access-log", headers=headers)
    assert response.status_code == 200, response.text
    rows = response.json()["data"]
    assert rows
    for row in rows:
        assert datetime.fromisoformat(row["at"]).tzinfo is not None, row["at"]
