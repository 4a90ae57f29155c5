"""Identity at entry (issue 14): the person form and ``POST /api/people`` resolve a registration
as the import does: an exact match in the officer's district is pointed at, an exact match
elsewhere is attached without the other district's facts, a weak match creates the person and a
review candidate. Both databases (the ``session``/``client`` fixtures)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from maeul_db.identity.keys import fill_keys
from maeul_db.models import (
    AuditLog,
    Person,
    PersonDistrictLink,
    PersonMatchCandidate,
    UserAccount,
)
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_A,
    bearer,
    make_participation,
    make_person,
    make_project,
    make_user,
)
from tests.web_login import csrf_token, log_in

NAME, BIRTH, PHONE = "정다운", 1977, "01055501234"
FORM = {"name": NAME, "gender": "F", "birth_year": str(BIRTH), "phone": "010-5550-1234"}
SECRET_PROJECT = "종로비밀사업"


def _resident(session: Session, district: str, **overrides: Any) -> Person:
    values: dict[str, Any] = {
        "name": NAME,
        "birth_year": BIRTH,
        "phone": PHONE,
        "email": "dawoon@example.kr",
        "home_dong_code": DONG_A,
        "registered_district_code": district,
    } | overrides
    person = make_person(session, **values)
    fill_keys(person)
    session.add(person)
    session.flush()
    return person


def _people(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(Person)).one())


def _candidates(session: Session) -> list[PersonMatchCandidate]:
    return list(session.exec(select(PersonMatchCandidate)).all())


def _resident_with_a_fact_in_a(session: Session) -> Person:
    resident = _resident(session, DISTRICT_A)
    make_participation(session, project=make_project(session, name=SECRET_PROJECT), person=resident)
    return resident


def _post_form(client: TestClient, data: dict[str, str]) -> Any:
    token = csrf_token(client.get("/people/new").text)
    return client.post("/people/new", data=data | {"csrf_token": token}, follow_redirects=False)


def _staff_on_web(client: TestClient, session: Session, district: str) -> UserAccount:
    staff = make_user(session, district_code=district)
    assert log_in(client, staff.username).status_code == 303
    return staff


def test_register_exact_duplicate_in_district_through_page_links_instead_of_creating(
    client: TestClient, session: Session
) -> None:
    resident = _resident(session, DISTRICT_A)
    _staff_on_web(client, session, DISTRICT_A)
    before = _people(session)
    response = _post_form(client, FORM)
    assert response.status_code == 409
    assert 'data-resolution="existing"' in response.text
    assert f'href="/people/{resident.id}"' in response.text
    assert "이미 등록된 인물입니다" in response.text
    assert _people(session) == before and _candidates(session) == []


def test_register_exact_duplicate_in_district_through_api_links_instead_of_creating(
    client: TestClient, session: Session
) -> None:
    resident = _resident(session, DISTRICT_A)
    staff = make_user(session, district_code=DISTRICT_A)
    before = _people(session)
    body = {"name": NAME, "gender": "F", "birth_year": BIRTH, "phone": "010-5550-1234"}
    response = client.post("/api/people", headers=bearer(client, staff.username), json=body)
    assert response.status_code == 200
    data = response.json()
    assert (data["id"], data["resolution"], data["resolution_label"]) == (
        resident.id,
        "existing",
        "이미 등록된 인물",
    )
    assert _people(session) == before and _candidates(session) == []


def test_register_known_elsewhere_through_page_asks_then_attaches_without_disclosure(
    client: TestClient, session: Session
) -> None:
    resident = _resident_with_a_fact_in_a(session)
    staff_b = _staff_on_web(client, session, DISTRICT_B)
    before = _people(session)
    asked = _post_form(client, FORM)
    assert asked.status_code == 409 and 'data-resolution="elsewhere"' in asked.text
    # Asking writes nothing and names nobody: no link, no person, no detail of A's record.
    assert session.exec(select(PersonDistrictLink)).all() == []
    assert f"/people/{resident.id}" not in asked.text and "dawoon" not in asked.text
    attached = _post_form(client, FORM | {"attach": "yes"})
    assert attached.status_code == 303
    assert attached.headers["location"] == f"/people/{resident.id}?saved=person_attached"
    assert _people(session) == before and _candidates(session) == []
    [link] = session.exec(select(PersonDistrictLink)).all()
    assert (link.person_id, link.district_code, link.linked_by_user_id) == (
        resident.id,
        DISTRICT_B,
        staff_b.id,
    )
    audit = session.exec(select(AuditLog).where(AuditLog.action == "attach")).all()
    assert [(a.entity_id, a.district_code) for a in audit] == [(str(resident.id), DISTRICT_B)]
    page = client.get(f"/people/{resident.id}")
    assert page.status_code == 200 and NAME in page.text
    # A's project, phone and e-mail stay out of B's view (no contact consent).
    for hidden in (SECRET_PROJECT, "5550", "dawoon"):
        assert hidden not in page.text


def test_register_known_elsewhere_through_api_attaches_without_disclosure(
    client: TestClient, session: Session
) -> None:
    resident = _resident_with_a_fact_in_a(session)
    staff_b = make_user(session, district_code=DISTRICT_B)
    headers = bearer(client, staff_b.username)
    before = _people(session)
    body = {"name": NAME, "gender": "F", "birth_year": BIRTH, "email": "Dawoon@Example.kr"}
    response = client.post("/api/people", headers=headers, json=body)
    assert response.status_code == 200
    data = response.json()
    assert (data["id"], data["resolution"], data["contact_hidden"]) == (
        resident.id,
        "attached",
        True,
    )
    assert (data["phone"], data["email"], data["home_dong_code"]) == (None, None, None)
    assert _people(session) == before and _candidates(session) == []
    timeline = client.get(f"/api/people/{resident.id}/timeline", headers=headers).json()
    assert timeline["events"] == [] and timeline["partial"] is True
    # Registering again is now "existing": B already sees the person.
    again = client.post("/api/people", headers=headers, json=body).json()
    assert (again["id"], again["resolution"]) == (resident.id, "existing")
    assert len(session.exec(select(PersonDistrictLink)).all()) == 1


def test_register_weak_match_through_page_creates_and_queues_a_candidate(
    client: TestClient, session: Session
) -> None:
    resident = _resident(session, DISTRICT_A)
    _staff_on_web(client, session, DISTRICT_A)
    weak = FORM | {"phone": "010-9999-0000", "home_dong_code": DONG_A}
    response = _post_form(client, weak)
    assert response.status_code == 303 and response.headers["location"].endswith(
        "saved=person_review"
    )
    new_id = int(response.headers["location"].split("/")[2].split("?")[0])
    assert new_id != resident.id
    [candidate] = _candidates(session)
    assert (candidate.person_id, candidate.candidate_person_id, candidate.reason) == (
        new_id,
        resident.id,
        "name_birth_home_dong",
    )


def test_register_weak_match_through_api_creates_and_queues_a_candidate(
    client: TestClient, session: Session
) -> None:
    resident = _resident(session, DISTRICT_B)
    staff = make_user(session, district_code=DISTRICT_A)
    body = {"name": NAME, "gender": "F", "birth_year": BIRTH}
    response = client.post("/api/people", headers=bearer(client, staff.username), json=body)
    assert response.status_code == 201
    data = response.json()
    assert data["resolution"] == "created" and data["id"] != resident.id
    [candidate] = _candidates(session)
    assert data["review_candidate_ids"] == [candidate.id]
    assert (candidate.candidate_person_id, candidate.district_code) == (resident.id, DISTRICT_A)


def test_review_queue_shows_masked_contact_dong_and_facts_here(
    client: TestClient, session: Session
) -> None:
    resident = _resident_with_a_fact_in_a(session)
    staff = make_user(session, district_code=DISTRICT_A)
    headers = bearer(client, staff.username)
    body = {"name": NAME, "gender": "F", "birth_year": BIRTH, "phone": "010-4444-8888"}
    assert client.post("/api/people", headers=headers, json=body).status_code == 201
    [row] = client.get("/api/identity/candidates", headers=headers).json()["data"]
    other = row["candidate"]
    assert other["id"] == resident.id
    assert (other["phone_masked"], other["email_masked"]) == ("010-****-1234", "d*****@example.kr")
    assert (other["home_dong_name"], other["birth_year"]) == ("청운효자동", BIRTH)
    assert other["facts_here"]["participation"] == 1
    assert row["person"]["phone_masked"] == "010-****-8888"
    assert row["person"]["facts_here"]["participation"] == 0
    assert log_in(client, staff.username).status_code == 303
    page = client.get("/identity/candidates").text
    for shown in ("010-****-1234", "d*****@example.kr", "청운효자동", "사업 참여 1"):
        assert shown in page
    assert PHONE not in page and "01044448888" not in page
