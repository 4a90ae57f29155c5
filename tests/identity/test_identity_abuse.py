"""Identity cannot be used to reach across districts (issue 9, item 2; docs/security.md
"Identity abuse"): a district that links, places or probes another district's resident learns
only the core details once it holds a fact, cannot rewrite them, cannot merge across districts,
and a match probe writes nothing and answers nothing for other districts."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from maeul_db.identity.keys import fill_keys
from maeul_db.imports import service as import_service
from maeul_db.models import (
    AccessLog,
    AuditLog,
    MatchStatus,
    Person,
    PersonMatchCandidate,
    Role,
)
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_A,
    DONG_B,
    bearer,
    complete_program,
    make_person,
    make_program,
    make_user,
)
from tests.imports.roster import COL, csv_bytes, roster_rows
from tests.web_login import log_in

NAME, BIRTH, PHONE, EMAIL = "한가람", 1975, "01098765432", "garam.secret@example.kr"
PHONE_SHOWN = "010-9876-5432"


def _resident_of_a(session: Session, **overrides: Any) -> Person:
    values: dict[str, Any] = {
        "name": NAME,
        "birth_year": BIRTH,
        "phone": PHONE,
        "email": EMAIL,
        "home_dong_code": DONG_A,
        "registered_district_code": DISTRICT_A,
    }
    person = make_person(session, **(values | overrides))
    fill_keys(person)  # as registering does (the builder stores rows as given)
    session.add(person)
    session.flush()
    return person


def _import_into_b(session: Session, staff_b: Any) -> int:
    """A one-row roster of district B naming A's resident by name + birth year + phone."""
    row = roster_rows(1)[0]
    row[COL["district"]], row[COL["dong"]] = "중구", "소공동"
    row[COL["project"]], row[COL["group"]], row[COL["home_dong"]] = "중구사업", "중구모임", ""
    row[COL["name"]], row[COL["gender"]], row[COL["birth_year"]] = NAME, "여", str(BIRTH)
    row[COL["phone"]], row[COL["email"]] = PHONE_SHOWN, ""
    report = import_service.run_import(
        session, content=csv_bytes([row]), filename="b.csv", district_code=DISTRICT_B, actor=staff_b
    ).report
    return report.created.people_linked


def _contact_of(body: dict[str, Any]) -> tuple[Any, Any, Any]:
    return body["phone"], body["email"], body["home_dong_code"]


def test_import_linking_another_districts_person_hides_contact(
    client: TestClient, session: Session
) -> None:
    resident = _resident_of_a(session)
    staff_a = make_user(session, district_code=DISTRICT_A)
    staff_b = make_user(session, district_code=DISTRICT_B)
    assert _import_into_b(session, staff_b) == 1  # linked: a person is city-wide
    headers_b = bearer(client, staff_b.username)

    read = client.get(f"/api/people/{resident.id}", headers=headers_b)
    assert read.status_code == 200, read.text
    body = read.json()
    assert (body["name"], body["birth_year"]) == (NAME, BIRTH)  # core details: a fact exists
    assert _contact_of(body) == (None, None, None) and body["contact_hidden"] is True
    history = client.get(f"/api/people/{resident.id}/history", headers=headers_b)
    assert history.status_code == 200 and EMAIL not in history.text and PHONE not in history.text
    # A phone search must not confirm the phone either.
    found = client.get("/api/people", params={"q": PHONE}, headers=headers_b).json()
    assert resident.id not in [p["id"] for p in found["data"]]

    assert log_in(client, staff_b.username).status_code == 303
    page = client.get(f"/people/{resident.id}")
    assert page.status_code == 200 and NAME in page.text
    assert EMAIL not in page.text and PHONE_SHOWN not in page.text
    assert "data-contact-hidden" in page.text

    # The registering district still reads everything.
    own = client.get(f"/api/people/{resident.id}", headers=bearer(client, staff_a.username))
    assert _contact_of(own.json()) == (PHONE, EMAIL, DONG_A)


def test_consent_to_contact_opens_contact_data_to_a_district_with_a_fact(
    client: TestClient, session: Session
) -> None:
    resident = _resident_of_a(session, consent_scopes="contact,participation")
    staff_b = make_user(session, district_code=DISTRICT_B)
    assert _import_into_b(session, staff_b) == 1
    body = client.get(f"/api/people/{resident.id}", headers=bearer(client, staff_b.username))
    assert _contact_of(body.json()) == (PHONE, EMAIL, DONG_A)
    assert body.json()["contact_hidden"] is False


def test_placement_from_the_pool_does_not_open_contact_data(
    client: TestClient, session: Session
) -> None:
    resident = _resident_of_a(session)
    for stage in ("basic", "lecture_practice", "expert_activist"):
        complete_program(session, program=make_program(session, stage=stage), person=resident)
    staff_b = make_user(session, district_code=DISTRICT_B)
    headers_b = bearer(client, staff_b.username)
    placed = client.post(
        "/api/experts/placements",
        headers=headers_b,
        json={"person_id": resident.id, "dong_code": DONG_B, "valid_from": "2022-01-01"},
    )
    assert placed.status_code == 201, placed.text
    read = client.get(f"/api/people/{resident.id}", headers=headers_b)
    assert read.status_code == 200 and _contact_of(read.json()) == (None, None, None)
    assert EMAIL not in read.text


def test_changing_details_of_a_person_registered_elsewhere_is_refused(
    client: TestClient, session: Session
) -> None:
    resident = _resident_of_a(session)
    staff_b = make_user(session, district_code=DISTRICT_B)
    assert _import_into_b(session, staff_b) == 1
    headers_b = bearer(client, staff_b.username)
    for change in ({"phone": "010-1111-2222"}, {"email": "taken@example.kr"}, {"name": "남의이름"}):
        refused = client.patch(f"/api/people/{resident.id}", headers=headers_b, json=change)
        assert refused.status_code == 403, refused.text
        assert refused.json()["code"] == "identity.details_elsewhere"
    session.refresh(resident)
    assert (resident.name, resident.phone, resident.email, resident.version) == (
        NAME,
        PHONE,
        EMAIL,
        1,
    )
    assert log_in(client, staff_b.username).status_code == 303
    assert client.get(f"/people/{resident.id}/edit").status_code == 403

    # The registering district and the city admin may.
    staff_a = make_user(session, district_code=DISTRICT_A)
    admin = make_user(session, role=Role.city_admin)
    for user, phone in ((staff_a, "010-3333-4444"), (admin, "010-5555-6666")):
        changed = client.patch(
            f"/api/people/{resident.id}",
            headers=bearer(client, user.username),
            json={"phone": phone},
        )
        assert changed.status_code == 200, changed.text
        assert changed.json()["phone"] == phone.replace("-", "")


def _look_alike(session: Session, *, of: Person, district: str) -> PersonMatchCandidate:
    """A local person with ``of``'s name and birth year, queued against ``of`` (as registering
    or importing them queues it)."""
    local = _resident_of_a(session, phone=None, email=None, registered_district_code=district)
    row = PersonMatchCandidate(
        person_id=local.id, candidate_person_id=of.id, district_code=district, reason="name_birth"
    )
    session.add(row)
    session.flush()
    return row


def test_merge_across_districts_needs_the_city_admin(client: TestClient, session: Session) -> None:
    resident = _resident_of_a(session)
    candidate = _look_alike(session, of=resident, district=DISTRICT_B)
    staff_b = make_user(session, district_code=DISTRICT_B)
    headers_b = bearer(client, staff_b.username)

    refused = client.post(f"/api/identity/candidates/{candidate.id}/merge", headers=headers_b)
    assert refused.status_code == 403
    assert refused.json()["code"] == "identity.merge_across_districts"
    local = session.get(Person, candidate.person_id)
    assert local is not None
    session.refresh(local)
    session.refresh(candidate)
    assert local.merged_into_id is None and candidate.status == MatchStatus.open
    # Nothing opened either: A's resident stays out of B's reach.
    assert client.get(f"/api/people/{resident.id}", headers=headers_b).status_code == 404

    admin = make_user(session, role=Role.city_admin)
    merged = client.post(
        f"/api/identity/candidates/{candidate.id}/merge", headers=bearer(client, admin.username)
    )
    assert merged.status_code == 200, merged.text
    session.refresh(local)
    assert local.merged_into_id == resident.id


def test_merge_within_one_district_stays_the_district_staffs(
    client: TestClient, session: Session
) -> None:
    first = _resident_of_a(session)
    candidate = _look_alike(session, of=first, district=DISTRICT_A)
    staff_a = make_user(session, district_code=DISTRICT_A)
    merged = client.post(
        f"/api/identity/candidates/{candidate.id}/merge", headers=bearer(client, staff_a.username)
    )
    assert merged.status_code == 200, merged.text
    assert merged.json()["candidate"]["id"] == first.id


def _row_counts(session: Session) -> tuple[int, ...]:
    return tuple(
        session.exec(select(func.count()).select_from(model)).one()
        for model in (Person, PersonMatchCandidate, AccessLog, AuditLog)
    )


def test_match_probe_writes_nothing_and_answers_nothing_for_other_districts(
    client: TestClient, session: Session
) -> None:
    resident = _resident_of_a(session)
    staff_a = make_user(session, district_code=DISTRICT_A)
    staff_b = make_user(session, district_code=DISTRICT_B)
    headers_a, headers_b = bearer(client, staff_a.username), bearer(client, staff_b.username)
    probe = {"name": NAME, "birth_year": BIRTH, "phone": PHONE_SHOWN}
    before = _row_counts(session)

    elsewhere = client.post("/api/identity/match", headers=headers_b, json=probe)
    assert elsewhere.status_code == 200 and elsewhere.json() == {"person_id": None}
    missing = client.post(
        "/api/identity/match", headers=headers_b, json=probe | {"name": "없는사람"}
    )
    assert missing.json() == elsewhere.json()  # the same answer: no oracle
    own = client.post("/api/identity/match", headers=headers_a, json=probe)
    assert own.json() == {"person_id": resident.id}
    assert _row_counts(session) == before

    # Registering with A's exact key attaches A's resident to B (issue 14): no second person, no
    # candidate, and B sees the core details and none of A's contact data or facts.
    registered = client.post(
        "/api/identity/register", headers=headers_b, json=probe | {"gender": "F"}
    ).json()
    assert (registered["person_id"], registered["created"], registered["resolution"]) == (
        resident.id,
        False,
        "attached",
    )
    assert registered["review_candidate_ids"] == []
    shown = client.get(f"/api/people/{resident.id}", headers=headers_b).json()
    assert (shown["phone"], shown["email"], shown["contact_hidden"]) == (None, None, True)
    assert (
        client.get(f"/api/people/{resident.id}/timeline", headers=headers_b).json()["events"] == []
    )
    assert client.post("/api/identity/resolve", headers=headers_b, json=probe).status_code in (
        404,
        405,
    )
