"""A finished job of district A for the door and personal-data matrices."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from openpyxl import Workbook
from sqlmodel import Session

from maeul_db.models import AnalyticsJob, JobAudience, JobKind, JobStatus, UserAccount

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook() -> bytes:
    """A real (tiny) workbook: the personal-data test reads every download it is given."""
    book = Workbook()
    book.active.append(["지표", "값"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def make_done_job(
    session: Session, *, requested_by: UserAccount, district_code: str | None
) -> AnalyticsJob:
    """An indicator workbook computed for staff (``named``), finished, with a file."""
    assert requested_by.id is not None
    job = AnalyticsJob(
        kind=JobKind.indicator_export,
        period_start=date(2019, 1, 1),
        period_end=date(2019, 12, 31),
        district_code=district_code,
        audience=JobAudience.named,
        requested_by_user_id=requested_by.id,
        status=JobStatus.done,
        progress=100,
        started_at=datetime(2024, 3, 4, 1, 0, tzinfo=UTC),
        finished_at=datetime(2024, 3, 4, 1, 1, tzinfo=UTC),
        result_json='{"rows": 1}',
        result_file=_workbook(),
        result_media_type=XLSX,
    )
    session.add(job)
    session.flush()
    return job
