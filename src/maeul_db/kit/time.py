"""Time helpers: aware UTC timestamps and the "as of D" condition shared by every interval table."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_

from maeul_db.errors import InvalidInput


def utcnow() -> datetime:
    return datetime.now(UTC)


def active_on(model: Any, on: date) -> ColumnElement[bool]:
    """``valid_from <= on < valid_to`` (open end when NULL), ignoring voided (corrected-away) rows."""
    condition = and_(
        model.valid_from <= on,
        or_(model.valid_to.is_(None), model.valid_to > on),
    )
    if hasattr(model, "voided_at"):
        condition = and_(condition, model.voided_at.is_(None))
    return condition


def check_interval(valid_from: date, valid_to: date | None) -> None:
    if valid_to is not None and valid_to <= valid_from:
        raise InvalidInput("interval.end_not_after_start", field="valid_to")
