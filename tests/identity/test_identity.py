"""One person across districts: keys, exact links, the review queue, merge and unmerge."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlmodel import Session, col, select

from maeul_db.config import Settings
from maeul_db.errors import Conflict, NotFound
from maeul_db.identity import entry, service
from maeul_db.identity.keys import KeyMaker, keys_for
from maeul_db.identity.merges import merged_ids, survivor_id, with_survivors
from maeul_db.imports import service as import_service
from maeul_db.models import AuditLog, Gender, MatchStatus, Person, PersonMatchCandidate, Role
from maeul_db.participants.schemas import PersonCreate
from maeul_db.participants.visibility import people_with_facts_in
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
from tests.imports.roster import COL, csv_bytes, roster_rows


def test_keys_equal_for_normalised_details_and_depend_on_the_server_key() -> None:
    a = keys_for(name="김민지", birth_year=1980, phone="01012345678", email=None)
    b = keys_for(name="김민지", birth_year=1980, phone="01012345678", email=None)
    assert a == b and a.name_birth_email is None and len(a.name_birth) == 64
    other = KeyMaker("another-server-key").keys(
        name="김민지", birth_year=1980, phone="01012345678", email=None
    )
    assert other.name_birth_phone != a.name_birth_phone
    assert (
        keys_for(name="김민지", birth_year=1981, phone="01012345678", email=None).name_birth
        != a.name_birth
    )


def test_production_refuses_placeholder_identity_key() -> None:
    from tests.test_config import STRONG

    with pytest.raises(ValidationError, match="MAEUL_IDENTITY_KEY"):
        Settings(
            **{**STRONG, "identity_key": "dev-identity-key-change-me"}, environment="production"
        )
    assert Settings(**STRONG, environment="production")


def test_person_create_and_update_fill_keys(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    headers = bearer(client, staff.username)
    created = client.post(
        "/api/people",
        headers=headers,
        json={"name": "박 서 연", "gender": "F", "birth_year": 1990, "phone": "010-5555-1234"},
    )
    assert created.status_code == 201, created.text
    person = session.get(Person, created.json()["id"])
    assert person is not None
    assert (
        person.key_name_birth_phone
        == keys_for(
            name="박서연", birth_year=1990, phone="01055551234", email=None
        ).name_birth_phone
    )
    client.patch(f"/api/people/{person.id}", headers=headers, json={"email": "A@B.kr"})
    session.refresh(person)
    assert person.key_name_birth_email is not None


def test_register_exact_links_and_weak_goes_to_review(session: Session) -> None:
    staff = make_user(session)
    data = PersonCreate(
        name="이하은",
        gender=Gender.female,
        birth_year=1985,
        phone="010-7777-0001",
        home_dong_code=DONG_A,
    )
    first, outcome, _ = entry.register(session, user=staff, candidate=data)
    assert outcome == "created" and first is not None
    again, outcome_again, review = entry.register(session, user=staff, candidate=data)
    assert again is not None
    assert (again.id, outcome_again, review) == (first.id, "existing", [])
    weak = PersonCreate(name="이하은", gender=Gender.female, birth_year=1985, home_dong_code=DONG_A)
    new, outcome_new, review = entry.register(session, user=staff, candidate=weak)
    assert outcome_new == "created" and new is not None and new.id != first.id
    assert [(c.candidate_person_id, c.reason, c.status) for c in review] == [
        (first.id, "name_birth_home_dong", MatchStatus.open)
    ]


def test_exact_match_links_across_districts_b_sees_only_a_marker(
    client: TestClient, session: Session
) -> None:
    staff_a = make_user(session)
    staff_b = make_user(session, district_code=DISTRICT_B)
    rows_a = roster_rows(3)
    import_service.run_import(
        session,
        content=csv_bytes(rows_a),
        filename="a.csv",
        district_code=DISTRICT_A,
        actor=staff_a,
    )
    shared = rows_a[0]
    row_b = list(shared)
    row_b[COL["district"]], row_b[COL["dong"]] = "중구", "소공동"
    row_b[COL["project"]], row_b[COL["group"]], row_b[COL["home_dong"]] = "중구사업", "중구모임", ""
    report = import_service.run_import(
        session,
        content=csv_bytes([row_b]),
        filename="b.csv",
        district_code=DISTRICT_B,
        actor=staff_b,
    ).report
    assert (report.created.people, report.created.people_linked) == (0, 1)
    person = session.exec(select(Person).where(Person.name == shared[COL["name"]])).one()
    assert person.registered_district_code == DISTRICT_A

    headers_b = bearer(client, staff_b.username)
    marker = client.get(f"/api/identity/people/{person.id}/elsewhere", headers=headers_b)
    assert marker.status_code == 200
    assert marker.json() == {
        "person_id": person.id,
        "known_elsewhere": True,
        "possibly_elsewhere": False,
    }
    # B reads the core details (a fact of B's now) but none of A's facts.
    assert client.get(f"/api/people/{person.id}", headers=headers_b).status_code == 200
    projects_b = client.get("/api/projects", headers=headers_b).json()["data"]
    assert [p["name"] for p in projects_b] == ["중구사업"]
    a_project = session.exec(select(PersonMatchCandidate)).all()
    assert a_project == []
    # A person with no fact in B stays invisible there, marker included.
    other = session.exec(select(Person).where(Person.name == rows_a[1][COL["name"]])).one()
    hidden = client.get(f"/api/identity/people/{other.id}/elsewhere", headers=headers_b)
    assert hidden.status_code == 404


def _candidate(session: Session) -> tuple[Person, Person, PersonMatchCandidate]:
    survivor = make_person(
        session, name="최도윤", birth_year=1977, phone=None, registered_district_code=DISTRICT_A
    )
    duplicate = make_person(
        session, name="최도윤", birth_year=1977, phone=None, registered_district_code=DISTRICT_B
    )
    row = PersonMatchCandidate(
        person_id=duplicate.id,
        candidate_person_id=survivor.id,
        district_code=DISTRICT_B,
        reason="name_birth",
    )
    session.add(row)
    session.flush()
    return survivor, duplicate, row


def test_merge_and_unmerge_are_audited_and_facts_follow_the_survivor(
    client: TestClient, session: Session
) -> None:
    survivor, duplicate, row = _candidate(session)
    make_participation(
        session, project=make_project(session, district_code=DISTRICT_B), person=duplicate
    )
    staff_b = make_user(session, district_code=DISTRICT_B)
    staff_a = make_user(session)
    headers_b = bearer(client, staff_b.username)

    queue = client.get("/api/identity/candidates", headers=headers_b).json()
    assert queue["count"] == 1
    assert queue["data"][0]["candidate"] is None and queue["data"][0]["elsewhere"] is True
    assert (
        client.get("/api/identity/candidates", headers=bearer(client, staff_a.username)).json()[
            "count"
        ]
        == 0
    )
    with pytest.raises(NotFound):
        service.merge(session, user=staff_a, candidate_id=row.id or 0)

    # The two are registered in different districts: the city admin's merge (issue 9).
    admin = make_user(session, role=Role.city_admin)
    headers_admin = bearer(client, admin.username)
    merged = client.post(f"/api/identity/candidates/{row.id}/merge", headers=headers_admin)
    assert merged.status_code == 200, merged.text
    session.refresh(duplicate)
    assert duplicate.merged_into_id == survivor.id
    assert survivor_id(session, duplicate.id or 0) == survivor.id
    assert merged_ids(session, survivor.id or 0) == sorted([survivor.id, duplicate.id])
    facts_b = session.connection().execute(with_survivors(people_with_facts_in(DISTRICT_B)))
    assert survivor.id in set(facts_b.scalars())
    assert (
        client.get("/api/identity/candidates?status=merged", headers=headers_b).json()["data"][0][
            "candidate"
        ]["id"]
        == survivor.id
    )
    with pytest.raises(Conflict):
        service.merge(session, user=admin, candidate_id=row.id or 0)

    assert (
        client.post(f"/api/identity/candidates/{row.id}/unmerge", headers=headers_b).status_code
        == 403
    )
    unmerged = client.post(f"/api/identity/candidates/{row.id}/unmerge", headers=headers_admin)
    assert unmerged.status_code == 200 and unmerged.json()["status"] == "unmerged"
    session.refresh(duplicate)
    assert duplicate.merged_into_id is None
    actions = session.exec(
        select(AuditLog.action)
        .where(AuditLog.entity == "person", AuditLog.entity_id == str(duplicate.id))
        .order_by(col(AuditLog.id))
    ).all()
    assert actions[-2:] == ["merge", "unmerge"]


def test_dismiss_and_wrong_roles(client: TestClient, session: Session) -> None:
    _, _, row = _candidate(session)
    staff_b = make_user(session, district_code=DISTRICT_B)
    assert (
        client.post(
            f"/api/identity/candidates/{row.id}/dismiss", headers=bearer(client, staff_b.username)
        ).json()["status"]
        == "dismissed"
    )
    analyst = make_user(session, role="analyst")  # type: ignore[arg-type]
    # The service refuses the queue to analysts, as it does the decisions (one rule, both doors).
    assert (
        client.get("/api/identity/candidates", headers=bearer(client, analyst.username)).status_code
        == 403
    )
    assert (
        client.post(
            f"/api/identity/candidates/{row.id}/unmerge", headers=bearer(client, analyst.username)
        ).status_code
        == 403
    )
