"""Training pages (issue 16): the catalogue, a new programme with its sessions (modules with
hours), prerequisites and completion rule; a programme's class list with completion computed
and the reason when not complete; enrolment; the attendance checklist of one session."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.auth.deps import SessionDep
from maeul_db.errors import MaeulError
from maeul_db.imports import service as import_service
from maeul_db.imports.schemas import ImportBatchPublic
from maeul_db.kit import time as clock
from maeul_db.kit.schemas import InputSchema
from maeul_db.models import UserAccount
from maeul_db.refdata import choices
from maeul_db.training import service as training_service
from maeul_db.training import sessions
from maeul_db.training.schemas import EnrolmentCreate, ProgramCreate
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import (
    FieldError,
    FormDep,
    FormInvalid,
    build,
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

# Sessions offered on the new-programme form (blank rows are skipped); no script needed.
MODULE_ROWS = 8
PROGRAM_FIELDS = ("code", "name", "stage", "min_attendance_percent", "min_hours", "district_code")


@router.get("/training")
def list_programs(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The training catalogue with each programme's hours."""
    rows = sessions.programs_with_hours(session)
    return render(request, "training/programs.html", {"rows": rows})


def _program_form(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    values: dict[str, str],
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "values": values,
        "errors": errors or {},
        "module_rows": range(1, MODULE_ROWS + 1),
        "programs": training_service.list_programs(session),
        **choices.form_options(session, user=user),
    }
    return render(request, "training/program_form.html", context, status_code=status_code)


@router.get("/training/new")
def new_program(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The form to add a programme."""
    values = {"stage": "basic", "min_attendance_percent": "80"}
    return _program_form(request, session, user=user, values=values)


def _modules(values: dict[str, str]) -> list[dict[str, str]]:
    rows = []
    for n in range(1, MODULE_ROWS + 1):
        name, hours = values.get(f"module_name_{n}", ""), values.get(f"module_hours_{n}", "")
        if name or hours:
            rows.append({"name": name, "hours": hours})
    return rows


@router.post("/training/new")
def create_program(request: Request, session: SessionDep, user: WebUser, form: FormDep) -> Response:
    """Add a programme (the city admin: city-run or a district's; staff: their district's)."""
    values = text_values(form)
    try:
        data = build(
            ProgramCreate,
            {
                **filled(values, PROGRAM_FIELDS),
                "modules": _modules(values),
                "prerequisite_ids": list_values(form, "prerequisite_ids"),
            },
        )
        with form_write(session):
            program = training_service.create_program(session, user=user, data=data)
    except FormInvalid as exc:
        return _program_form(
            request, session, user=user, values=values, errors=exc.errors, status_code=422
        )
    return saved_redirect(f"/training/programs/{program.id}?saved=programme")


def _imported_batch(
    session: Session, user: UserAccount, batch_id: int | None
) -> ImportBatchPublic | None:
    """The attendance batch just imported, to offer its rejected rows (None when not visible)."""
    if batch_id is None:
        return None
    try:
        return import_service.batch_public(
            import_service.get_batch(session, user=user, batch_id=batch_id)
        )
    except MaeulError:
        return None


def _program_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    program_id: int,
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    failed: str = "",
    status_code: int = 200,
    imported: int | None = None,
) -> Response:
    page = sessions.program_page(session, user=user, program_id=program_id)
    context: dict[str, Any] = {
        "page": page,
        "imported": imported,
        "imported_batch": _imported_batch(session, user, imported),
        "is_admin": import_service.picks_district(user),
        "values": values or {"enrolled_on": clock.today().isoformat()},
        "errors": errors or {},
        "failed": failed,
        "today": clock.today(),
    }
    return render(request, "training/program.html", context, status_code=status_code)


@router.get("/training/programs/{program_id}")
def show_program(
    request: Request,
    session: SessionDep,
    user: WebUser,
    program_id: int,
    imported: int | None = None,
) -> Response:
    """A programme: sessions, rule, prerequisites and the class list with computed completion;
    the attendance-sheet upload (the import wizard) for those who record here."""
    return _program_page(request, session, user=user, program_id=program_id, imported=imported)


@router.post("/training/programs/{program_id}/enrolments")
def enrol(
    request: Request, session: SessionDep, user: WebUser, program_id: int, form: FormDep
) -> Response:
    """Enrol a person, found by name or number among the people the user may see."""
    sessions.require_recorder(session, user=user, program_id=program_id)
    values = text_values(form)
    try:
        person_id = resolve_person(
            session, user=user, person=values.get("person", ""), pick=values.get("person_pick", "")
        )
        data = build(
            EnrolmentCreate,
            {
                "program_id": program_id,
                "person_id": person_id,
                **filled(values, ("enrolled_on", "cohort")),
            },
        )
        with form_write(session):
            training_service.enrol(session, user=user, data=data)
    except FormInvalid as exc:
        return _program_page(
            request,
            session,
            user=user,
            program_id=program_id,
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/training/programs/{program_id}?saved=enrolment")


def _checklist(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    program_id: int,
    module_id: int,
    held_on: str,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    page = sessions.program_page(session, user=user, program_id=program_id, module_id=module_id)
    module = next(m for m in page.modules if m.id == module_id)
    context = {"page": page, "module": module, "held_on": held_on, "errors": errors or {}}
    return render(request, "training/checklist.html", context, status_code=status_code)


@router.get("/training/programs/{program_id}/sessions/{module_id}")
def show_checklist(
    request: Request, session: SessionDep, user: WebUser, program_id: int, module_id: int
) -> Response:
    """The attendance checklist of one session: tick who attended, with their hours."""
    return _checklist(
        request,
        session,
        user=user,
        program_id=program_id,
        module_id=module_id,
        held_on=clock.today().isoformat(),
    )


def _hours(form: dict[str, str | list[str]]) -> dict[int, Decimal]:
    """Ticked enrolments (``attended``) with their hours (``hours_<enrolment id>``)."""
    attended: dict[int, Decimal] = {}
    for raw in list_values(form, "attended"):
        if not raw.isdigit():
            continue
        text = form.get(f"hours_{raw}", "")
        try:
            attended[int(raw)] = Decimal(text if isinstance(text, str) else "")
        except InvalidOperation:
            raise FormInvalid({"hours_attended": FieldError(code="decimal_parsing")}) from None
    return attended


@router.post("/training/programs/{program_id}/sessions/{module_id}")
def record_checklist(
    request: Request,
    session: SessionDep,
    user: WebUser,
    program_id: int,
    module_id: int,
    form: FormDep,
) -> Response:
    """Record the session's attendance; completion is recomputed from the record."""
    values = text_values(form)
    try:
        held_on = parse_day(values.get("held_on"))
        with form_write(session):
            sessions.record_session(
                session,
                user=user,
                program_id=program_id,
                module_id=module_id,
                held_on=held_on,
                attended=_hours(form),
            )
    except FormInvalid as exc:
        return _checklist(
            request,
            session,
            user=user,
            program_id=program_id,
            module_id=module_id,
            held_on=values.get("held_on", ""),
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/training/programs/{program_id}?saved=training_attendance")


class WithdrawForm(InputSchema):
    on: date


@router.post("/training/enrolments/{enrolment_id}/withdraw")
def withdraw(
    request: Request, session: SessionDep, user: WebUser, enrolment_id: int, form: FormDep
) -> Response:
    """Record that a person left the course on a day; completion is recomputed."""
    enrolment = training_service.get_enrolment(session, user=user, enrolment_id=enrolment_id)
    values = text_values(form)
    try:
        day = build(WithdrawForm, filled(values, ("on",))).on
        with form_write(session):
            training_service.withdraw(session, user=user, enrolment_id=enrolment_id, on=day)
    except FormInvalid as exc:
        return _program_page(
            request,
            session,
            user=user,
            program_id=enrolment.program_id,
            errors=exc.errors,
            failed=f"withdraw-{enrolment_id}",
            status_code=422,
        )
    return saved_redirect(f"/training/programs/{enrolment.program_id}?saved=withdrawn")
