"""Access-log views."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import SQLModel


class AccessLogPublic(SQLModel):
    id: int
    at: datetime
    actor_username: str
    source_address: str | None
    action: str
    purpose: str | None
    district_code: str | None
    person_ids: list[int]
    row_hash: str


class AccessLogsPublic(SQLModel):
    data: list[AccessLogPublic]
    count: int


class ChainCheckPublic(SQLModel):
    ok: bool
    rows: int
    first_bad_id: int | None
    reason: str | None
