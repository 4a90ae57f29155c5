"""Careers: self-reported entries stay apart from verified ones; who may verify."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.models import Role
from tests.builders import DISTRICT_A, DISTRICT_B, DONG_A, bearer, make_person, make_user


def _job(person_id: int, district: str = DISTRICT_A) -> dict[str, object]:
    return {
        "person_id": person_id,
        "job_type": "village_autonomy_expert",
        "employer": "종로구 마을자치센터",
        "district_code": district,
        "dong_code": DONG_A if district == DISTRICT_A else None,
        "valid_from": "2020-01-01",
        "valid_to": "2022-01-01",
        "hours_per_week": "40",
    }


def test_expert_self_report_then_staff_verify(client: TestClient, session: Session) -> None:
    person = make_person(session)
    expert = make_user(session, role=Role.expert, person_id=person.id)
    staff = make_user(session, district_code=DISTRICT_A)
    created = client.post(
        "/api/careers", headers=bearer(client, expert.username), json=_job(person.id)
    )
    assert created.status_code == 201, created.text
    assert created.json()["verified"] is False
    career_id = created.json()["id"]
    own = client.post(f"/api/careers/{career_id}/verify", headers=bearer(client, expert.username))
    assert own.status_code == 403
    verified = client.post(
        f"/api/careers/{career_id}/verify", headers=bearer(client, staff.username)
    )
    assert verified.status_code == 200
    body = verified.json()
    assert body["verified"] and body["verified_by_user_id"] == staff.id and body["verified_at"]


def test_expert_cannot_report_for_someone_else(client: TestClient, session: Session) -> None:
    person, other = make_person(session), make_person(session)
    expert = make_user(session, role=Role.expert, person_id=person.id)
    response = client.post(
        "/api/careers", headers=bearer(client, expert.username), json=_job(other.id)
    )
    assert response.status_code == 403


def test_verify_other_district_not_found(client: TestClient, session: Session) -> None:
    person = make_person(session)
    staff = make_user(session, district_code=DISTRICT_A)
    created = client.post(
        "/api/careers", headers=bearer(client, staff.username), json=_job(person.id)
    )
    assert created.status_code == 201, created.text
    other = make_user(session, district_code=DISTRICT_B)
    response = client.post(
        f"/api/careers/{created.json()['id']}/verify", headers=bearer(client, other.username)
    )
    assert response.status_code == 404


def test_list_careers_anonymous_unauthorized(client: TestClient, session: Session) -> None:
    person = make_person(session)
    assert client.get(f"/api/careers/people/{person.id}").status_code == 401
