"""Audit trail views."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import SQLModel


class AuditEntryPublic(SQLModel):
    id: int
    at: datetime
    actor_user_id: int | None
    actor_username: str | None
    action: str
    entity: str
    entity_id: str
    district_code: str | None
    # JSON text as stored: the changed fields before and after.
    before: str | None
    after: str | None


class AuditEntriesPublic(SQLModel):
    data: list[AuditEntryPublic]
    count: int
