"""A project's participants are personal data: the project page and the API both write one
access-log row for them, under the same action."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.models import AccessLog, Role
from tests.builders import bearer, make_participation, make_person, make_project
from tests.web_login import log_in, user_for


def _new_rows(session: Session, after: int) -> list[AccessLog]:
    return list(session.exec(select(AccessLog).where(col(AccessLog.id) > after)))


def _last_id(session: Session) -> int:
    return session.exec(select(AccessLog.id).order_by(col(AccessLog.id).desc())).first() or 0


def test_project_page_writes_one_access_log_row(client: TestClient, session: Session) -> None:
    project = make_project(session)
    person = make_person(session, name="박참여")
    make_participation(session, project=project, person=person)
    staff = user_for(session, Role.district_staff)
    assert log_in(client, staff.username).status_code == 303

    before = _last_id(session)
    page = client.get(f"/projects/{project.id}", params={"as_of": "2019-06-01"})
    assert page.status_code == 200 and "박참여" in page.text
    rows = _new_rows(session, before)
    assert [(r.action, r.person_ids) for r in rows] == [("project.participants", f",{person.id},")]

    before = _last_id(session)
    api = client.get(
        f"/api/projects/{project.id}/participants",
        params={"as_of": "2019-06-01"},
        headers=bearer(client, staff.username),
    )
    assert api.status_code == 200 and [r["person_id"] for r in api.json()] == [person.id]
    rows = _new_rows(session, before)
    assert [(r.action, r.person_ids) for r in rows] == [("project.participants", f",{person.id},")]
