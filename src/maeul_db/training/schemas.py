"""Training schemas: catalogue, enrolment, attendance and the computed progress."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlmodel import Field, SQLModel

from maeul_db.imports.schemas import RejectedRowPublic
from maeul_db.kit.schemas import InputSchema
from maeul_db.models import TrainingStage


class ModuleCreate(InputSchema):
    name: str = Field(min_length=1, max_length=200)
    hours: Decimal = Field(gt=0, le=1000)


class ProgramCreate(InputSchema):
    code: str = Field(min_length=1, max_length=30)
    name: str = Field(min_length=1, max_length=200)
    stage: TrainingStage
    min_attendance_percent: int = Field(default=80, ge=0, le=100)
    min_hours: Decimal | None = Field(default=None, ge=0)
    # None = run by the city centre (city admin only).
    district_code: str | None = Field(default=None, regex=r"^11\d{3}$")
    modules: list[ModuleCreate] = Field(min_length=1)
    prerequisite_ids: list[int] = Field(default_factory=list)


class ModulePublic(SQLModel):
    id: int
    name: str
    hours: Decimal
    sequence: int


class ProgramPublic(SQLModel):
    id: int
    code: str
    name: str
    stage: TrainingStage
    min_attendance_percent: int
    min_hours: Decimal | None
    district_code: str | None
    total_hours: Decimal
    modules: list[ModulePublic]
    prerequisite_ids: list[int]


class EnrolmentCreate(InputSchema):
    program_id: int
    person_id: int
    enrolled_on: date
    cohort: str | None = Field(default=None, max_length=40)


class AttendanceRecord(InputSchema):
    module_id: int
    hours_attended: Decimal = Field(ge=0, le=1000)
    attended_on: date | None = None


class RuleCheck(SQLModel):
    """One rule and whether it is met, with the figures behind it (shown to staff and experts)."""

    rule: str
    met: bool
    detail: str


class Progress(SQLModel):
    """Where one enrolment stands against its programme's completion rule, with the reasons."""

    enrolment_id: int
    program_id: int
    program_code: str
    program_name: str
    stage: TrainingStage
    person_id: int
    district_code: str | None
    enrolled_on: date
    withdrawn_on: date | None
    attended_hours: Decimal
    total_hours: Decimal
    attended_percent: Decimal
    completed: bool
    completed_on: date | None
    checks: list[RuleCheck]


class CouncilSchoolCheck(SQLModel):
    person_id: int
    hours: Decimal
    required_hours: Decimal
    meets_minimum: bool


class AttendanceImportReport(SQLModel):
    """What ``maeul-db training import`` did (or, on a dry run or a rejected file, would do)."""

    filename: str
    file_kind: str
    encoding: str | None
    program_code: str
    district_code: str | None
    dry_run: bool
    rows_read: int
    rejected_rows: int
    rejected: list[RejectedRowPublic]
    people: int
    enrolments_created: int
    attendance_recorded: int
    completed: int
    warnings: list[str]
    # The import batch written (listed and undone with ``maeul-db import-batches``); None when
    # nothing was written.
    batch_id: int | None = None
