"""A real huey consumer (``maeul-db jobs worker`` in a subprocess, SQLite queue storage) takes a
job started through the service, computes it against a committed database and stores the result;
the job page then shows it with the time it was computed. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db import db, migrate
from maeul_db.analytics import graphs, network_service, queries
from maeul_db.app import create_app
from maeul_db.config import get_settings
from maeul_db.jobs import queue
from maeul_db.jobs import service as jobs
from maeul_db.models import AnalyticsJob, JobKind, JobStatus, Role
from maeul_db.refdata.service import load_refdata
from tests.analytics.world import build_world
from tests.builders import make_user
from tests.conftest import BACKENDS, database_url, drop_database
from tests.web_login import log_in

SRC = Path(__file__).resolve().parents[2] / "src"
WAIT_S = 180


def _clear_caches() -> None:
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    queue.get_huey.cache_clear()
    queue._task.cache_clear()
    queue._import_task.cache_clear()


@pytest.fixture(params=BACKENDS)
def committed_db(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    refdata_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[str]:
    """A database of its own whose rows are committed (a worker process must see them), with
    this process's settings pointed at it and at a fresh SQLite queue."""
    url = database_url(request.param, tmp_path, "jobs_worker")
    migrate.upgrade(url=url)
    monkeypatch.setenv("MAEUL_DATABASE_URL", url)
    monkeypatch.setenv("MAEUL_JOBS_URL", f"sqlite:///{tmp_path / 'queue.db'}")
    _clear_caches()
    with Session(db.get_engine()) as session:
        load_refdata(session, refdata_dir)
        session.commit()
    yield url
    db.get_engine().dispose()
    _clear_caches()
    drop_database(url)


def _worker() -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    code = "from maeul_db.cli import app; app()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "jobs", "worker"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _wait_done(job_id: int) -> AnalyticsJob:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        with Session(db.get_engine()) as session:
            job = session.get(AnalyticsJob, job_id)
            assert job is not None
            if job.status in (JobStatus.done, JobStatus.failed):
                return job
        time.sleep(0.5)
    raise AssertionError(f"job {job_id} not finished within {WAIT_S} s")


def test_worker_runs_a_job_and_the_page_shows_it(committed_db: str) -> None:
    with Session(db.get_engine()) as session:
        build_world(session)
        analyst = make_user(session, role=Role.analyst)
        admin = make_user(session, role=Role.city_admin)
        session.commit()
        period = {"start": date(2019, 1, 1), "end": date(2019, 12, 31)}
        job = jobs.start(session, user=admin, kind=JobKind.network_summary, **period)
        growth = jobs.start(session, user=analyst, kind=JobKind.network_growth, **period)
        session.commit()  # enqueued now, after the rows are committed
        job_id, growth_id = int(job.id or 0), int(growth.id or 0)
        parts = queries.participations(session, consented=True, **period)
        expected = network_service.summary(graphs.person_network(parts), kind="person")
        admin_name, analyst_name = admin.username, analyst.username
    worker = _worker()
    try:
        done, grown = _wait_done(job_id), _wait_done(growth_id)
    finally:
        worker.send_signal(signal.SIGINT)
        output = worker.communicate(timeout=60)[0].decode(errors="replace")
    assert done.status == JobStatus.done, (done.error, output)
    assert done.started_at is not None and done.finished_at is not None
    assert done.progress == 100
    stored = json.loads(done.result_json or "{}")
    # The world's 2019 person network, worked out by hand: p1..p5 (5 people), ties p1–p2, p1–p3,
    # p2–p3 (A1), p1–p4 (A2), p2–p5 (B1); one component.
    assert (stored["nodes"], stored["edges"], stored["components"]) == (5, 5, 1)
    assert stored["top_pagerank"] == [[ref, value] for ref, value in expected.top_pagerank]
    assert grown.status == JobStatus.done, (grown.error, output)
    # For the analyst: 5 people and 5 ties are published as multiples of 5, the year is 2019.
    rows = json.loads(grown.result_json or "[]")
    assert [(r["year"], r["nodes"], r["edges"]) for r in rows] == [(2019, 5, 5)]

    with TestClient(create_app()) as client:
        log_in(client, admin_name)
        page = client.get(f"/analytics/jobs/{job_id}")
        assert page.status_code == 200
        assert 'data-status="done"' in page.text and "data-computed" in page.text
        assert "<td data-nodes>5</td>" in page.text and "(한국 시간)" in page.text
        log_in(client, analyst_name)
        assert client.get(f"/analytics/jobs/{job_id}").status_code == 404  # computed for staff
        network = client.get(
            "/analytics/network", params={"from": "2019-01-01", "to": "2019-12-31"}
        )
        assert network.status_code == 200 and 'data-year="2019"' in network.text
