"""A large upload's import runs in the background with a progress figure on the page (issue 10),
on SQLite and PostgreSQL: the figure rises chunk by chunk to done; small files stay synchronous;
only those who may import into the district read it (service, API and page)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.config import get_settings
from maeul_db.errors import NotFound
from maeul_db.imports import stream, upload_jobs, wizard
from maeul_db.jobs import queue
from maeul_db.models import ImportBatch
from tests.builders import DISTRICT_B, bearer, make_user
from tests.web_login import log_in

HEADER = "사업연도,자치구,행정동,사업명,사업단계,모임명,이름,성별,생년월일,구분\n"
ROWS = 180


def _roster(rows: int) -> bytes:
    lines = [
        f"2020,종로구,청운효자동,새사업,모임형성,새모임,홍{chr(0xAC00 + i)}순,여,1980-02-03,회원\n"
        for i in range(rows)
    ]
    return ("2020년 참여자 명단\n" + HEADER + "".join(lines)).encode()


@pytest.fixture
def fresh_queue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, Any]]]:
    """A queue of its own (SQLite storage, no consumer), every progress figure written recorded;
    files above 1 kB go to the background and rows are reported every 50."""
    monkeypatch.setenv("MAEUL_JOBS_URL", f"sqlite:///{tmp_path / 'queue.db'}")
    get_settings.cache_clear()
    queue.get_huey.cache_clear()
    queue._import_task.cache_clear()
    monkeypatch.setattr(upload_jobs, "BACKGROUND_BYTES", 1_000)
    monkeypatch.setattr(stream, "PROGRESS_EVERY", 50)
    figures: list[dict[str, Any]] = []
    put = queue.put_progress

    def spy(upload_id: int, record: dict[str, Any]) -> None:
        figures.append(dict(record))
        put(upload_id, record)

    monkeypatch.setattr(queue, "put_progress", spy)
    yield figures
    get_settings.cache_clear()
    queue.get_huey.cache_clear()
    queue._import_task.cache_clear()


def test_progress_rises_chunk_by_chunk_to_done(
    session: Session, fresh_queue: list[dict[str, Any]]
) -> None:
    staff = make_user(session)
    state = wizard.stage_upload(
        session, user=staff, content=_roster(ROWS), filename="명단.csv", district_code=None
    )
    started = upload_jobs.commit(session, user=staff, upload_id=state.upload_id, partial=False)
    assert started.outcome is None and started.job is not None
    assert started.job.state == "queued" and started.job.rows_total == ROWS + 1
    # Queued for the worker: what the consumer would take once the request commits.
    assert upload_jobs.progress_of(session, user=staff, upload_id=state.upload_id).percent == 0

    done = upload_jobs.run(session, upload_id=state.upload_id, partial=False)  # the worker's part
    upload_jobs.finished(done)
    figures = [(f["state"], f["rows_checked"], f["percent"]) for f in fresh_queue]
    checked = [f for f in figures if f[0] == "checking"]
    assert [rows for _s, rows, _p in checked] == [50, 100, 150, 180]
    percents = [p for _s, _r, p in figures]
    assert percents == sorted(percents) and 0 < checked[0][2] < checked[-1][2] < 100
    assert figures[-2][0] == "writing" and figures[-1] == ("done", ROWS, 100)
    seen = upload_jobs.progress_of(session, user=staff, upload_id=state.upload_id)
    assert seen.finished and seen.batch_id is not None
    batch = session.get(ImportBatch, seen.batch_id)
    assert batch is not None and batch.committed == ROWS


def test_small_files_import_at_once(session: Session, fresh_queue: list[dict[str, Any]]) -> None:
    staff = make_user(session)
    state = wizard.stage_upload(
        session, user=staff, content=_roster(3), filename="명단.csv", district_code=None
    )
    done = upload_jobs.commit(session, user=staff, upload_id=state.upload_id, partial=False)
    assert done.job is None and done.outcome is not None
    assert done.outcome.report.batch_id is not None and fresh_queue == []


def test_progress_is_the_district_s_own(
    client: TestClient, session: Session, fresh_queue: list[dict[str, Any]]
) -> None:
    staff = make_user(session)
    other = make_user(session, district_code=DISTRICT_B)
    state = wizard.stage_upload(
        session, user=staff, content=_roster(40), filename="명단.csv", district_code=None
    )
    upload_jobs.commit(session, user=staff, upload_id=state.upload_id, partial=False)
    with pytest.raises(NotFound):
        upload_jobs.progress_of(session, user=other, upload_id=state.upload_id)
    url = f"/api/imports/uploads/{state.upload_id}/progress"
    mine = client.get(url, headers=bearer(client, staff.username))
    assert mine.status_code == 200 and mine.json()["state"] == "queued"
    assert client.get(url, headers=bearer(client, other.username)).status_code == 404
    log_in(client, staff.username)
    page = client.get(f"/imports/uploads/{state.upload_id}/progress")
    assert page.status_code == 200 and 'http-equiv="refresh"' in page.text
    assert 'data-state="queued"' in page.text
