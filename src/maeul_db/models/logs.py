"""Append-only audit log (changes) and access log (reads and exports of personal data)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from maeul_db.kit.time import utcnow
from maeul_db.models.base import aware_datetime


class AuditLog(SQLModel, table=True):
    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = aware_datetime(default_factory=utcnow, index=True)
    actor_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    action: str = Field(max_length=40)
    entity: str = Field(max_length=40)
    entity_id: str = Field(max_length=40, index=True)
    district_code: str | None = Field(default=None, max_length=5, index=True)
    before: str | None = Field(default=None, sa_type=Text)
    after: str | None = Field(default=None, sa_type=Text)


class AccessLog(SQLModel, table=True):
    """Who read or exported whose personal data. Each row carries the previous row's hash."""

    __tablename__ = "access_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = aware_datetime(default_factory=utcnow, index=True)
    actor_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    actor_username: str = Field(max_length=60)
    source_address: str | None = Field(default=None, max_length=60)
    action: str = Field(max_length=40)
    purpose: str | None = Field(default=None, max_length=200)
    district_code: str | None = Field(default=None, max_length=5, index=True)
    person_ids: str = Field(default="", sa_type=Text)
    prev_hash: str = Field(max_length=64)
    row_hash: str = Field(max_length=64, unique=True)
