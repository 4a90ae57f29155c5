"""Resident council pages (issue 12): every dong's council status with the experience indicator;
founding a council; a council as of any date with the composition check, the council report and
absence flags; appointing (refused without council school), ending seats, applicants, the public
lottery, subcommittees and meetings. Each form calls one service and re-renders on refusal."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.auth.deps import SessionDep
from maeul_db.councils import draws, meetings, roster_import, seats, service, views
from maeul_db.councils.schemas import (
    ApplicantCreate,
    CouncilCreate,
    DrawCreate,
    MeetingCreate,
    SeatCreate,
    SubcommitteeCreate,
    SubcommitteeMemberCreate,
)
from maeul_db.errors import Conflict, InvalidInput
from maeul_db.imports import files
from maeul_db.kit import time as clock
from maeul_db.models import UserAccount
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import (
    FieldError,
    FormDep,
    FormInvalid,
    build,
    closing_valid_to,
    filled,
    form_write,
    list_values,
    parse_day,
    resolve_person,
    saved_redirect,
    text_values,
)
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])


def _status(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    year: int | None = None,
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    today = clock.today()
    year = (
        int(request.query_params.get("year", "0") or 0)
        if request.query_params.get("year", "").isdigit()
        else today.year
    )
    page = views.status_page(session, user=user, as_of=today, year=min(max(year, 2000), 2100))
    context: dict[str, Any] = {
        "page": page,
        "dongs": [r for r in page.rows if r.council_id is None],
        "values": values or {"founded_on": today.isoformat(), "term_years": "2"},
        "errors": errors or {},
    }
    return render(request, "councils/status.html", context, status_code=status_code)


@router.get("/councils")
def show_councils(
    request: Request,
    session: SessionDep,
    user: WebUser,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> Response:
    """Every dong's council status today and the share of members with project experience."""
    return _status(request, session, user=user, year=year)


@router.post("/councils")
def create_council(request: Request, session: SessionDep, user: WebUser, form: FormDep) -> Response:
    """Found a dong's council."""
    values = text_values(form)
    try:
        data = build(
            CouncilCreate,
            filled(values, ("dong_code", "founded_on", "replaced_committee", "term_years")),
        )
        with form_write(session):
            council = service.create(session, user=user, data=data)
    except FormInvalid as exc:
        return _status(
            request, session, user=user, values=values, errors=exc.errors, status_code=422
        )
    return saved_redirect(f"/councils/{council.id}?saved=council")


def _council(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    council_id: int,
    as_of: date,
    failed: str = "",
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
    roster: dict[str, Any] | None = None,
) -> Response:
    view = views.council_view(session, user=user, council_id=council_id, as_of=as_of)
    context: dict[str, Any] = {
        "roster": roster or {},
        "view": view,
        "today": clock.today(),
        "failed": failed,
        "values": values or {},
        "errors": errors or {},
        "saved": request.query_params.get("saved", ""),
    }
    return render(request, "councils/council.html", context, status_code=status_code)


@router.get("/councils/{council_id}")
def show_council(
    request: Request,
    session: SessionDep,
    user: WebUser,
    council_id: int,
    as_of: Annotated[str | None, Query(max_length=10)] = None,
) -> Response:
    """A council as of any date: members, the composition check, the report, draws, meetings."""
    return _council(request, session, user=user, council_id=council_id, as_of=parse_day(as_of))


def _refused(
    request: Request,
    session: Session,
    user: UserAccount,
    council_id: int,
    failed: str,
    values: dict[str, str],
    exc: FormInvalid,
) -> Response:
    return _council(
        request,
        session,
        user=user,
        council_id=council_id,
        as_of=parse_day(values.get("as_of")),
        failed=failed,
        values=values,
        errors=exc.errors,
        status_code=422,
    )


def _person(session: Session, user: UserAccount, values: dict[str, str]) -> dict[str, Any]:
    person = values.get("person_id", "")
    if not person:
        return {}
    return {
        "person_id": resolve_person(
            session, user=user, person=person, pick="", field_name="person_id"
        )
    }


@router.post("/councils/{council_id}/seats")
def appoint(
    request: Request, session: SessionDep, user: WebUser, council_id: int, form: FormDep
) -> Response:
    """Seat a person; refused without 6 council-school hours unless a city admin gives a reason."""
    values = text_values(form)
    try:
        fields = filled(values, ("role", "chosen_by", "valid_from", "override_reason"))
        last_day = values.get("last_day")
        valid_to = closing_valid_to(values) if last_day else None
        data = build(SeatCreate, {**fields, **_person(session, user, values), "valid_to": valid_to})
        with form_write(session):
            result = seats.appoint(session, user=user, council_id=council_id, data=data)
    except FormInvalid as exc:
        return _refused(request, session, user, council_id, "seat", values, exc)
    saved = "seat_breach" if result.breaches else "seat"
    return saved_redirect(f"/councils/{council_id}?as_of={data.valid_from}&saved={saved}")


@router.post("/councils/{council_id}/seats/{seat_id}/close")
def close_seat(
    request: Request,
    session: SessionDep,
    user: WebUser,
    council_id: int,
    seat_id: int,
    form: FormDep,
) -> Response:
    """End a seat on its 종료일 (inclusive)."""
    values = text_values(form)
    try:
        valid_to = closing_valid_to(values)
        with form_write(session):
            seats.close(
                session, user=user, council_id=council_id, seat_id=seat_id, valid_to=valid_to
            )
    except FormInvalid as exc:
        return _refused(request, session, user, council_id, f"close-{seat_id}", values, exc)
    return saved_redirect(f"/councils/{council_id}?saved=seat_closed")


@router.post("/councils/{council_id}/applicants")
def add_applicant(
    request: Request, session: SessionDep, user: WebUser, council_id: int, form: FormDep
) -> Response:
    """Record an application for a term."""
    values = text_values(form)
    try:
        fields = filled(values, ("applied_on", "term_start"))
        data = build(ApplicantCreate, {**fields, **_person(session, user, values)})
        with form_write(session):
            draws.add_applicant(session, user=user, council_id=council_id, data=data)
    except FormInvalid as exc:
        return _refused(request, session, user, council_id, "applicant", values, exc)
    return saved_redirect(f"/councils/{council_id}?saved=applicant")


@router.post("/councils/{council_id}/draws")
def run_draw(
    request: Request, session: SessionDep, user: WebUser, council_id: int, form: FormDep
) -> Response:
    """Run the public lottery among trained applicants; the seed is kept for re-running."""
    values = text_values(form)
    try:
        fields = ("term_start", "drawn_on", "women_seats", "men_seats", "seed")
        data = build(DrawCreate, filled(values, fields))
        with form_write(session):
            draws.run_draw(session, user=user, council_id=council_id, data=data)
    except FormInvalid as exc:
        return _refused(request, session, user, council_id, "draw", values, exc)
    return saved_redirect(f"/councils/{council_id}?saved=draw#draws")


@router.post("/councils/{council_id}/subcommittees")
def create_subcommittee(
    request: Request, session: SessionDep, user: WebUser, council_id: int, form: FormDep
) -> Response:
    """Add a subcommittee (분과)."""
    values = text_values(form)
    try:
        data = build(SubcommitteeCreate, filled(values, ("name",)))
        with form_write(session):
            meetings.create_subcommittee(session, user=user, council_id=council_id, data=data)
    except FormInvalid as exc:
        return _refused(request, session, user, council_id, "subcommittee", values, exc)
    return saved_redirect(f"/councils/{council_id}?saved=subcommittee")


@router.post("/councils/{council_id}/subcommittees/{subcommittee_id}/members")
def add_subcommittee_member(
    request: Request,
    session: SessionDep,
    user: WebUser,
    council_id: int,
    subcommittee_id: int,
    form: FormDep,
) -> Response:
    """Seat a resident, council member or not, on a subcommittee."""
    values = text_values(form)
    try:
        fields = filled(values, ("valid_from",))
        data = build(SubcommitteeMemberCreate, {**fields, **_person(session, user, values)})
        with form_write(session):
            meetings.add_subcommittee_member(
                session,
                user=user,
                council_id=council_id,
                subcommittee_id=subcommittee_id,
                data=data,
            )
    except FormInvalid as exc:
        return _refused(request, session, user, council_id, f"sub-{subcommittee_id}", values, exc)
    return saved_redirect(f"/councils/{council_id}?saved=subcommittee_member")


@router.post("/councils/{council_id}/meetings")
def record_meeting(
    request: Request, session: SessionDep, user: WebUser, council_id: int, form: FormDep
) -> Response:
    """Record a meeting: ticked members came, the others seated that day missed it."""
    values = text_values(form)
    try:
        present = [p for p in list_values(form, "present") if p]
        data = build(
            MeetingCreate,
            {
                **filled(values, ("held_on", "title", "subcommittee_id")),
                "present_person_ids": present,
            },
        )
        with form_write(session):
            meetings.record_meeting(session, user=user, council_id=council_id, data=data)
    except FormInvalid as exc:
        return _refused(request, session, user, council_id, "meeting", values, exc)
    return saved_redirect(f"/councils/{council_id}?as_of={data.held_on}&saved=meeting")


@router.post("/councils/{council_id}/roster")
def import_roster(
    request: Request,
    session: SessionDep,
    user: WebUser,
    council_id: int,
    file: Annotated[UploadFile, File()],
    strict: Annotated[bool, Form()] = False,
) -> Response:
    """Seat the members of an uploaded roster (xlsx/CSV) under the seat rules; show the report."""
    try:
        with session.begin_nested():  # a file refused outright leaves nothing behind
            report = roster_import.run_import(
                session,
                user=user,
                council_id=council_id,
                content=files.read_upload(file.file),
                filename=file.filename or "upload.csv",
                strict=strict,
            )
    except (InvalidInput, Conflict) as exc:
        roster: dict[str, Any] = {"error": exc.message}
        return _council(
            request,
            session,
            user=user,
            council_id=council_id,
            as_of=clock.today(),
            roster=roster,
            status_code=422,
        )
    status = 200 if report.batch_id is not None else 422
    return _council(
        request,
        session,
        user=user,
        council_id=council_id,
        as_of=clock.today(),
        roster={"report": report},
        status_code=status,
    )
