"""The request owns the transaction, and the test client runs that very code (``db.session_scope``):
a request that fails after its service flushed rows keeps none of them; one that succeeds is
committed (its session is closed before the test reads, so uncommitted rows would be gone)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.errors import Conflict
from maeul_db.models import Person
from tests.builders import bearer, make_person, make_user
from tests.db_state import FailAfterFlush, changed, row_counts
from tests.imports.roster import csv_bytes, roster_rows
from tests.web_login import csrf_token, log_in


def _roster() -> dict[str, tuple[str, bytes, str]]:
    return {"file": ("명단.csv", csv_bytes(roster_rows(3)), "text/csv")}


def test_api_import_failing_after_flush_leaves_no_row(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = bearer(client, make_user(session).username)
    before = row_counts(session)
    fault = FailAfterFlush(Conflict("late refusal")).install(monkeypatch)

    response = client.post("/api/imports", headers=headers, files=_roster())

    assert response.status_code == 409, response.text
    # The batch, its people and its audit row were flushed inside the request ...
    assert fault.seen[0]["import_batch"] == before["import_batch"] + 1
    assert fault.seen[0]["person"] == before["person"] + 3
    # ... and rolled back with it.
    assert changed(before, row_counts(session)) == {}


def test_api_import_that_succeeds_is_committed(client: TestClient, session: Session) -> None:
    headers = bearer(client, make_user(session).username)
    before = row_counts(session)

    response = client.post("/api/imports", headers=headers, files=_roster())

    assert response.status_code == 201, response.text
    after = changed(before, row_counts(session))
    assert after["import_batch"] == (before["import_batch"], before["import_batch"] + 1)
    assert after["person"] == (before["person"], before["person"] + 3)
    assert after["audit_log"][1] > before["audit_log"]


def test_api_patch_failing_after_flush_keeps_the_old_values(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = make_person(session, name="김원래")
    headers = bearer(client, make_user(session).username)
    before = row_counts(session)
    FailAfterFlush(Conflict("late refusal")).install(monkeypatch)

    response = client.patch(
        f"/api/people/{person.id}", headers=headers, json={"name": "박바뀜", "reason": "correction"}
    )

    assert response.status_code == 409, response.text
    assert session.get(Person, person.id).name == "김원래"  # type: ignore[union-attr]
    assert changed(before, row_counts(session)) == {}


def _imported_batch(client: TestClient, session: Session) -> tuple[int, str]:
    """A committed three-person batch, and a signed-in page session's CSRF token."""
    staff = make_user(session)
    done = client.post("/api/imports", headers=bearer(client, staff.username), files=_roster())
    assert done.status_code == 201, done.text
    assert log_in(client, staff.username).status_code == 303
    return int(done.json()["batch_id"]), csrf_token(client.get("/imports").text)


def test_web_form_failing_after_flush_leaves_no_change(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The undo button: an error the page does not catch reaches ``session_scope``, which rolls
    back the rows the undo had already deleted."""
    batch_id, token = _imported_batch(client, session)
    before = row_counts(session)
    fault = FailAfterFlush(Conflict("late refusal")).install(monkeypatch)

    response = client.post(f"/imports/batches/{batch_id}/undo", data={"csrf_token": token})

    assert response.status_code == 409
    assert fault.seen[0]["person"] == before["person"] - 3
    assert changed(before, row_counts(session)) == {}


def test_web_form_that_succeeds_is_committed(client: TestClient, session: Session) -> None:
    batch_id, token = _imported_batch(client, session)
    before = row_counts(session)

    response = client.post(
        f"/imports/batches/{batch_id}/undo", data={"csrf_token": token}, follow_redirects=False
    )

    assert response.status_code == 303, response.text
    assert row_counts(session)["person"] == before["person"] - 3
