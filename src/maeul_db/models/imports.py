"""Spreadsheet imports: each file imported is a batch that can be listed and undone."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Text
from sqlmodel import Field

from maeul_db.models.base import IdTimestamps, aware_datetime, choice


class ImportStatus(StrEnum):
    committed = "committed"
    undone = "undone"


class ImportBatch(IdTimestamps, table=True):
    __tablename__ = "import_batch"

    # None: a city-wide import (the attendance of a city-wide programme matched across the city).
    district_code: str | None = Field(
        default=None, foreign_key="district.code", max_length=5, index=True
    )
    # What the file held: ``imports.kinds`` (roster, attendance, ...); undo dispatches on it.
    kind: str = Field(default="roster", max_length=30)
    filename: str = Field(max_length=255)
    # Same file again = same digest: lets a re-import be recognised and add nothing.
    file_sha256: str = Field(max_length=64, index=True)
    rows_read: int = 0
    committed: int = 0
    rejected: int = 0
    status: ImportStatus = choice(20, default=ImportStatus.committed)
    # Plain ids, not foreign keys: a key here would close a cycle person → import_batch →
    # user_account → person that breaks table ordering for bulk writes and drops.
    created_by_user_id: int | None = None
    undone_at: datetime | None = aware_datetime(default=None)
    undone_by_user_id: int | None = None
    report: str | None = Field(default=None, sa_type=Text)
