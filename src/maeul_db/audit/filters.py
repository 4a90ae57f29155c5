"""The filters both log pages share (access log and audit trail): actor, action and a period of
Seoul calendar days, inclusive of its last day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlmodel import col

from maeul_db.errors import InvalidInput
from maeul_db.kit.time import ONE_DAY, PERIODS_FROM, PERIODS_TO, SEOUL


@dataclass(frozen=True)
class LogFilter:
    actor: str | None = None  # a username, matched exactly (case-insensitive)
    action: str | None = None
    date_from: date | None = None  # Seoul days, both inclusive
    date_to: date | None = None

    def check(self) -> None:
        """Each day within the periods' window (1900-2100, so a day bound never overflows),
        the end not before the start."""
        for day, name in ((self.date_from, "date_from"), (self.date_to, "date_to")):
            if day is not None and not PERIODS_FROM <= day <= PERIODS_TO:
                raise InvalidInput(
                    "input.period_out_of_range", field=name, low=PERIODS_FROM, high=PERIODS_TO
                )
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise InvalidInput("log.period_reversed", field="date_to")

    def apply(self, stmt: Any, *, at: Any, action: Any) -> Any:
        """``stmt`` limited by action and period (the actor needs each log's own column)."""
        self.check()
        if self.action:
            stmt = stmt.where(col(action) == self.action)
        if self.date_from:
            stmt = stmt.where(col(at) >= _seoul_midnight(self.date_from))
        if self.date_to:
            stmt = stmt.where(col(at) < _seoul_midnight(self.date_to + ONE_DAY))
        return stmt


def _seoul_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=SEOUL)
