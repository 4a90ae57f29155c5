"""The staff and admin certificate pages: ledger, issue, entry, revoke with a reason (audited),
reissue, and the batch by cohort with progress, idempotent across runs."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.models import AuditLog, Certificate, CertificateStatus, Role
from maeul_db.web import certificate_pages
from tests.builders import complete_program, make_person, make_program, make_user
from tests.certificates.helpers import make_world
from tests.web_login import csrf_token, log_in


def _login(client: TestClient, username: str) -> str:
    assert log_in(client, username).status_code == 303
    return csrf_token(client.get("/certificates").text)


def _count(html: str, outcome: str) -> int:
    match = re.search(rf'data-count="{outcome}">(\d+)건', html)
    assert match, html
    return int(match.group(1))


def test_staff_issue_list_and_revoke_with_reason(client: TestClient, session: Session) -> None:
    world = make_world(session)
    token = _login(client, world.staff.username)
    issued = client.post(
        "/certificates",
        data={"csrf_token": token, "person_id": world.expert_person.id, "kind": "career"},
    )
    assert issued.status_code == 200, issued.text
    row = session.exec(select(Certificate)).one()
    assert f"/certificates/{row.id}" in str(issued.url) and row.number in issued.text
    assert "박서연" in client.get("/certificates").text

    refused = client.post(
        f"/certificates/{row.id}/revoke", data={"csrf_token": token, "reason": " "}
    )
    assert refused.status_code == 422 and "취소 사유" in refused.text
    session.expire_all()
    assert session.get(Certificate, row.id).status == CertificateStatus.valid  # type: ignore[union-attr]

    revoked = client.post(
        f"/certificates/{row.id}/revoke", data={"csrf_token": token, "reason": "근무처 오기재"}
    )
    assert revoked.status_code == 200
    assert "취소된 증명서입니다" in revoked.text and "근무처 오기재" in revoked.text
    session.expire_all()
    assert session.get(Certificate, row.id).status == CertificateStatus.revoked  # type: ignore[union-attr]
    audit = session.exec(
        select(AuditLog).where(AuditLog.action == "revoke").order_by(col(AuditLog.id).desc())
    ).first()
    assert audit is not None and audit.actor_user_id == world.staff.id
    pdf = client.get(f"/certificates/{row.id}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_staff_reissue_supersedes_old(client: TestClient, session: Session) -> None:
    world = make_world(session)
    token = _login(client, world.staff.username)
    client.post(
        "/certificates",
        data={"csrf_token": token, "person_id": world.expert_person.id, "kind": "training"},
    )
    old = session.exec(select(Certificate)).one()
    new_page = client.post(f"/certificates/{old.id}/reissue", data={"csrf_token": token})
    assert new_page.status_code == 200
    session.expire_all()
    assert session.get(Certificate, old.id).status == CertificateStatus.superseded  # type: ignore[union-attr]
    assert "대체된 증명서입니다" in client.get(f"/certificates/{old.id}").text


def test_batch_page_cohort_twice_second_issues_none(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(certificate_pages, "BATCH_PAGE_CHUNK", 2)
    program = make_program(session)
    for i in range(3):
        complete_program(
            session,
            program=program,
            person=make_person(session, name=f"기수{i}"),
            on=date(2024, 4, 1),
        )
    staff = make_user(session)
    token = _login(client, staff.username)
    assert program.name in client.get("/certificates/batch").text
    form = {
        "csrf_token": token,
        "kind": "training",
        "program_id": program.id,
        "completed_from": "2024-04-01",
        "completed_to": "2024-04-30",
    }
    first = client.post("/certificates/batch", data=form)
    assert first.status_code == 200 and "진행 중" in first.text and "2 / 3명" in first.text
    assert 'id="batch-continue"' in first.text
    rest = client.post(
        "/certificates/batch",
        data={**form, "offset": 2, "done_issued": _count(first.text, "issued")},
    )
    assert "완료" in rest.text and _count(rest.text, "issued") == 3
    again_first = client.post("/certificates/batch", data=form)
    assert _count(again_first.text, "issued") == 0
    done = _count(again_first.text, "already")
    again = client.post("/certificates/batch", data={**form, "offset": 2, "done_already": done})
    assert _count(again.text, "issued") == 0 and _count(again.text, "already") == 3
    assert len(session.exec(select(Certificate)).all()) == 3


def test_batch_page_without_selection_shows_form_with_error(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session)
    token = _login(client, staff.username)
    response = client.post("/certificates/batch", data={"csrf_token": token, "kind": "career"})
    assert response.status_code == 422
    assert "교육과정과 이수 기간, 또는 배치 연도를 고르세요" in response.text


@pytest.mark.parametrize("role", [Role.expert, Role.analyst])
def test_certificate_pages_refused_for_non_managers(
    client: TestClient, session: Session, role: Role
) -> None:
    person_id = make_person(session).id if role == Role.expert else None
    user = make_user(session, role=role, district_code=None, person_id=person_id)
    assert log_in(client, user.username).status_code == 303
    assert client.get("/certificates").status_code == 403
    assert client.get("/certificates/batch").status_code == 403
