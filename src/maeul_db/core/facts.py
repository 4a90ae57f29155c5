"""One fact, once: the checks behind the unique indexes of the i14-facts migration.

A group is one per name in a district, a project one per name in a district and year; a person
holds one participation in a project (one membership of a group) at any time, whatever the role.
The database refuses a second open fact and a second name (unique indexes, both databases); these
checks run first so every door answers a 409 naming the existing record (``existing_id``) instead
of an integrity error at commit, and they also refuse overlapping closed intervals, which neither
database can express portably.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from maeul_db.errors import Conflict


def refuse_name_clash(
    session: Session,
    model: type[Any],
    *,
    name: str,
    same: dict[str, object],
    row_id: int | None,
    message: str,
) -> None:
    """``name`` is free among ``model`` rows sharing ``same`` (other than ``row_id`` itself)."""
    stmt = select(model.id).where(
        model.name == name, *(getattr(model, key) == value for key, value in same.items())
    )
    if row_id is not None:
        stmt = stmt.where(model.id != row_id)
    existing = session.exec(stmt.order_by(model.id)).first()
    if existing is not None:
        raise Conflict(message, field="name", name=name, existing_id=existing)


def overlapping(
    session: Session,
    model: type[Any],
    *,
    holder: tuple[str, int],
    person_id: int,
    valid_from: date,
    valid_to: date | None,
    row_id: int | None = None,
) -> Any | None:
    """The first not-voided fact of ``person_id`` in ``holder`` (column, id) whose interval shares
    a day with ``[valid_from, valid_to)``, if any."""
    column, holder_id = holder
    stmt = select(model).where(
        getattr(model, column) == holder_id,
        model.person_id == person_id,
        col(model.voided_at).is_(None),
        or_(col(model.valid_to).is_(None), model.valid_to > valid_from),
    )
    if valid_to is not None:
        stmt = stmt.where(and_(model.valid_from < valid_to))
    if row_id is not None:
        stmt = stmt.where(model.id != row_id)
    return session.exec(stmt.order_by(model.valid_from, model.id)).first()


def refuse_overlap(
    session: Session,
    model: type[Any],
    *,
    holder: tuple[str, int],
    person_id: int,
    valid_from: date,
    valid_to: date | None,
    message: str,
    row_id: int | None = None,
) -> None:
    """A second fact for the same person and holder on a day the first holds is a 409 naming it."""
    column, holder_id = holder
    existing = overlapping(
        session,
        model,
        holder=holder,
        person_id=person_id,
        valid_from=valid_from,
        valid_to=valid_to,
        row_id=row_id,
    )
    if existing is not None:
        raise Conflict(
            message,
            field="person_id",
            existing_id=existing.id,
            role=str(existing.role),
            since=existing.valid_from.isoformat(),
            **{column: holder_id},
        )
