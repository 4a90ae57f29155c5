"""A wizard upload's import, run in the background when the file is large (issue 10): the page
shows a progress figure (rows checked, then writing, then done) instead of waiting on a request.

Small files stay synchronous (the officer sees the report at once); a file larger than
``BACKGROUND_BYTES`` is handed to the huey worker (``jobs.tasks.run_import_upload``) once the
request commits. The figure is kept in huey's key-value store (``jobs.queue.put_progress``), not
in the database: the import holds one write transaction the whole time, and on SQLite a second
writer would wait for it. Who may read a figure is decided here: those who may import into its
district (``policies.can_write_district``), like the upload itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import event
from sqlmodel import Session

from maeul_db.auth import policies
from maeul_db.errors import Forbidden, MaeulError, NotFound
from maeul_db.imports import service, wizard
from maeul_db.imports.stream import ImportProgress, rows_estimate
from maeul_db.imports.wizard_schemas import ImportJobPublic
from maeul_db.jobs import queue
from maeul_db.models import ImportUpload, UserAccount
from maeul_db.wording import message

# A CSV of about 2,500 roster rows; below it the import answers within the request.
BACKGROUND_BYTES = 200_000
CHECKED_SHARE = 90  # the check is this share of the bar; writing the rest


@dataclass
class CommitResult:
    """Either the import's outcome (small file) or the background job's first figure."""

    outcome: service.ImportOutcome | None = None
    job: ImportJobPublic | None = None


def commit(session: Session, *, user: UserAccount, upload_id: int, partial: bool) -> CommitResult:
    """Import the upload now, or start it in the background when it is large."""
    upload = wizard.get_upload(session, user=user, upload_id=upload_id)
    if len(upload.content) <= BACKGROUND_BYTES:
        outcome = wizard.commit_upload(session, user=user, upload_id=upload_id, partial=partial)
        return CommitResult(outcome=outcome)
    return CommitResult(job=start(session, user=user, upload=upload, partial=partial))


def start(
    session: Session, *, user: UserAccount, upload: ImportUpload, partial: bool
) -> ImportJobPublic:
    """Queue the import (the same one already running is returned as it is)."""
    assert upload.id is not None
    current = queue.get_progress(upload.id)
    if current is not None and not ImportJobPublic(**current).finished:
        return ImportJobPublic(**current)
    target = wizard.upload_target(session, upload)
    job = ImportJobPublic(
        upload_id=upload.id,
        district_code=upload.district_code,
        kind=target.kind,
        program_id=target.program.id if target.program else None,
        partial=partial,
        state="queued",
        rows_total=rows_estimate(upload.content, upload.filename),
    )
    queue.put_progress(upload.id, job.model_dump())
    upload_id = upload.id
    # Handed over once the request commits, so the worker finds the upload as the page left it.
    event.listen(
        session, "after_commit", lambda _s: queue.enqueue_import(upload_id, partial), once=True
    )
    return job


def progress_of(session: Session, *, user: UserAccount, upload_id: int) -> ImportJobPublic:
    """The figure of an upload's background import, for those who may import into its district;
    a kept upload not being imported reads as ``idle``."""
    if not policies.can_log_facts(user):  # analysts and experts import nothing
        raise Forbidden("import.forbidden")
    found = queue.get_progress(upload_id)
    if found is None:
        upload = wizard.get_upload(session, user=user, upload_id=upload_id)
        return ImportJobPublic(
            upload_id=upload_id, district_code=upload.district_code, state="idle"
        )
    job = ImportJobPublic(**found)
    if not policies.can_write_district(user, job.district_code):
        raise NotFound("import.job_not_found")
    return job


def _reporter(job: ImportJobPublic) -> ImportProgress:
    def checked(rows: int) -> None:
        job.state, job.rows_checked = "checking", rows
        if job.rows_total:
            job.percent = min(CHECKED_SHARE, rows * CHECKED_SHARE // job.rows_total)
        queue.put_progress(job.upload_id, job.model_dump())

    def writing() -> None:
        job.state, job.percent = "writing", CHECKED_SHARE
        queue.put_progress(job.upload_id, job.model_dump())

    return ImportProgress(rows_checked=checked, writing=writing)


def run(session: Session, *, upload_id: int, partial: bool) -> ImportJobPublic:
    """The worker's part: import as the officer who uploaded, telling the figure as rows are
    checked. Returns the last figure, which ``finished`` stores once the caller committed."""
    upload = session.get(ImportUpload, upload_id)
    user = session.get(UserAccount, upload.user_id) if upload is not None else None
    found = queue.get_progress(upload_id)
    if upload is None or user is None or found is None:
        raise NotFound("import.job_not_found")
    job = ImportJobPublic(**found)
    outcome = wizard.commit_upload(
        session, user=user, upload_id=upload_id, partial=partial, progress=_reporter(job)
    )
    report = outcome.report
    job.batch_id, job.rejected_rows = report.batch_id, report.rejected_rows
    job.rows_checked = report.rows_read
    job.state = "done" if report.batch_id is not None else "refused"
    job.percent = 100
    return job


def finished(job: ImportJobPublic) -> None:
    queue.put_progress(job.upload_id, job.model_dump())


def failed(upload_id: int, exc: BaseException) -> None:
    found = queue.get_progress(upload_id)
    if found is None:
        return
    job = ImportJobPublic(**found)
    reason = exc.message if isinstance(exc, MaeulError) else type(exc).__name__
    job.state, job.percent = "failed", 100
    job.message = message("import.job_failed", reason=reason)
    queue.put_progress(upload_id, job.model_dump())
