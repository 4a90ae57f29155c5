"""A person's timeline: every fact in time order, with the growth-ladder steps marked."""

from __future__ import annotations

from datetime import date

from sqlmodel import SQLModel

# The one growth ladder (analytics/ladder.py): a timeline marks the same rungs the ladder report
# counts.
from maeul_db.analytics.ladder import Rung

__all__ = ["Rung", "TimelineEvent", "TimelinePublic"]


class TimelineEvent(SQLModel):
    on: date
    until: date | None = None
    kind: str  # participation, membership, attendance, training, council_seat, career, placement
    title: str
    role: str | None = None
    district_code: str | None = None
    reached: Rung | None = None  # the ladder rung this event first reached


class TimelinePublic(SQLModel):
    person_id: int
    events: list[TimelineEvent]
    rungs: list[Rung]
    # True when this user sees only part of the record (facts of other districts are left out).
    partial: bool
