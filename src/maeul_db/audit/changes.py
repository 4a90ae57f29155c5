"""Audited changes shared by every domain: update fields, end an interval, void an entry.

Each writes the change and its audit row together, so no domain can forget one of the two.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from maeul_db.audit.service import record
from maeul_db.kit import intervals
from maeul_db.models import UserAccount


def apply_update(
    session: Session, *, actor: UserAccount, row: Any, changes: dict[str, Any], entity: str
) -> None:
    before = {name: getattr(row, name) for name in changes}
    for name, value in changes.items():
        setattr(row, name, value)
    session.add(row)
    session.flush()
    record(
        session,
        actor=actor,
        action="update",
        entity=entity,
        entity_id=row.id,
        district_code=row.district_code,
        before=before,
        after=changes,
    )


def close_fact(
    session: Session, *, actor: UserAccount, row: Any, valid_to: date, entity: str
) -> None:
    """End a relationship on ``valid_to``; the row stays, so "as of" earlier dates still sees it."""
    intervals.close(row, valid_to=valid_to)
    session.add(row)
    record(
        session,
        actor=actor,
        action="close",
        entity=entity,
        entity_id=row.id,
        district_code=row.district_code,
        after={"valid_to": valid_to},
    )


def void_fact(session: Session, *, actor: UserAccount, row: Any, reason: str, entity: str) -> None:
    """Mark an entry made in error; it stays for the record but no longer counts."""
    intervals.void(row, reason=reason)
    session.add(row)
    record(
        session,
        actor=actor,
        action="void",
        entity=entity,
        entity_id=row.id,
        district_code=row.district_code,
        after={"reason": reason},
    )
