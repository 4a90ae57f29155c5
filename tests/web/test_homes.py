"""Issue 16, item 8: the expert's home shows their own record, placements and certificates (each
read access-logged); nothing promises a "next step" any more. On both databases."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.certificates import service as certificate_service
from maeul_db.models import AccessLog, CertificateKind, Role
from tests.builders import (
    complete_program,
    make_person,
    make_placement,
    make_program,
    make_user,
)
from tests.web_login import log_in


def test_expert_home_shows_record_placements_and_certificates(
    client: TestClient, session: Session
) -> None:
    person = make_person(session, name="전문가갑")
    other = make_person(session, name="다른전문가")
    complete_program(session, program=make_program(session), person=person)
    make_placement(session, person=person, valid_from=date(2021, 3, 1), valid_to=date(2022, 3, 1))
    make_placement(session, person=other)
    expert = make_user(session, role=Role.expert, person_id=person.id)
    assert person.id is not None
    certificate, _ = certificate_service.issue(
        session, user=expert, kind=CertificateKind.training, person_id=person.id
    )
    assert log_in(client, expert.username).status_code == 303
    before = session.exec(select(AccessLog.id).order_by(col(AccessLog.id).desc())).first() or 0
    home = client.get("/")
    assert home.status_code == 200
    text = home.text
    assert "전문가갑" in text and "다른전문가" not in text
    # The placement: its dong by name, its 종료일 (the last day counted, inclusive).
    assert "청운효자동" in text and "2021-03-01" in text and "2022-02-28" in text
    assert certificate.number in text and f"/me/certificates/{certificate.id}.pdf" in text
    assert "다음 단계" not in text
    session.expire_all()
    actions = session.exec(
        select(AccessLog.action).where(col(AccessLog.id) > before).order_by(col(AccessLog.id))
    ).all()
    assert list(actions) == ["person.read", "experts.placements"]
