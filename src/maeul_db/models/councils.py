"""Resident councils (서울형 주민자치회): one per dong, its subcommittees, applicants, public
lottery draws and meetings with attendance. Seats themselves are ``CouncilSeat`` (careers.py),
extended with the council they belong to."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from maeul_db.models.base import IdTimestamps, Interval, choice, district_fk


class SelectionMethod(StrEnum):
    open_call = "open_call"  # 공개모집
    recommended = "recommended"  # 추천
    lottery = "lottery"  # 추첨


class DrawOutcome(StrEnum):
    selected = "selected"  # 당첨
    reserve = "reserve"  # 예비


class Council(IdTimestamps, table=True):
    district_code: str = district_fk()
    dong_code: str = Field(foreign_key="dong.code", max_length=10, unique=True)
    founded_on: date
    # The old 주민자치위원회 the council replaced (its name as the dong knew it).
    replaced_committee: str | None = Field(default=None, max_length=200)
    # Terms run from ``founded_on`` in steps of this many years (the plan: 2).
    term_years: int = Field(default=2, ge=1, le=4)


class Subcommittee(IdTimestamps, table=True):
    __tablename__ = "council_subcommittee"
    __table_args__ = (UniqueConstraint("council_id", "name"),)

    council_id: int = Field(foreign_key="council.id", index=True)
    name: str = Field(max_length=100)


class SubcommitteeMember(IdTimestamps, Interval, table=True):
    """A seat on a subcommittee (분과); residents who are not council members may sit on one."""

    __tablename__ = "council_subcommittee_member"

    subcommittee_id: int = Field(foreign_key="council_subcommittee.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    district_code: str = district_fk()


class CouncilApplicant(IdTimestamps, table=True):
    __tablename__ = "council_applicant"
    __table_args__ = (UniqueConstraint("council_id", "person_id", "term_start"),)

    council_id: int = Field(foreign_key="council.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    district_code: str = district_fk()
    applied_on: date
    # The first day of the term applied for.
    term_start: date


class CouncilDraw(IdTimestamps, table=True):
    """A public lottery (공개 추첨): anyone re-running it with ``seed`` gets the same result."""

    __tablename__ = "council_draw"

    council_id: int = Field(foreign_key="council.id", index=True)
    district_code: str = district_fk()
    term_start: date
    drawn_on: date
    seed: str = Field(max_length=64)
    women_seats: int = Field(ge=0)
    men_seats: int = Field(ge=0)
    drawn_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")


class CouncilDrawResult(SQLModel, table=True):
    __tablename__ = "council_draw_result"

    draw_id: int = Field(foreign_key="council_draw.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True, index=True)
    outcome: DrawOutcome = choice(10)
    # Order within the outcome: the n-th winner, the n-th on the reserve list.
    rank: int = Field(ge=1)


class CouncilMeeting(IdTimestamps, table=True):
    """A council meeting, or a subcommittee's when ``subcommittee_id`` is set."""

    __tablename__ = "council_meeting"

    council_id: int = Field(foreign_key="council.id", index=True)
    subcommittee_id: int | None = Field(default=None, foreign_key="council_subcommittee.id")
    district_code: str = district_fk()
    held_on: date = Field(index=True)
    title: str = Field(max_length=200)


class CouncilMeetingAttendance(SQLModel, table=True):
    """Who was expected and whether they came; an absence is a row with ``present`` false."""

    __tablename__ = "council_meeting_attendance"

    meeting_id: int = Field(foreign_key="council_meeting.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True, index=True)
    present: bool
