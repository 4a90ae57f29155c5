"""A large wizard upload imported by a real huey consumer (``maeul-db jobs worker`` in a
subprocess, SQLite queue storage), on SQLite and PostgreSQL: the page's 가져오기 queues it, the
worker imports it in one committed transaction, and the progress page says done with the batch."""

from __future__ import annotations

import signal
import time

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db import db
from maeul_db.app import create_app
from maeul_db.imports import upload_jobs, wizard
from maeul_db.imports.wizard_schemas import ImportJobPublic
from maeul_db.jobs import queue
from maeul_db.models import ImportBatch
from tests.builders import make_user
from tests.imports.test_import_progress import _roster
from tests.jobs.test_worker import WAIT_S, _worker, committed_db
from tests.web_login import log_in

__all__ = ["committed_db"]  # the fixture, shared with the analytics worker's test

ROWS = 60


def _wait_finished(upload_id: int) -> ImportJobPublic:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        found = queue.get_progress(upload_id)
        if found is not None and ImportJobPublic(**found).finished:
            return ImportJobPublic(**found)
        time.sleep(0.5)
    raise AssertionError(f"the import of upload {upload_id} did not finish within {WAIT_S} s")


def test_worker_imports_a_large_upload_and_the_page_shows_done(
    committed_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(upload_jobs, "BACKGROUND_BYTES", 1_000)
    with Session(db.get_engine()) as session:
        staff = make_user(session)
        session.commit()
        state = wizard.stage_upload(
            session, user=staff, content=_roster(ROWS), filename="명단.csv", district_code=None
        )
        session.commit()
        upload_id, username = state.upload_id, staff.username
        started = upload_jobs.commit(session, user=staff, upload_id=upload_id, partial=False)
        assert started.job is not None and started.job.state == "queued"
        session.commit()  # enqueued now, after the upload is committed
    worker = _worker()
    try:
        job = _wait_finished(upload_id)
    finally:
        worker.send_signal(signal.SIGINT)
        output = worker.communicate(timeout=60)[0].decode(errors="replace")
    assert (job.state, job.percent, job.rows_checked) == ("done", 100, ROWS), (job, output)
    with Session(db.get_engine()) as session:
        batch = session.get(ImportBatch, job.batch_id)
        assert batch is not None and batch.committed == ROWS
    with TestClient(create_app()) as client:
        log_in(client, username)
        page = client.get(f"/imports/uploads/{upload_id}/progress")
        assert page.status_code == 200 and 'data-state="done"' in page.text
        assert 'http-equiv="refresh"' not in page.text
