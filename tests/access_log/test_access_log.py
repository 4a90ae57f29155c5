from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session, col, select

from maeul_db.access_log import service
from maeul_db.kit.pagination import Page
from maeul_db.models import AccessLog, Role, UserAccount
from tests.builders import DISTRICT_A, DISTRICT_B, bearer, make_person, make_user
from tests.web_login import log_in


def _rows(session: Session) -> list[AccessLog]:
    return list(session.exec(select(AccessLog).order_by(col(AccessLog.id))).all())


def test_every_personal_data_read_is_logged(client: TestClient, session: Session) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    p1, p2 = make_person(session), make_person(session)
    headers = bearer(client, staff.username)
    before = len(_rows(session))
    assert client.get("/api/people", headers=headers).status_code == 200
    assert client.get(f"/api/people/{p1.id}", headers=headers).status_code == 200
    assert client.get(f"/api/people/{p2.id}/history", headers=headers).status_code == 200
    rows = _rows(session)[before:]
    assert [r.action for r in rows] == ["people.list", "person.read", "person.history"]
    assert all(r.actor_username == staff.username and r.district_code == DISTRICT_A for r in rows)
    assert all(r.source_address == "testclient" for r in rows)
    assert f",{p1.id}," in rows[0].person_ids and f",{p2.id}," in rows[0].person_ids
    assert rows[1].person_ids == f",{p1.id}," and rows[2].person_ids == f",{p2.id},"


def test_web_people_page_is_logged(client: TestClient, session: Session) -> None:

    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    person = make_person(session)
    assert log_in(client, staff.username).status_code == 303
    before = len(_rows(session))
    assert client.get("/people").status_code == 200
    new = _rows(session)[before:]
    assert len(new) == 1 and new[0].action == "people.list"
    assert f",{person.id}," in new[0].person_ids


def test_not_found_and_empty_reads_log_nothing(client: TestClient, session: Session) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_B)
    other = make_person(session, registered_district_code=DISTRICT_A)
    headers = bearer(client, staff.username)
    before = len(_rows(session))
    assert client.get(f"/api/people/{other.id}", headers=headers).status_code == 404
    assert client.get("/api/people?q=없는이름", headers=headers).json()["count"] == 0
    assert len(_rows(session)) == before


def test_chain_verifies_and_detects_tampering(session: Session) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    people = [make_person(session) for _ in range(3)]
    for person in people:
        service.record(
            session,
            actor=staff,
            action="read_person",
            person_ids=[person.id],
            source_address="10.0.0.1",
        )
    assert service.verify_chain(session).ok
    target = _rows(session)[-2]
    # A DBA with direct access bypasses the application's append-only triggers.
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        session.exec(text("DROP TRIGGER access_log_no_update"))
    else:
        session.exec(text("ALTER TABLE access_log DISABLE TRIGGER access_log_append_only"))
    session.exec(
        text("UPDATE access_log SET person_ids = ',999,' WHERE id = :id").bindparams(id=target.id)
    )
    session.expire_all()
    check = service.verify_chain(session)
    assert not check.ok and check.first_bad_id == target.id and "changed" in (check.reason or "")


def test_chain_detects_a_deleted_row(session: Session) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    for _ in range(3):
        service.record(
            session,
            actor=staff,
            action="read_person",
            person_ids=[make_person(session).id],
            source_address=None,
        )
    rows = _rows(session)
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        session.exec(text("DROP TRIGGER access_log_no_delete"))
    else:
        session.exec(text("ALTER TABLE access_log DISABLE TRIGGER access_log_append_only"))
    session.exec(text("DELETE FROM access_log WHERE id = :id").bindparams(id=rows[-2].id))
    session.expire_all()
    check = service.verify_chain(session)
    assert not check.ok and check.first_bad_id == rows[-1].id and "removed" in (check.reason or "")


def test_application_cannot_update_the_log(session: Session) -> None:
    import pytest
    from sqlalchemy.exc import DBAPIError

    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    row = service.record(
        session,
        actor=staff,
        action="read_person",
        person_ids=[make_person(session).id],
        source_address=None,
    )
    assert row is not None
    with pytest.raises(DBAPIError, match="append-only"), session.begin_nested():
        session.exec(
            text("UPDATE access_log SET action = 'x' WHERE id = :id").bindparams(id=row.id)
        )


def test_staff_see_their_district_log_and_person_sees_who_viewed(
    client: TestClient, session: Session
) -> None:
    person = make_person(session)
    staff_a = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    staff_b = make_user(session, role=Role.district_staff, district_code=DISTRICT_B)
    expert = make_user(session, role=Role.expert, person_id=person.id)
    client.get(f"/api/people/{person.id}", headers=bearer(client, staff_a.username))
    log_a = client.get("/api/access-log", headers=bearer(client, staff_a.username)).json()
    assert log_a["count"] >= 1 and all(r["district_code"] == DISTRICT_A for r in log_a["data"])
    log_b = client.get("/api/access-log", headers=bearer(client, staff_b.username)).json()
    assert all(r["district_code"] == DISTRICT_B for r in log_b["data"])
    mine = client.get("/api/access-log", headers=bearer(client, expert.username)).json()
    assert staff_a.username in {r["actor_username"] for r in mine["data"]}
    assert all(person.id in r["person_ids"] for r in mine["data"])
    analyst = make_user(session, role=Role.analyst)
    assert (
        client.get("/api/access-log", headers=bearer(client, analyst.username)).status_code == 403
    )
    rows, _ = service.list_for(session, user=staff_b, page=Page(50, 0))
    assert all(r.district_code == DISTRICT_B for r in rows)


def test_verify_endpoint_answers_staff_and_admin_but_not_analysts(
    client: TestClient, session: Session
) -> None:
    # Issue 16: district staff verify the chain too (the answer holds no row's content).
    admin = make_user(session, role=Role.city_admin)
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    analyst = make_user(session, role=Role.analyst)
    assert (
        client.get("/api/access-log/verify", headers=bearer(client, analyst.username)).status_code
        == 403
    )
    for user in (staff, admin):
        body = client.get("/api/access-log/verify", headers=bearer(client, user.username)).json()
        assert body["ok"] is True


def test_access_log_rules_are_the_services(session: Session) -> None:
    from maeul_db.errors import Forbidden

    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    analyst = make_user(session, role=Role.analyst)
    # Account creation refuses this; the service must not rely on it (no filter = the whole log).
    unlinked_expert = UserAccount(username="nobody", password_hash="", role=Role.expert)
    person = make_person(session)
    service.record(session, actor=staff, action="read_person", person_ids=[person.id])
    # Checking the chain: district staff and the city admin (issue 16), never an analyst or an
    # expert, whoever calls.
    assert service.verify(session, user=staff).ok
    for user in (analyst, unlinked_expert):
        with pytest.raises(Forbidden):
            service.verify(session, user=user)
    # Listing: analysts, and an expert account without a person, see nothing at all.
    for user in (analyst, unlinked_expert):
        with pytest.raises(Forbidden):
            service.list_for(session, user=user, page=Page())
    admin = make_user(session, role=Role.city_admin)
    assert service.verify(session, user=admin).ok
