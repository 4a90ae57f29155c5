"""The worker's door: huey calls ``run_job`` with a job id; it opens the sessions and calls the
jobs service (claim, run, finish or fail), committing each step so the page sees the progress."""

from __future__ import annotations

import logging

from sqlmodel import Session

from maeul_db.core.context import Door, origin
from maeul_db.db import get_engine, reader_of
from maeul_db.jobs import service

log = logging.getLogger(__name__)


def _write(step: str, job_id: int, **kwargs: object) -> bool:
    """One short write transaction (the engine takes SQLite's write lock only for it)."""
    with Session(get_engine(), expire_on_commit=False) as session:
        done = getattr(service, step)(session, job_id=job_id, **kwargs)
        session.commit()
        return bool(done)


def run_job(job_id: int) -> None:
    """Run one job; a failure is stored on the job (and not retried: the page shows why)."""
    with origin(Door.job):
        if not _write("claim", job_id):
            return

        def progress(percent: int) -> None:
            _write("set_progress", job_id, progress=percent)

        try:
            with Session(reader_of(get_engine()), expire_on_commit=False) as session:
                outcome = service.run(session, job_id=job_id, progress=progress)
            _write("finish", job_id, outcome=outcome)
        except Exception as exc:  # any failure ends the job as failed, with its reason
            log.exception("job %s failed", job_id)
            _write("fail", job_id, exc=exc)


def run_import_upload(upload_id: int, partial: bool) -> None:
    """Import a wizard upload in the background (``imports.upload_jobs``): one transaction for
    the import, committed before the figure says done; a failure leaves nothing and says why."""
    from maeul_db.imports import upload_jobs

    with origin(Door.job):
        try:
            with Session(get_engine(), expire_on_commit=False) as session:
                record = upload_jobs.run(session, upload_id=upload_id, partial=partial)
                session.commit()
        except Exception as exc:  # the page shows the failure instead of waiting forever
            log.exception("import of upload %s failed", upload_id)
            upload_jobs.failed(upload_id, exc)
            return
        upload_jobs.finished(record)
