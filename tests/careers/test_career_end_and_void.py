"""A job ends (it stopped: still listed, with its end) or is voided (never true: gone from the
person's careers and certificates); a placement voided leaves the placements in force. Audited."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from maeul_db.careers import service as career_service
from maeul_db.models import AuditLog
from tests.builders import (
    DISTRICT_B,
    bearer,
    make_career,
    make_person,
    make_placement,
    make_user,
)


def test_end_keeps_a_career_and_void_removes_it(client: TestClient, session: Session) -> None:
    person = make_person(session)
    ended = make_career(session, person=person, valid_to=None)
    wrong = make_career(session, person=person, employer="잘못 입력한 기관")
    headers = bearer(client, make_user(session).username)
    closed = client.post(
        f"/api/careers/{ended.id}/close",
        json={"valid_to": "2023-01-01", "why": "사업 종료"},
        headers=headers,
    )
    assert closed.status_code == 200, closed.text
    voided = client.post(
        f"/api/careers/{wrong.id}/void", json={"why": "다른 사람 경력"}, headers=headers
    )
    assert voided.status_code == 200, voided.text
    listed = client.get(f"/api/careers/people/{person.id}", headers=headers).json()
    assert [(c["id"], c["valid_to"]) for c in listed] == [(ended.id, "2023-01-01")]
    certified = career_service.verified_for_certificate(session, person_id=person.id)
    assert [c.id for c in certified] == [ended.id]
    actions = session.exec(select(AuditLog.action).where(AuditLog.entity == "career")).all()
    assert sorted(actions) == ["close", "void"]
    other = bearer(client, make_user(session, district_code=DISTRICT_B).username)
    refused = client.post(f"/api/careers/{ended.id}/void", json={"why": "x"}, headers=other)
    assert refused.status_code in (403, 404)


def test_void_a_placement_drops_it_from_the_placements_in_force(
    client: TestClient, session: Session
) -> None:
    person = make_person(session)
    placement = make_placement(session, person=person, valid_from=date(2020, 1, 1))
    headers = bearer(client, make_user(session).username)
    voided = client.post(
        f"/api/experts/placements/{placement.id}/void",
        json={"reason": "선발되지 않은 사람"},
        headers=headers,
    )
    assert voided.status_code == 200, voided.text
    listed = client.get("/api/experts/placements", headers=headers).json()
    assert placement.id not in [p["id"] for p in listed]
    again = client.post(
        f"/api/experts/placements/{placement.id}/void", json={"reason": "x"}, headers=headers
    )
    assert again.status_code in (404, 409)
