"""An import links a row to the participation it names; a row naming the same person in the same
project with another role (stored, or earlier in the file) is rejected, naming that record."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from maeul_db.models import Participation
from tests.builders import bearer, make_user
from tests.imports.roster import COL, csv_bytes, roster_rows

CSV = "text/csv"


def _post(client: TestClient, headers: dict[str, str], rows: list[list[str]], **data: str) -> dict:
    files = {"file": ("명단.csv", csv_bytes(rows), CSV)}
    response = client.post("/api/imports", headers=headers, files=files, data=data)
    assert response.status_code in (201, 422), response.text
    body: dict = response.json()
    return body


def test_import_rejects_a_second_role_for_a_stored_participation(
    client: TestClient, session: Session
) -> None:
    headers = bearer(client, make_user(session).username)
    rows = roster_rows(4, projects=2)
    first = _post(client, headers, rows)
    assert first["committed"] == 4
    again = _post(client, headers, rows)  # the same file: linked, nothing added, nothing refused
    assert again["committed"] == 4 and again["unchanged_rows"] == 4 and again["rejected"] == []
    changed = [list(r) for r in rows]
    changed[2][COL["role"]] = "대표제안자"  # row 4 of the file: a participant until now
    stored = session.exec(select(Participation).order_by(Participation.id)).all()
    existing = next(p for p in stored if p.role == "participant" and p.project_id is not None)
    strict = _post(client, headers, changed)
    assert strict["batch_id"] is None and strict["committed"] == 0
    [rejected] = strict["rejected"]
    assert rejected["row"] == 4 and rejected["code"] == "duplicate_participation"
    assert rejected["column"] == "역할"
    assert f"참여 기록 {existing.id}" in rejected["reason"]
    partial = _post(client, headers, changed, partial="true")
    assert partial["committed"] == 3 and len(partial["rejected"]) == 1
    session.expire_all()
    assert len(session.exec(select(Participation)).all()) == 4


def test_import_rejects_a_person_listed_twice_in_a_project_with_two_roles(
    client: TestClient, session: Session
) -> None:
    headers = bearer(client, make_user(session).username)
    rows = roster_rows(2, projects=1)
    twice = [list(rows[0]), list(rows[0])]
    twice[1][COL["role"]] = "참여자"  # row 3 repeats row 2's person as a participant
    report = _post(client, headers, twice, partial="true")
    assert report["committed"] == 1
    [rejected] = report["rejected"]
    assert rejected["row"] == 3 and rejected["code"] == "duplicate_participation_in_file"
    assert "2행" in rejected["reason"]
    session.expire_all()
    assert [p.role for p in session.exec(select(Participation)).all()] == ["lead_proposer"]
