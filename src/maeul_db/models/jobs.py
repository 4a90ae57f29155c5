"""Background analytics jobs and their stored results, and the analysts' pseudonym lookup.

A job's result is kept per (kind, period, district, audience): the audience says whether it was
computed for analysts (pseudonymised, small cells suppressed) or for staff and admins, so an
analyst is never shown a result computed for someone who may see more (docs/decisions.md
"Background jobs")."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Index, LargeBinary, Text
from sqlmodel import Field, SQLModel

from maeul_db.models.base import IdTimestamps, aware_datetime, choice


class JobKind(StrEnum):
    network_summary = "network_summary"  # PageRank, cores, sampled betweenness, Louvain
    network_growth = "network_growth"  # the network year by year (union-find)
    indicator_export = "indicator_export"  # the indicator tables as an xlsx workbook
    yearly_report = "yearly_report"  # the yearly report PDF


class JobStatus(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


class JobAudience(StrEnum):
    pseudonymised = "pseudonymised"  # computed for analysts
    named = "named"  # computed for district staff or city admins


class AnalyticsJob(IdTimestamps, table=True):
    """One run of a heavy analysis; the latest finished one per key is the stored result."""

    __tablename__ = "analytics_job"
    __table_args__ = (
        Index("ix_analytics_job_key", "kind", "period_start", "period_end", "district_code"),
    )

    kind: JobKind = choice(30)
    period_start: date
    period_end: date
    district_code: str | None = Field(default=None, foreign_key="district.code", max_length=5)
    audience: JobAudience = choice(20)
    requested_by_user_id: int = Field(foreign_key="user_account.id", index=True)
    status: JobStatus = choice(20, default=JobStatus.queued)
    progress: int = Field(default=0)  # percent
    started_at: datetime | None = aware_datetime(default=None)
    finished_at: datetime | None = aware_datetime(default=None)
    error: str | None = Field(default=None, max_length=500)
    # The result as JSON (summaries, growth tables) or a file (xlsx, pdf) with its media type.
    result_json: str | None = Field(default=None, sa_type=Text)
    result_file: bytes | None = Field(default=None, sa_type=LargeBinary)
    result_media_type: str | None = Field(default=None, max_length=100)
    # The people a result names (by pseudonym on the page): logged whenever it is shown.
    person_ids_json: str | None = Field(default=None, sa_type=Text)


class AnalyticsPseudonym(SQLModel, table=True):
    """Person id → analysts' pseudonym under the current analytics key (``key_id`` tells which), so
    a pseudonym is found by an index instead of hashing everyone (refreshed on demand or by
    ``maeul-db jobs pseudonyms``)."""

    __tablename__ = "analytics_pseudonym"

    person_id: int = Field(primary_key=True, foreign_key="person.id")
    pseudonym: str = Field(max_length=20, unique=True)
    key_id: str = Field(max_length=16)
