"""An activity's headcount is always its named attendees plus the unnamed count, through adding,
taking off (a void, with a reason, audited) and saving again; hours are fixed per attendee."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from maeul_db.models import Activity, Attendance, AuditLog
from tests.builders import bearer, make_participation, make_person, make_project, make_user
from tests.web_login import csrf_token, log_in


def _activity(client: TestClient, headers: dict[str, str], project_id: int | None) -> int:
    created = client.post(
        "/api/activities",
        json={"title": "정기모임", "held_on": "2019-05-01", "project_id": project_id},
        headers=headers,
    )
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


def _read(client: TestClient, headers: dict[str, str], activity_id: int) -> tuple[int, int]:
    activity = client.get(f"/api/activities/{activity_id}", headers=headers).json()
    named = client.get(f"/api/activities/{activity_id}/attendance", headers=headers).json()
    return activity["headcount"], len(named) + activity["unnamed_count"]


def test_second_attendance_save_keeps_the_headcount_equal_to_the_attendees(
    client: TestClient, session: Session
) -> None:
    """The reported bug: after a second save the headcount (2) disagreed with the named (3)."""
    project = make_project(session)
    a, b, c = (make_person(session) for _ in range(3))
    headers = bearer(client, make_user(session).username)
    activity_id = _activity(client, headers, project.id)
    url = f"/api/activities/{activity_id}/attendance"
    assert client.post(url, json={"person_ids": [a.id, b.id]}, headers=headers).status_code == 201
    assert client.post(url, json={"person_ids": [c.id]}, headers=headers).status_code == 201
    assert _read(client, headers, activity_id) == (3, 3)


def test_headcount_follows_add_remove_unnamed_and_resave(
    client: TestClient, session: Session
) -> None:
    project = make_project(session)
    a, b = make_person(session), make_person(session)
    headers = bearer(client, make_user(session).username)
    activity_id = _activity(client, headers, project.id)
    url = f"/api/activities/{activity_id}/attendance"
    client.post(url, json={"person_ids": [a.id, b.id]}, headers=headers)
    unnamed = client.patch(
        f"/api/activities/{activity_id}", json={"unnamed_count": 5}, headers=headers
    )
    assert unnamed.status_code == 200 and unnamed.json()["headcount"] == 7
    removed = client.post(f"{url}/{b.id}/void", json={"reason": "참석하지 않음"}, headers=headers)
    assert removed.status_code == 200 and removed.json()["headcount"] == 6
    assert _read(client, headers, activity_id) == (6, 6)
    again = client.post(url, json={"person_ids": [b.id]}, headers=headers)
    assert again.status_code == 201
    twice = client.post(url, json={"person_ids": [a.id]}, headers=headers)
    assert twice.status_code == 409 and twice.json()["code"] == "attendance.already_recorded"
    assert _read(client, headers, activity_id) == (7, 7)
    void_audit = session.exec(
        select(AuditLog).where(AuditLog.entity == "attendance", AuditLog.action == "void")
    ).one()
    assert void_audit.after is not None and "참석하지 않음" in void_audit.after
    no_reason = client.post(f"{url}/{a.id}/void", json={"reason": " "}, headers=headers)
    assert no_reason.status_code == 422
    missing = client.post(f"{url}/{10**9}/void", json={"reason": "x"}, headers=headers)
    assert missing.status_code == 404


def test_fix_one_attendees_hours(client: TestClient, session: Session) -> None:
    project, person = make_project(session), make_person(session)
    headers = bearer(client, make_user(session).username)
    activity_id = _activity(client, headers, project.id)
    client.post(
        f"/api/activities/{activity_id}/attendance",
        json={"person_ids": [person.id]},
        headers=headers,
    )
    fixed = client.patch(
        f"/api/activities/{activity_id}/attendance/{person.id}",
        json={"hours": "2.5"},
        headers=headers,
    )
    assert fixed.status_code == 200 and fixed.json()["hours"] == "2.50"
    session.expire_all()
    row = session.get(Attendance, (activity_id, person.id))
    assert row is not None and row.hours == Decimal("2.5")


def test_page_fixes_an_attendance_sheet(client: TestClient, session: Session) -> None:
    project = make_project(session)
    people = [make_person(session, name=f"참석자{i}") for i in range(3)]
    for person in people:
        make_participation(session, project=project, person=person, valid_from=date(2019, 4, 1))
    activity = Activity(
        title="정기모임", held_on=date(2019, 5, 1), district_code=project.district_code,
        project_id=project.id,
    )  # fmt: skip
    session.add(activity)
    session.flush()
    assert log_in(client, make_user(session).username).status_code == 303
    base = f"/activities/{activity.id}"
    token = csrf_token(client.get(base).text)

    def post(path: str, data: dict[str, object]) -> int:
        response = client.post(
            base + path, data={**data, "csrf_token": token}, follow_redirects=False
        )
        return response.status_code

    assert post("/attendance", {"person_ids": [str(people[0].id), str(people[1].id)]}) == 303
    assert post("/attendance", {"person_ids": [str(people[2].id)]}) == 303
    assert post(f"/attendance/{people[1].id}/void", {"reason": "결석"}) == 303
    assert post(f"/attendance/{people[0].id}/hours", {"hours": "1.5"}) == 303
    assert post("/unnamed", {"unnamed_count": "4"}) == 303
    assert post("/unnamed", {"unnamed_count": "-1"}) == 422
    session.expire_all()
    stored = session.get(Activity, activity.id)
    assert stored is not None and (stored.headcount, stored.unnamed_count) == (6, 4)
    page = client.get(base).text
    assert "6명 (이름 기록 2명 + 이름 없이 4명)" in page
    assert "참석자1" in page  # off the sheet, back among those who can be ticked
