"""Audit trail of changes: who changed what, before and after (append-only table)."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlmodel import Session

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
