"""The privacy pages do the jobs end to end: staff record and withdraw a consent on the form, the
officer runs retention from the page, an analyst reads and closes their register entry; a bad form
value is a Korean error page, never a 500, and changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from maeul_db.models import Consent, DestructionEntry, ProcessingRecord, Role
from tests.builders import make_person, make_user
from tests.web_login import csrf_token, log_in


def _signed_in(client: TestClient, username: str, page: str) -> str:
    assert log_in(client, username).status_code == 303
    return csrf_token(client.get(page).text)


def test_consent_form_records_and_withdraws(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    person = make_person(session, name="동의할사람")
    page = f"/privacy/people/{person.id}/consents"
    token = _signed_in(client, staff.username, page)
    form = {"purpose": "photos", "method": "paper", "given_on": "2024-05-01", "csrf_token": token}
    assert client.post(page, data=form, follow_redirects=False).status_code == 303
    row = session.exec(select(Consent).where(Consent.person_id == person.id)).one()
    assert (str(row.purpose), row.recorded_by_user_id) == ("photos", staff.id)
    shown = client.get(page).text
    assert "사진·영상 촬영" in shown and "동의할사람" in shown
    withdraw = f"{page}/{row.id}/withdraw"
    assert (
        client.post(withdraw, data={"csrf_token": token}, follow_redirects=False).status_code == 303
    )
    session.refresh(row)
    assert row.withdrawn_on is not None


def test_consent_form_refuses_an_unknown_purpose(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    person = make_person(session)
    page = f"/privacy/people/{person.id}/consents"
    token = _signed_in(client, staff.username, page)
    form = {
        "purpose": "marketing",
        "method": "paper",
        "given_on": "2024-05-01",
        "csrf_token": token,
    }
    response = client.post(page, data=form, follow_redirects=False)
    assert response.status_code == 422 and "알 수 없는 동의 항목" in response.text
    assert session.exec(select(Consent)).all() == []


def test_officer_runs_retention_from_the_page(client: TestClient, session: Session) -> None:
    old = datetime(2010, 1, 1, tzinfo=UTC)
    person = make_person(session, name="잊힐사람", created_at=old)
    admin = make_user(session, role=Role.city_admin, username="officer.page")
    token = _signed_in(client, admin.username, "/privacy/retention")
    assert f">{person.id}<" in client.get("/privacy/retention").text.replace(" ", "")
    response = client.post(
        "/privacy/retention/run", data={"csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303
    session.refresh(person)
    assert person.name == "***"
    entry = session.exec(
        select(DestructionEntry).where(DestructionEntry.rule == "inactive_participants")
    ).one()
    assert (entry.count, entry.approved_by_username) == (1, "officer.page")
    assert "officer.page" in client.get("/privacy/retention").text


def test_analyst_sees_and_closes_their_register_entry(client: TestClient, session: Session) -> None:
    analyst = make_user(session, role=Role.analyst)
    token = _signed_in(client, analyst.username, "/privacy/register")
    export = client.get(
        "/analytics/graph/export",
        params={"from": "2019-01-01", "to": "2019-12-31", "format": "csv"},
    )
    assert export.status_code == 200
    entry = session.exec(select(ProcessingRecord)).one()
    assert "person network csv" in client.get("/privacy/register").text
    done = f"/privacy/register/{entry.id}/destroyed"
    assert client.post(done, data={"csrf_token": token}, follow_redirects=False).status_code == 303
    session.refresh(entry)
    assert entry.destroyed_on is not None
