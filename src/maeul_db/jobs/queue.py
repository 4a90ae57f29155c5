"""The huey instance, chosen by ``MAEUL_JOBS_URL``: SQLite storage embedded (no server to run),
Redis in production. Built on first use, so the settings of the process that uses it apply."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from huey import Huey, RedisHuey, SqliteHuey

from maeul_db.config import get_settings

NAME = "maeul"
TASK = "maeul.analytics_job"
# A job whose row is not yet visible (enqueued as its transaction commits) is tried again.
RETRIES = 3
RETRY_DELAY_S = 1


def _storage(url: str) -> Huey:
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey(NAME, url=url)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey(NAME, filename=str(path))
    raise ValueError(f"MAEUL_JOBS_URL must start with sqlite:/// or redis://, not {url!r}")


@lru_cache
def get_huey() -> Huey:
    return _storage(get_settings().jobs_url)


@lru_cache
def _task() -> Callable[[int], Any]:
    from maeul_db.jobs.tasks import run_job  # the worker's door, imported where it runs

    wrapper: Callable[[int], Any] = get_huey().task(
        name=TASK, retries=RETRIES, retry_delay=RETRY_DELAY_S
    )(run_job)
    return wrapper


def enqueue(job_id: int) -> None:
    """Hand a job to the consumer (its row must be committed first: ``service.start``)."""
    _task()(job_id)


def consumer(*, workers: int) -> Any:
    """A huey consumer with the task registered (``maeul-db jobs worker`` runs it)."""
    _task()
    return get_huey().create_consumer(workers=workers, periodic=False)
