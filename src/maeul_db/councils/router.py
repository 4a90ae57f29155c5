"""Resident council API: councils, seats, applicants, draws, subcommittees and meetings."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Body, File, Form, Query, UploadFile
from fastapi.responses import JSONResponse, Response

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.councils import draws, meetings, roster_import, seats, service, views
from maeul_db.councils.schemas import (
    ApplicantCreate,
    ApplicantPublic,
    Appointed,
    CouncilCreate,
    CouncilPublic,
    CouncilView,
    DrawCreate,
    DrawPublic,
    MeetingCreate,
    MeetingPublic,
    RosterImportReport,
    SeatCreate,
    SeatPublic,
    StatusPage,
    SubcommitteeCreate,
    SubcommitteeMemberCreate,
    SubcommitteePublic,
    SubcommitteeSeat,
)
from maeul_db.imports import files
from maeul_db.kit import time as clock

router = APIRouter(prefix="/councils", tags=["councils"])


@router.get("", response_model=StatusPage)
def list_councils(
    session: SessionDep,
    user: CurrentUser,
    as_of: date | None = None,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> StatusPage:
    """Every dong in your scope with its council's status, and the experience indicator."""
    day = as_of or clock.today()
    return views.status_page(session, user=user, as_of=day, year=year or day.year)


@router.post("", response_model=CouncilPublic, status_code=201)
def create_council(session: SessionDep, user: CurrentUser, data: CouncilCreate) -> CouncilPublic:
    """Found a dong's council (one per dong)."""
    return service.create(session, user=user, data=data)


@router.get("/{council_id}", response_model=CouncilView)
def read_council(
    session: SessionDep, user: CurrentUser, council_id: int, as_of: date | None = None
) -> CouncilView:
    """A council as of a day: members, composition check, report, absences, draws, meetings."""
    return views.council_view(
        session, user=user, council_id=council_id, as_of=as_of or clock.today()
    )


@router.post("/{council_id}/seats", response_model=Appointed, status_code=201)
def appoint_member(
    session: SessionDep, user: CurrentUser, council_id: int, data: SeatCreate
) -> Appointed:
    """Seat a person (refused without 6 council-school hours); returns composition warnings."""
    return seats.appoint(session, user=user, council_id=council_id, data=data)


@router.post("/{council_id}/seats/{seat_id}/close", response_model=SeatPublic)
def close_seat(
    session: SessionDep,
    user: CurrentUser,
    council_id: int,
    seat_id: int,
    valid_to: Annotated[date, Body(embed=True)],
) -> SeatPublic:
    """End a seat on ``valid_to`` (exclusive)."""
    return seats.close(
        session, user=user, council_id=council_id, seat_id=seat_id, valid_to=valid_to
    )


@router.post("/{council_id}/applicants", response_model=ApplicantPublic, status_code=201)
def add_applicant(
    session: SessionDep, user: CurrentUser, council_id: int, data: ApplicantCreate
) -> ApplicantPublic:
    """Record an application for a term."""
    return draws.add_applicant(session, user=user, council_id=council_id, data=data)


@router.post("/{council_id}/draws", response_model=DrawPublic, status_code=201)
def run_draw(
    session: SessionDep, user: CurrentUser, council_id: int, data: DrawCreate
) -> DrawPublic:
    """Run a public lottery among trained applicants; the seed is stored."""
    return draws.run_draw(session, user=user, council_id=council_id, data=data)


@router.post("/{council_id}/subcommittees", response_model=SubcommitteePublic, status_code=201)
def create_subcommittee(
    session: SessionDep, user: CurrentUser, council_id: int, data: SubcommitteeCreate
) -> SubcommitteePublic:
    """Add a subcommittee (분과)."""
    return meetings.create_subcommittee(session, user=user, council_id=council_id, data=data)


@router.post(
    "/{council_id}/subcommittees/{subcommittee_id}/members",
    response_model=SubcommitteeSeat,
    status_code=201,
)
def add_subcommittee_member(
    session: SessionDep,
    user: CurrentUser,
    council_id: int,
    subcommittee_id: int,
    data: SubcommitteeMemberCreate,
) -> SubcommitteeSeat:
    """Seat a resident (council member or not) on a subcommittee."""
    return meetings.add_subcommittee_member(
        session, user=user, council_id=council_id, subcommittee_id=subcommittee_id, data=data
    )


@router.post("/{council_id}/meetings", response_model=MeetingPublic, status_code=201)
def record_meeting(
    session: SessionDep, user: CurrentUser, council_id: int, data: MeetingCreate
) -> MeetingPublic:
    """Record a council or subcommittee meeting with who came."""
    return meetings.record_meeting(session, user=user, council_id=council_id, data=data)


@router.post(
    "/{council_id}/roster",
    response_model=RosterImportReport,
    status_code=201,
    responses={422: {"model": RosterImportReport}},
)
def import_roster(
    session: SessionDep,
    user: CurrentUser,
    council_id: int,
    file: Annotated[UploadFile, File()],
    strict: Annotated[bool, Form()] = False,
) -> Response:
    """Seat a roster's members (xlsx/CSV, Korean headers) under the seat rules; 422 when nothing
    was written because ``strict`` refused the file."""
    report = roster_import.run_import(
        session,
        user=user,
        council_id=council_id,
        content=files.read_upload(file.file),
        filename=file.filename or "upload.csv",
        strict=strict,
    )
    # 201: written; 422: a strict file refused; 200: checked, every row refused (see the report).
    status = 201 if report.batch_id is not None else 422 if report.refused else 200
    return JSONResponse(report.model_dump(mode="json"), status_code=status)
