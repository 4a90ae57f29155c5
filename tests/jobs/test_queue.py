"""MAEUL_JOBS_URL chooses the queue: SQLite storage embedded, Redis in production (a Redis server
runs beside the test machine, started by scripts/test; without one the test is skipped, and fails
under CI), anything else is refused."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from huey import RedisHuey, SqliteHuey

from maeul_db.config import get_settings
from maeul_db.jobs import queue

REDIS = "redis://localhost:6379/15"


@pytest.fixture
def jobs_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    yield monkeypatch
    get_settings.cache_clear()
    queue.get_huey.cache_clear()
    queue._task.cache_clear()


def _use(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("MAEUL_JOBS_URL", url)
    get_settings.cache_clear()
    queue.get_huey.cache_clear()
    queue._task.cache_clear()


def test_sqlite_queue_holds_an_enqueued_job(jobs_url: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _use(jobs_url, f"sqlite:///{tmp_path / 'q' / 'jobs.db'}")
    huey = queue.get_huey()
    assert isinstance(huey, SqliteHuey) and (tmp_path / "q" / "jobs.db").exists()
    queue.enqueue(41)
    assert huey.pending_count() == 1
    assert huey.pending()[0].args == (41,)


def test_redis_queue_holds_an_enqueued_job(jobs_url: pytest.MonkeyPatch) -> None:
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS).ping()
    except redis.exceptions.ConnectionError:
        # Under CI a missing Redis fails the run, so the production queue is never silently untested.
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"no Redis at {REDIS}")
        pytest.skip(f"no Redis at {REDIS}")
    _use(jobs_url, REDIS)
    huey = queue.get_huey()
    assert isinstance(huey, RedisHuey)
    huey.flush()
    queue.enqueue(42)
    assert [task.args for task in huey.pending()] == [(42,)]
    huey.flush()


def test_unknown_queue_url_is_refused(jobs_url: pytest.MonkeyPatch) -> None:
    _use(jobs_url, "amqp://localhost")
    with pytest.raises(ValueError, match="MAEUL_JOBS_URL"):
        queue.get_huey()
