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
IMPORT_TASK = "maeul.import_upload"
# Where a background import's progress figure is kept (huey's key-value store: no write to the
# application database while the import's own transaction is open).
PROGRESS_KEY = "maeul.import_progress.{upload_id}"
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


@lru_cache
def _import_task() -> Callable[[int, bool], Any]:
    from maeul_db.jobs.tasks import run_import_upload  # the worker's door

    wrapper: Callable[[int, bool], Any] = get_huey().task(name=IMPORT_TASK)(run_import_upload)
    return wrapper


def enqueue_import(upload_id: int, partial: bool) -> None:
    """Hand a wizard upload's import to the consumer (not retried: a failure is shown)."""
    _import_task()(upload_id, partial)


def put_progress(upload_id: int, record: dict[str, Any]) -> None:
    get_huey().put(PROGRESS_KEY.format(upload_id=upload_id), record)


def get_progress(upload_id: int) -> dict[str, Any] | None:
    found = get_huey().get(PROGRESS_KEY.format(upload_id=upload_id), peek=True)
    return found if isinstance(found, dict) else None


def enqueue(job_id: int) -> None:
    """Hand a job to the consumer (its row must be committed first: ``service.start``)."""
    _task()(job_id)


def consumer(*, workers: int) -> Any:
    """A huey consumer with the task registered (``maeul-db jobs worker`` runs it)."""
    _task()
    _import_task()
    return get_huey().create_consumer(workers=workers, periodic=False)
