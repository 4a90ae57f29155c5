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
    # The project, group, activity, programme, employer or dong name (never a code; the date
    # column carries the year, so a project title does not repeat it).
    title: str
    role: str | None = None
    district_code: str | None = None
    reached: Rung | None = None  # the ladder rung this event first reached
    # A career not verified yet (self-reported); None for other kinds.
    verified: bool | None = None
    # Korean words for the codes above (wording.labels), for clients that show them.
    kind_label: str = ""
    role_label: str | None = None
    reached_label: str | None = None
    district_name: str | None = None


class TimelinePublic(SQLModel):
    person_id: int
    events: list[TimelineEvent]
    rungs: list[Rung]
    # True when this user sees only part of the record (facts of other districts are left out).
    partial: bool
