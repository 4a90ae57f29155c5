"""Audit trail of changes: who changed what, before and after (append-only table), and reading
it back in the reader's scope."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from maeul_db.audit.filters import LogFilter
from maeul_db.auth import policies
from maeul_db.errors import Forbidden
from maeul_db.kit.pagination import Page, paginate
from maeul_db.models import AuditLog, UserAccount


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot serialise {type(value).__name__}")


def snapshot(values: dict[str, Any] | None) -> str | None:
    if values is None:
        return None
    return json.dumps(values, default=_default, ensure_ascii=False, sort_keys=True)


def record(
    session: Session,
    *,
    actor: UserAccount | None,
    action: str,
    entity: str,
    entity_id: object,
    district_code: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditLog(
            actor_user_id=actor.id if actor else None,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            district_code=district_code,
            before=snapshot(before),
            after=snapshot(after),
        )
    )


@dataclass(frozen=True)
class AuditEntry:
    """One audit row with its actor's username (none for a command or the system)."""

    row: AuditLog
    actor_username: str | None


def list_for(
    session: Session,
    *,
    user: UserAccount,
    page: Page,
    filters: LogFilter | None = None,
    entity: str | None = None,
    entity_id: str | None = None,
) -> tuple[list[AuditEntry], int]:
    """The audit trail in the user's scope: district staff their district's rows, the city admin
    every row (account changes with no district included); other roles are refused."""
    # Loaded here, not with the module: writers (``record``: every import) need neither.
    from maeul_db.access_log import service as access_log
    from maeul_db.core.scope import district_scoped

    if not policies.can_log_facts(user):
        raise Forbidden("audit.forbidden")
    filters = filters or LogFilter()
    stmt = district_scoped(
        AuditLog,
        user,
        query=select(AuditLog, UserAccount.username).outerjoin(
            UserAccount, col(UserAccount.id) == col(AuditLog.actor_user_id)
        ),
    )
    stmt = filters.apply(stmt, at=AuditLog.at, action=AuditLog.action)
    if filters.actor:
        stmt = stmt.where(func.lower(col(UserAccount.username)) == filters.actor.strip().lower())
    if entity:
        stmt = stmt.where(col(AuditLog.entity) == entity)
    if entity_id:
        stmt = stmt.where(col(AuditLog.entity_id) == entity_id)
    rows, count = paginate(session, stmt, page=page, order_by=col(AuditLog.id).desc())
    entries = [AuditEntry(row, username) for row, username in rows]
    # A person's audit rows hold their details before and after a change: showing them is a
    # read of that person's data, logged like any other.
    people = [int(e.row.entity_id) for e in entries if e.row.entity == "person"]
    access_log.record(session, actor=user, action="audit.read", person_ids=people)
    return entries, count
