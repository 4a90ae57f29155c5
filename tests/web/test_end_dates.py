"""종료일 on the logging pages is the last day counted (storage keeps valid_to exclusive), and the
pages' "today" is Seoul's."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.kit.time import frozen_at
from tests.builders import (
    bearer,
    make_group,
    make_membership,
    make_participation,
    make_person,
    make_project,
    make_user,
)
from tests.web_login import csrf_token, log_in


def _post(client: TestClient, path: str, data: dict[str, Any]) -> httpx.Response:
    token = csrf_token(client.get("/").text)
    response: httpx.Response = client.post(
        path, data={**data, "csrf_token": token}, follow_redirects=False
    )
    return response


def _log_in_staff(client: TestClient, session: Session) -> None:
    assert log_in(client, make_user(session).username).status_code == 303


def test_closing_participation_with_last_day_stores_the_next_day(
    client: TestClient, session: Session
) -> None:
    project = make_project(session)
    person = make_person(session, name="한종료")
    row = make_participation(session, project=project, person=person, valid_from=date(2024, 1, 1))
    _log_in_staff(client, session)
    page = client.get(f"/projects/{project.id}").text
    assert 'name="last_day"' in page and 'name="valid_to"' not in page

    closed = _post(
        client, f"/projects/{project.id}/participants/{row.id}/close", {"last_day": "2024-06-30"}
    )
    assert closed.status_code == 303, closed.text
    session.refresh(row)
    assert row.valid_to == date(2024, 7, 1)
    last_day = client.get(f"/projects/{project.id}", params={"as_of": "2024-06-30"}).text
    assert "한종료" in last_day and "<td>2024-06-30</td>" in last_day
    assert "2024-07-01" not in last_day
    day_after = client.get(f"/projects/{project.id}", params={"as_of": "2024-07-01"}).text
    assert "한종료" not in day_after


def test_closing_membership_on_its_first_day_keeps_one_day(
    client: TestClient, session: Session
) -> None:
    group = make_group(session)
    person = make_person(session, name="한하루")
    row = make_membership(session, group=group, person=person, valid_from=date(2024, 5, 1))
    _log_in_staff(client, session)
    before = _post(client, f"/groups/{group.id}/members/{row.id}/close", {"last_day": "2024-04-30"})
    assert before.status_code == 422 and "종료일이 시작일보다 앞섭니다" in before.text
    assert 'aria-invalid="true"' in before.text
    closed = _post(client, f"/groups/{group.id}/members/{row.id}/close", {"last_day": "2024-05-01"})
    assert closed.status_code == 303, closed.text
    session.refresh(row)
    assert row.valid_to == date(2024, 5, 2)
    page = client.get(f"/groups/{group.id}", params={"as_of": "2024-05-01"}).text
    assert "한하루" in page and "<td>2024-05-01</td><td>2024-05-01</td>" in page


def test_pages_and_api_take_today_in_seoul(client: TestClient, session: Session) -> None:
    project = make_project(session)
    person = make_person(session, name="한새벽")
    make_participation(session, project=project, person=person, valid_from=date(2026, 3, 2))
    staff = make_user(session)
    # 00:30 on 2 March in Seoul, 15:30 on 1 March in UTC.
    with frozen_at(datetime(2026, 3, 1, 15, 30, tzinfo=UTC)):
        assert log_in(client, staff.username).status_code == 303
        page = client.get(f"/projects/{project.id}").text
        api = client.get(
            f"/api/projects/{project.id}/participants", headers=bearer(client, staff.username)
        )
    assert "2026-03-02 기준 1명" in page and "한새벽" in page
    assert re.search(r'name="last_day"[^>]*value="2026-03-02"', page)  # the close form's default
    assert [p["person_id"] for p in api.json()] == [person.id]
