"""Council schemas: what pages and the API send in and get back."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel

from maeul_db.assemblies.schemas import AssemblyPublic
from maeul_db.imports.schemas import RejectedRowPublic
from maeul_db.kit.schemas import InputSchema
from maeul_db.models import CouncilRole, SelectionMethod


class CouncilCreate(InputSchema):
    dong_code: str = Field(regex=r"^11\d{8}$")
    founded_on: date
    replaced_committee: str | None = Field(default=None, max_length=200)
    term_years: int = Field(default=2, ge=1, le=4)


class CouncilPublic(SQLModel):
    id: int
    district_code: str
    dong_code: str
    dong_name: str
    founded_on: date
    replaced_committee: str | None
    term_years: int


class SeatCreate(InputSchema):
    person_id: int
    role: CouncilRole = CouncilRole.member
    chosen_by: SelectionMethod
    valid_from: date
    valid_to: date | None = None
    # Only a city admin's, and only to seat someone short of council-school hours; audited.
    override_reason: str | None = Field(default=None, max_length=500)


class SeatPublic(SQLModel):
    id: int
    person_id: int
    person_name: str
    gender: str
    birth_year: int
    role: CouncilRole
    chosen_by: str | None
    valid_from: date
    valid_to: date | None
    override_reason: str | None


class BreachPublic(SQLModel):
    rule: str
    since: date
    share_percent: float
    gender: str | None
    message: str


class Appointed(SQLModel):
    """A new seat and the composition it leaves: breaches are warnings, never silent."""

    seat: SeatPublic
    breaches: list[BreachPublic]


class AbsenceFlag(SQLModel):
    person_id: int
    person_name: str
    since: date
    message: str


class SubcommitteeCreate(InputSchema):
    name: str = Field(min_length=1, max_length=100)


class SubcommitteeMemberCreate(InputSchema):
    person_id: int
    valid_from: date
    valid_to: date | None = None


class SubcommitteeSeat(SQLModel):
    id: int
    person_id: int
    person_name: str
    valid_from: date
    valid_to: date | None
    council_member: bool


class SubcommitteePublic(SQLModel):
    id: int
    name: str
    members: list[SubcommitteeSeat]


class ApplicantCreate(InputSchema):
    person_id: int
    applied_on: date
    term_start: date


class ApplicantPublic(SQLModel):
    id: int
    person_id: int
    person_name: str
    gender: str
    applied_on: date
    term_start: date
    school_hours: float
    trained: bool


class DrawCreate(InputSchema):
    term_start: date
    drawn_on: date
    women_seats: int = Field(ge=0, le=50)
    men_seats: int = Field(ge=0, le=50)
    # Given: the draw uses it (to repeat a draw held elsewhere); empty: a new random seed.
    seed: str | None = Field(default=None, min_length=1, max_length=64)


class DrawEntry(SQLModel):
    person_id: int
    person_name: str
    gender: str
    rank: int


class DrawPublic(SQLModel):
    id: int
    term_start: date
    drawn_on: date
    seed: str
    women_seats: int
    men_seats: int
    selected: list[DrawEntry]
    reserve: list[DrawEntry]
    # Re-running the draw with the stored seed over the same applicants gives the stored result.
    reproduced: bool


class MeetingCreate(InputSchema):
    held_on: date
    title: str = Field(min_length=1, max_length=200)
    subcommittee_id: int | None = None
    # Everyone else seated that day (on the council or the subcommittee) is recorded absent.
    present_person_ids: list[int] = Field(default_factory=list)


class MeetingPublic(SQLModel):
    id: int
    held_on: date
    title: str
    subcommittee_id: int | None
    present: int
    absent: int


class CouncilView(SQLModel):
    council: CouncilPublic
    as_of: date
    term_start: date
    term_last_day: date
    officers: list[str]
    members: list[SeatPublic]
    breaches: list[BreachPublic]
    report: list[BreachPublic]
    absences: list[AbsenceFlag]
    subcommittees: list[SubcommitteePublic]
    applicants: list[ApplicantPublic]
    draws: list[DrawPublic]
    meetings: list[MeetingPublic]
    # The dong's general assemblies (주민총회), newest first.
    assemblies: list[AssemblyPublic] = []
    # Whether the reader may seat someone short of council school, with a reason (city admin).
    can_override: bool


class CouncilStatus(SQLModel):
    district_code: str
    district_name: str
    dong_code: str
    dong_name: str
    council_id: int | None
    founded_on: date | None
    members: int
    breach: bool


class ExperienceShare(SQLModel):
    """Council members of a year with village-project experience before their first seat."""

    year: int
    district_code: str | None
    members: int
    experienced: int
    share_percent: float
    by_gender: dict[str, tuple[int, int]]


class StatusPage(SQLModel):
    as_of: date
    # The district the page covers; None: the whole city (the city admin).
    district_code: str | None
    rows: list[CouncilStatus]
    experience: ExperienceShare


class RosterImportReport(SQLModel):
    """What a council roster import did (or, for a refused strict file, would have done)."""

    filename: str
    file_kind: str
    council_id: int
    rows_read: int
    seats_created: int
    people_created: int
    rejected_rows: int
    rejected: list[RejectedRowPublic]
    # True when strict mode refused the whole file for its refused rows.
    refused: bool
    message: str | None = None
    warnings: list[str] = Field(default_factory=list)
    batch_id: int | None = None
