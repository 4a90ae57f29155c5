"""Ending and voiding interval rows: the two ways a relationship stops counting.

An end closes ``valid_to`` (the membership really ended); a void marks an entry made in error.
Neither deletes anything.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from maeul_db.errors import Conflict, InvalidInput
from maeul_db.kit.time import check_interval, last_day_from_valid_to, utcnow


def close(row: Any, *, valid_to: date) -> None:
    if row.voided_at is not None:
        raise Conflict("interval.voided")
    if row.valid_to is not None:
        raise Conflict("interval.already_ended", last_day=last_day_from_valid_to(row.valid_to))
    check_interval(row.valid_from, valid_to)
    row.valid_to = valid_to


def void(row: Any, *, reason: str) -> None:
    if not reason.strip():
        raise InvalidInput("interval.void_reason_required", field="reason")
    if row.voided_at is not None:
        raise Conflict("interval.already_voided")
    row.voided_at = utcnow()
    row.void_reason = reason.strip()[:200]


def split(row: Any, *, on: date) -> date | None:
    """End ``row`` the day before ``on`` so the next interval can start on ``on``; returns the
    end it had (the next interval keeps it)."""
    if row.voided_at is not None:
        raise Conflict("interval.voided")
    if on <= row.valid_from or (row.valid_to is not None and on >= row.valid_to):
        raise InvalidInput("interval.change_outside", field="on")
    end: date | None = row.valid_to
    row.valid_to = on
    return end
