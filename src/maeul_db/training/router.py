"""Training API: catalogue, enrolments, attendance, computed progress, council-school check."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Body

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.models import TrainingStage
from maeul_db.training import council_school, service
from maeul_db.training.schemas import (
    AttendanceRecord,
    CouncilSchoolCheck,
    EnrolmentCreate,
    ProgramCreate,
    ProgramPublic,
    Progress,
)

router = APIRouter(prefix="/training", tags=["training"])


@router.get("/programs", response_model=list[ProgramPublic])
def list_programs(session: SessionDep, stage: TrainingStage | None = None) -> list[ProgramPublic]:
    """The training catalogue with modules, hours and prerequisites."""
    return [service.program_public(session, p) for p in service.list_programs(session, stage=stage)]


@router.post("/programs", response_model=ProgramPublic, status_code=201)
def create_program(session: SessionDep, user: CurrentUser, data: ProgramCreate) -> ProgramPublic:
    """Add a programme (city admin: city-run; district staff: their district's)."""
    return service.program_public(session, service.create_program(session, user=user, data=data))


@router.post("/enrolments", response_model=Progress, status_code=201)
def create_enrolment(session: SessionDep, user: CurrentUser, data: EnrolmentCreate) -> Progress:
    """Enrol a person in a programme."""
    enrolment = service.enrol(session, user=user, data=data)
    return service.progress(session, enrolment=enrolment)


@router.put("/enrolments/{enrolment_id}/attendance", response_model=Progress)
def record_attendance(
    session: SessionDep,
    user: CurrentUser,
    enrolment_id: int,
    records: Annotated[list[AttendanceRecord], Body(min_length=1)],
) -> Progress:
    """Record hours attended per module; completion is recomputed from the record."""
    return service.record_attendance(session, user=user, enrolment_id=enrolment_id, records=records)


@router.post("/enrolments/{enrolment_id}/withdraw", response_model=Progress)
def withdraw_enrolment(
    session: SessionDep, user: CurrentUser, enrolment_id: int, on: Annotated[date, Body(embed=True)]
) -> Progress:
    """Record that the person withdrew from the course."""
    return service.withdraw(session, user=user, enrolment_id=enrolment_id, on=on)


@router.get("/people/{person_id}", response_model=list[Progress])
def list_person_training(session: SessionDep, user: CurrentUser, person_id: int) -> list[Progress]:
    """A person's enrolments with computed completion and the rule checks behind it."""
    return service.list_progress(session, user=user, person_id=person_id)


@router.get("/people/{person_id}/council-school", response_model=CouncilSchoolCheck)
def check_council_school(
    session: SessionDep, user: CurrentUser, person_id: int
) -> CouncilSchoolCheck:
    """Whether the person has the 6 council-school hours a council seat needs."""
    return council_school.for_person(session, user=user, person_id=person_id)
