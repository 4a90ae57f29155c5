"""A person's timeline: every fact in time order, with the growth-ladder steps marked."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import SQLModel


class Rung(StrEnum):
    """The growth ladder in DOMAIN.md, lowest first."""

    participant = "participant"
    repeat_participant = "repeat_participant"
    lead_proposer = "lead_proposer"
    higher_stage = "higher_stage"
    council_member = "council_member"
    trained_expert = "trained_expert"
    placed_expert = "placed_expert"


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
