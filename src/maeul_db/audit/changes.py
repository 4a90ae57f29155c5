"""Audited changes shared by every domain: update fields, end an interval, void an entry.

Each writes the change and its audit row together, so no domain can forget one of the two.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from maeul_db.audit.service import record
from maeul_db.errors import Conflict
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


# Columns a role change does not carry over to the next interval (made by hand, so not part of
# the import batch the first came from: undoing that batch leaves it).
_NOT_CARRIED = {
    "id",
    "created_at",
    "updated_at",
    "valid_from",
    "valid_to",
    "voided_at",
    "import_batch_id",
}


def change_role(
    session: Session, *, actor: UserAccount, row: Any, role: str, on: date, entity: str
) -> Any:
    """A new role from ``on``: the fact's interval ends there and the next opens with the role,
    so the person still holds one fact at any time and the history keeps both roles."""
    if str(row.role) == str(role):
        raise Conflict("interval.same_role", field="role")
    end = intervals.split(row, on=on)
    session.add(row)
    session.flush()  # the old interval is closed before the next one opens (unique open fact)
    values = row.model_dump(exclude=_NOT_CARRIED | {"void_reason", "role"})
    following = type(row)(**values, role=role, valid_from=on, valid_to=end)
    session.add(following)
    session.flush()
    record(
        session,
        actor=actor,
        action="change_role",
        entity=entity,
        entity_id=row.id,
        district_code=row.district_code,
        before={"role": str(row.role)},
        after={"role": str(role), "from": on, "next_id": following.id},
    )
    return following
