"""Import report and batch shapes (API and CLI ``--json``)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import SQLModel

from maeul_db.models import ImportStatus


class RowErrorPublic(SQLModel):
    column: str
    reason: str
    code: str


class RejectedRowPublic(SQLModel):
    """One rejected row: its first error in ``column``/``reason``, every error in ``errors``."""

    row: int
    column: str
    reason: str
    code: str
    errors: list[RowErrorPublic]


class CreatedPublic(SQLModel):
    people: int = 0
    people_linked: int = 0
    groups: int = 0
    projects: int = 0
    participations: int = 0
    memberships: int = 0
    review_candidates: int = 0


class ImportReport(SQLModel):
    filename: str
    file_kind: str
    encoding: str | None
    district_code: str
    partial: bool
    dry_run: bool
    rows_read: int
    committed: int
    rejected_rows: int
    rejected: list[RejectedRowPublic]
    unchanged_rows: int
    created: CreatedPublic
    warnings: list[str]
    batch_id: int | None


class ImportBatchPublic(SQLModel):
    id: int
    # None: a city-wide attendance import.
    district_code: str | None
    # What the file held (imports.batches.KINDS): roster, attendance.
    kind: str = "roster"
    filename: str
    file_sha256: str
    rows_read: int
    committed: int
    rejected: int
    status: ImportStatus
    created_at: datetime
    created_by_user_id: int | None
    undone_at: datetime | None
    created: CreatedPublic
    has_rejected_file: bool


class ImportBatchesPublic(SQLModel):
    data: list[ImportBatchPublic]
    count: int


class UndoPublic(SQLModel):
    batch: ImportBatchPublic
    removed: dict[str, int]
    # Rows the batch created that stay because something added later refers to them.
    kept: dict[str, int]
