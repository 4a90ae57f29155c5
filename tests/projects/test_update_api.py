from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.models import AuditLog, Role
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_A,
    DONG_B,
    bearer,
    make_group,
    make_participation,
    make_person,
    make_project,
    make_user,
)


def test_update_project_is_audited_and_checks_dong(client: TestClient, session: Session) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    headers = bearer(client, staff.username)
    project = make_project(session)
    ok = client.patch(
        f"/api/projects/{project.id}",
        headers=headers,
        json={"stage": "activity_support", "grant_krw": 1_500_000, "dong_code": DONG_A},
    )
    assert ok.status_code == 200 and ok.json()["stage"] == "activity_support"
    wrong = client.patch(f"/api/projects/{project.id}", headers=headers, json={"dong_code": DONG_B})
    assert wrong.status_code == 422 and wrong.json()["field"] == "dong_code"
    audit = session.exec(
        select(AuditLog)
        .where(AuditLog.entity == "project", AuditLog.action == "update")
        .order_by(col(AuditLog.id))
    ).all()
    assert audit and '"group_formation"' in (audit[-1].before or "")


def test_update_group_dissolution(client: TestClient, session: Session) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    headers = bearer(client, staff.username)
    group = make_group(session, founded_on=date(2018, 3, 1))
    bad = client.patch(
        f"/api/groups/{group.id}", headers=headers, json={"dissolved_on": "2017-01-01"}
    )
    assert bad.status_code == 422
    ok = client.patch(
        f"/api/groups/{group.id}", headers=headers, json={"dissolved_on": "2022-12-31"}
    )
    assert ok.json()["dissolved_on"] == "2022-12-31"
    other = make_user(session, role=Role.district_staff, district_code=DISTRICT_B)
    assert (
        client.patch(
            f"/api/groups/{group.id}", headers=bearer(client, other.username), json={"name": "x"}
        ).status_code
        == 404
    )


def test_void_participation_keeps_row_but_not_count(client: TestClient, session: Session) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    headers = bearer(client, staff.username)
    project = make_project(session)
    row = make_participation(session, project=project, person=make_person(session))
    assert (
        client.post(
            f"/api/projects/participations/{row.id}/void",
            headers=headers,
            json={"reason": "다른 사람으로 잘못 입력"},
        ).status_code
        == 200
    )
    listed = client.get(
        f"/api/projects/{project.id}/participants?as_of=2019-05-01", headers=headers
    )
    assert listed.json() == []
    session.refresh(row)
    assert row.voided_at is not None and row.valid_to is None
