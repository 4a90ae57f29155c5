"""Imports read the one clock: batch times show in Seoul time, and the roster's 참여종료일 (the last
day taking part) is the 종료일 the project and person pages show."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from maeul_db.kit.time import format_ko_date, frozen_at
from maeul_db.models import Participation, Person, Role
from tests.imports.roster import COL, csv_bytes, roster_rows
from tests.web_login import csrf_token, log_in, user_for


def _commit(client: TestClient, rows: list[list[str]]) -> str:
    token = csrf_token(client.get("/imports").text)
    upload = {"file": ("명단.csv", csv_bytes(rows), "text/csv")}
    done = client.post("/imports", files=upload, data={"action": "commit", "csrf_token": token})
    assert done.status_code == 200 and "가져오기 완료" in done.text, done.text
    return done.text


def test_batch_time_shows_in_seoul_time(client: TestClient, session: Session) -> None:
    staff = user_for(session, Role.district_staff)
    assert log_in(client, staff.username).status_code == 303
    # 23:30 UTC on 1 March is 08:30 on 2 March in Seoul.
    with frozen_at(datetime(2026, 3, 1, 23, 30, tzinfo=UTC)):
        _commit(client, roster_rows(3))
    page = client.get("/imports").text
    batch_row = re.search(r'<tr data-batch="\d+">.*?</tr>', page, re.S)
    assert batch_row is not None
    assert "<td>2026-03-02 08:30</td>" in batch_row[0]
    assert "2026-03-01" not in batch_row[0]


def test_roster_end_date_is_the_last_day_shown_on_pages(
    client: TestClient, session: Session
) -> None:
    staff = user_for(session, Role.district_staff)
    assert log_in(client, staff.username).status_code == 303
    rows = roster_rows(1)
    rows[0][COL["start_date"]] = "2024-03-01"
    rows[0][COL["end_date"]] = "2024-06-30"
    _commit(client, rows)
    row = session.exec(select(Participation)).one()
    assert row.valid_to == date(2024, 7, 1)  # stored half-open
    project_page = client.get(f"/projects/{row.project_id}", params={"as_of": "2024-06-30"}).text
    assert "<td>2024-03-01</td><td>2024-06-30</td>" in project_page
    person = session.get(Person, row.person_id)
    assert person is not None
    person_page = client.get(f"/people/{person.id}").text
    # The person page writes days the Korean way (issue 14): the last day, never the day after.
    assert format_ko_date(date(2024, 6, 30)) in person_page
    assert format_ko_date(date(2024, 7, 1)) not in person_page and "2024-07-01" not in person_page
