"""A person's timeline: every fact in time order, with the growth-ladder steps marked."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import SQLModel

# The one growth ladder (analytics/ladder.py): a timeline marks the same rungs the ladder report
# counts.
from maeul_db.analytics.ladder import Rung

__all__ = ["ProjectStep", "ProjectTimelinePublic", "Rung", "TimelineEvent", "TimelinePublic"]


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


class ProjectStep(SQLModel):
    """One step of a project's timeline: a status its application, report or settlement reached,
    its creation, people joining or leaving, an activity, a 보탬e status."""

    # The instant, for steps recorded with one; None for a fact of a day (an activity held, a
    # participation from a date), placed within its day by when it was recorded.
    at: datetime | None = None
    on: date  # the Seoul day
    kind: str  # application, project, participants, activity, report, settlement, botame
    code: str  # the status reached, or a project_step code
    from_code: str | None = None
    kind_label: str
    label: str
    detail: str = ""  # the reason, note or activity title
    actor: str | None = None  # the account that made the step
    count: int = 0  # people joining or leaving
    names: list[str] = []  # those of them the viewer may read


class ProjectTimelinePublic(SQLModel):
    project_id: int
    project_name: str
    year: int
    application_id: int | None
    botame_id: str | None
    botame_status: str | None
    botame_status_label: str | None
    steps: list[ProjectStep]
