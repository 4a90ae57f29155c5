"""Background analytics jobs: who may start and see them, and their lifecycle (queued → running →
done or failed) with the result stored per (kind, period, district, audience).

The rules live here, whatever door asks: an analyst's job is computed as the analyst sees data
(pseudonyms, small cells suppressed) and is shown to analysts and city admins; district staff start
and see jobs of their own district only; experts none. The worker (``jobs.tasks``) only calls
``run``; the computation per kind is ``jobs.runners``."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import event
from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.analytics import access
from maeul_db.analytics.service import analysis_period, latest_year
from maeul_db.config import get_settings
from maeul_db.core.scope import district_scoped
from maeul_db.errors import Forbidden, MaeulError, NotFound
from maeul_db.jobs import queue, runners
from maeul_db.kit import deadline
from maeul_db.kit.time import utcnow
from maeul_db.models import (
    AnalyticsJob,
    JobAudience,
    JobKind,
    JobStatus,
    Role,
    UserAccount,
)

Progress = Callable[[int], None]
ACTIVE = (JobStatus.queued, JobStatus.running)
LIST_LIMIT = 50


@dataclass
class JobView:
    """A job as a page shows it: the row and its result read back."""

    job: AnalyticsJob
    result: Any = None


def audience_of(user: UserAccount) -> JobAudience:
    return JobAudience.pseudonymised if user.role == Role.analyst else JobAudience.named


def visible_jobs(user: UserAccount) -> Any:
    """The jobs a user may see: analysts those computed for analysts; district staff their
    district's staff results; city admins all (``core.scope.district_scoped``); experts none."""
    if user.role == Role.analyst:
        return select(AnalyticsJob).where(AnalyticsJob.audience == JobAudience.pseudonymised)
    if user.role not in (Role.city_admin, Role.district_staff):
        raise Forbidden("analytics.forbidden")
    query = select(AnalyticsJob)
    if user.role == Role.district_staff:
        query = query.where(AnalyticsJob.audience == JobAudience.named)
    return district_scoped(AnalyticsJob, user, query=query)


def start(
    session: Session,
    *,
    user: UserAccount,
    kind: JobKind,
    start: date,
    end: date,
    district_code: str | None = None,
) -> AnalyticsJob:
    """Queue a job (or return the same one already queued or running); it is handed to the worker
    when the request's transaction commits, so the worker always finds its row."""
    district = access.scope_district(user, district_code)
    start, end = analysis_period(user, start, end)
    audience = audience_of(user)
    same = _same_key(kind, start, end, district, audience)
    running: AnalyticsJob | None = session.exec(
        same.where(col(AnalyticsJob.status).in_(ACTIVE))
    ).first()
    if running is not None:
        return running
    assert user.id is not None
    job = AnalyticsJob(
        kind=kind,
        period_start=start,
        period_end=end,
        district_code=district,
        audience=audience,
        requested_by_user_id=user.id,
    )
    session.add(job)
    session.flush()
    job_id = job.id
    assert job_id is not None
    event.listen(session, "after_commit", lambda _s: queue.enqueue(job_id), once=True)
    return job


def _same_key(kind: JobKind, start: date, end: date, district: str | None, audience: Any) -> Any:
    return select(AnalyticsJob).where(
        AnalyticsJob.kind == kind,
        AnalyticsJob.period_start == start,
        AnalyticsJob.period_end == end,
        AnalyticsJob.district_code == district
        if district
        else col(AnalyticsJob.district_code).is_(None),
        AnalyticsJob.audience == audience,
    )


def list_(session: Session, *, user: UserAccount, limit: int = LIST_LIMIT) -> list[AnalyticsJob]:
    """The latest jobs the user may see, newest first (no results read: nobody is shown)."""
    stmt = visible_jobs(user).order_by(col(AnalyticsJob.id).desc()).limit(limit)
    return list(session.exec(stmt))


def get(session: Session, *, user: UserAccount, job_id: int) -> JobView:
    """One job with its result; the people the result names are logged as read by the user."""
    job = session.exec(visible_jobs(user).where(AnalyticsJob.id == job_id)).first()
    if job is None:
        raise NotFound("jobs.not_found")
    view = JobView(job=job, result=json.loads(job.result_json) if job.result_json else None)
    if job.person_ids_json:
        access_log.record(
            session,
            actor=user,
            action="jobs.result",  # one action for every kind; the job row says which
            person_ids=json.loads(job.person_ids_json),
        )
    return view


def latest(
    session: Session,
    *,
    user: UserAccount,
    kind: JobKind,
    start: date,
    end: date,
    district_code: str | None = None,
) -> JobView | None:
    """The newest finished result for a key as the user would compute it (None: not yet)."""
    district = access.scope_district(user, district_code)
    start, end = analysis_period(user, start, end)
    stmt = _same_key(kind, start, end, district, audience_of(user)).where(
        AnalyticsJob.status == JobStatus.done
    )
    found = session.exec(stmt.order_by(col(AnalyticsJob.finished_at).desc())).first()
    return None if found is None or found.id is None else get(session, user=user, job_id=found.id)


def result_file(session: Session, *, user: UserAccount, job_id: int) -> tuple[bytes, str, str]:
    """A finished job's file (xlsx, pdf): body, media type and a file name."""
    job = get(session, user=user, job_id=job_id).job
    if job.result_file is None or job.result_media_type is None:
        raise NotFound("jobs.no_file")
    suffix = runners.SUFFIXES.get(job.kind, "bin")
    name = f"maeul-{job.kind}-{job.period_start}-{job.period_end}.{suffix}"
    return job.result_file, job.result_media_type, name


def set_progress(session: Session, *, job_id: int, progress: int) -> None:
    job = session.get(AnalyticsJob, job_id)
    if job is not None:
        job.progress = max(0, min(100, progress))
        session.add(job)


def claim(session: Session, *, job_id: int) -> bool:
    """Mark a queued job running (False: another worker has it or it is finished)."""
    job = session.get(AnalyticsJob, job_id)
    if job is None:
        raise NotFound("jobs.not_found")  # not committed yet: the queue tries again
    if job.status != JobStatus.queued:
        return False
    job.status, job.started_at, job.progress = JobStatus.running, utcnow(), 0
    session.add(job)
    return True


def run(session: Session, *, job_id: int, progress: Progress) -> runners.Outcome:
    """Compute a claimed job as the account that asked for it (reads only, so on SQLite the
    worker holds no write lock while it computes; ``finish`` stores the outcome)."""
    job = session.get(AnalyticsJob, job_id)
    user = session.get(UserAccount, job.requested_by_user_id) if job else None
    if job is None or user is None:
        raise NotFound("jobs.not_found")
    with deadline.bounded(session, seconds=get_settings().jobs_time_limit_s):
        return runners.compute(
            session,
            user=user,
            kind=job.kind,
            start=job.period_start,
            end=job.period_end,
            district_code=job.district_code,
            progress=progress,
        )


def finish(session: Session, *, job_id: int, outcome: runners.Outcome) -> None:
    job = session.get(AnalyticsJob, job_id)
    if job is None:
        raise NotFound("jobs.not_found")
    job.result_json = json.dumps(outcome.result, ensure_ascii=False, default=str)
    job.result_file, job.result_media_type = outcome.file, outcome.media_type
    job.person_ids_json = json.dumps(sorted(outcome.person_ids)) if outcome.person_ids else None
    job.status, job.progress, job.finished_at = JobStatus.done, 100, utcnow()
    session.add(job)


def fail(session: Session, *, job_id: int, exc: BaseException) -> None:
    """Record why a job failed (the Korean message of a known error, else its class)."""
    job = session.get(AnalyticsJob, job_id)
    if job is None:
        return
    reason = exc.message if isinstance(exc, MaeulError) else type(exc).__name__
    job.status, job.finished_at, job.error = JobStatus.failed, utcnow(), reason[:500]
    session.add(job)


@dataclass
class NetworkResults:
    """The network page: the stored summary and growth for a period and scope (None: not computed
    yet), and the jobs still running for them."""

    start: date
    end: date
    district: str
    summary: JobView | None
    growth: JobView | None
    active: list[AnalyticsJob]


def network_results(
    session: Session,
    *,
    user: UserAccount,
    start: date | None,
    end: date | None,
    district_code: str | None = None,
) -> NetworkResults:
    """The latest stored network summary and growth (the latest project year by default)."""
    year = latest_year(session)
    start, end = start or date(year, 1, 1), end or date(year, 12, 31)
    summary, growth = (
        latest(session, user=user, kind=kind, start=start, end=end, district_code=district_code)
        for kind in (JobKind.network_summary, JobKind.network_growth)
    )
    snapped_start, snapped_end = analysis_period(user, start, end)
    district = access.scope_district(user, district_code)
    active = [
        job
        for job in list_(session, user=user)
        if job.status in ACTIVE
        and (job.period_start, job.period_end, job.district_code)
        == (snapped_start, snapped_end, district)
    ]
    return NetworkResults(start, end, district or "", summary, growth, active)
