"""The import wizard's tables (issue 10): a district's saved column and value mappings, keyed by
the file's header names, and uploads kept server-side while the officer maps and fixes them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, Text, UniqueConstraint
from sqlmodel import Field

from maeul_db.models.base import IdTimestamps, aware_datetime, district_fk


class ImportMapping(IdTimestamps, table=True):
    """How one district's files with these headers are read: applied silently next time."""

    __tablename__ = "import_mapping"
    __table_args__ = (UniqueConstraint("district_code", "kind", "header_key"),)

    district_code: str = district_fk()
    kind: str = Field(default="roster", max_length=30)
    # sha256 of the headers' comparison forms, in order: the lookup key (header names, not
    # positions of fields).
    header_key: str = Field(max_length=64)
    headers: str = Field(sa_type=Text)  # JSON list, for showing and exporting
    mapping: str = Field(sa_type=Text)  # JSON {"columns": {...}, "values": {...}}
    updated_by_user_id: int | None = None


class ImportUpload(IdTimestamps, table=True):
    """An uploaded file waiting in the wizard: its bytes and the officer's choices so far. Scoped
    to the uploader and their district; removed once imported or past ``expires_at``."""

    __tablename__ = "import_upload"

    token: str = Field(max_length=64, unique=True)
    district_code: str = district_fk()
    user_id: int = Field(index=True)
    filename: str = Field(max_length=255)
    content: bytes = Field(sa_type=LargeBinary)
    # JSON: sheet, header_row, columns, values, edits, excluded.
    choices: str = Field(default="{}", sa_type=Text)
    expires_at: datetime = aware_datetime(index=True)
