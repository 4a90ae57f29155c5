"""Training catalogue (programmes, modules, prerequisites), enrolments, attendance and completions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Numeric
from sqlmodel import Field, SQLModel

from maeul_db.models.base import IdTimestamps, choice


class TrainingStage(StrEnum):
    basic = "basic"  # 기본과정
    lecture_practice = "lecture_practice"  # 강의실습
    expert_activist = "expert_activist"  # 전문가과정 (활동가 과정)
    council_school = "council_school"  # 주민자치학교
    general = "general"  # 일반 시민교육


class TrainingProgram(IdTimestamps, table=True):
    __tablename__ = "training_program"

    code: str = Field(max_length=30, unique=True)
    name: str = Field(max_length=200)
    stage: TrainingStage = choice(30)
    # Share of the programme's hours a person must attend to complete it.
    min_attendance_percent: int = Field(default=80, ge=0, le=100)
    min_hours: Decimal | None = Field(default=None, sa_type=Numeric(6, 2))
    # None = run by the city centre.
    district_code: str | None = Field(default=None, foreign_key="district.code", max_length=5)


class TrainingModule(IdTimestamps, table=True):
    __tablename__ = "training_module"

    program_id: int = Field(foreign_key="training_program.id", index=True)
    name: str = Field(max_length=200)
    hours: Decimal = Field(sa_type=Numeric(6, 2))
    sequence: int = 1


class TrainingPrerequisite(SQLModel, table=True):
    __tablename__ = "training_prerequisite"

    program_id: int = Field(foreign_key="training_program.id", primary_key=True)
    requires_program_id: int = Field(foreign_key="training_program.id", primary_key=True)


class Enrolment(IdTimestamps, table=True):
    program_id: int = Field(foreign_key="training_program.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    district_code: str | None = Field(default=None, foreign_key="district.code", max_length=5)
    cohort: str | None = Field(default=None, max_length=40)
    enrolled_on: date
    withdrawn_on: date | None = None
    # The attendance import that created it (undoing the batch removes it): imports.undo.
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


class ModuleAttendance(SQLModel, table=True):
    __tablename__ = "module_attendance"

    enrolment_id: int = Field(foreign_key="enrolment.id", primary_key=True)
    module_id: int = Field(foreign_key="training_module.id", primary_key=True)
    hours_attended: Decimal = Field(sa_type=Numeric(6, 2))
    attended_on: date | None = None
    # The attendance import that wrote it; a row it overwrote keeps its old batch and the batch's
    # report keeps the old values, so an undo restores them (imports.undo).
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


class TrainingCompletion(IdTimestamps, table=True):
    """Written only by the completion rule (never typed by hand); see the training service."""

    __tablename__ = "training_completion"

    enrolment_id: int = Field(foreign_key="enrolment.id", unique=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    program_id: int = Field(foreign_key="training_program.id", index=True)
    completed_on: date
    hours: Decimal = Field(sa_type=Numeric(6, 2))
