"""Training and consulting request pages (issue 15, item 9): file a request (staff for their
district, a representative for their group), read it with its history, and make the moves the
state machine offers (accept / refuse / withdraw; assign an expert, record hours, finish). Forms
are parsed here; the services decide."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.auth.deps import SessionDep
from maeul_db.kit.cells import xlsx_bytes
from maeul_db.kit.http import attachment
from maeul_db.models import ConsultingStatus, TrainingRequestStatus, UserAccount
from maeul_db.support_requests import consulting, sheets, training, views
from maeul_db.support_requests.schemas import (
    Assignment,
    ConsultingRecordIn,
    ConsultingRequestCreate,
    Decision,
    TrainingRequestCreate,
)
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import (
    FieldError,
    FormDep,
    FormInvalid,
    build,
    filled,
    form_write,
    resolve_person,
    saved_redirect,
    text_values,
)
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/requests/training")
def list_training(request: Request, session: SessionDep, user: WebUser) -> Response:
    """Training requests in scope, by status when asked."""
    wanted = request.query_params.get("status") or ""
    status = TrainingRequestStatus(wanted) if wanted in TrainingRequestStatus.__members__ else None
    rows, count = views.training_rows(session, user=user, status=status)
    context = {"rows": rows, "count": count, "status": status}
    return render(request, "support_requests/training_list.html", context)


@router.get("/requests/training.xlsx")
def training_xlsx(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The training requests in scope as an xlsx file (the list page's rows)."""
    wanted = request.query_params.get("status") or ""
    status = TrainingRequestStatus(wanted) if wanted in TrainingRequestStatus.__members__ else None
    rows = sheets.training_sheet(session, user=user, status=status)
    return attachment(xlsx_bytes(rows), "training-requests.xlsx", XLSX)


def _training_form(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    values: dict[str, str],
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    staff = request.state.viewer.can_log
    context = {
        "programmes": training.programmes(session, user=user),
        "groups": [] if staff else consulting.requesting_groups(session, user=user),
        "staff": staff,
        "values": values,
        "errors": errors or {},
    }
    return render(request, "support_requests/training_form.html", context, status_code=status_code)


@router.get("/requests/training/new")
def new_training(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The form to apply for a training programme."""
    return _training_form(request, session, user=user, values={})


@router.post("/requests/training/new")
def create_training(
    request: Request, session: SessionDep, user: WebUser, form: FormDep
) -> Response:
    """File the request (submitted at once)."""
    values = text_values(form)
    try:
        fields: dict[str, Any] = filled(
            values, ("program_id", "group_id", "name", "birth_year", "motivation")
        )
        if request.state.viewer.can_log:
            fields["person_id"] = resolve_person(
                session,
                user=user,
                person=values.get("person", ""),
                pick=values.get("person_pick", ""),
            )
        data = build(TrainingRequestCreate, fields)
        with form_write(session):
            created = training.create(session, user=user, data=data)
    except FormInvalid as exc:
        return _training_form(
            request, session, user=user, values=values, errors=exc.errors, status_code=422
        )
    return saved_redirect(f"/requests/training/{created.id}?saved=request")


def _training_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    request_id: int,
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "page": views.training_page(session, user=user, request_id=request_id),
        "values": values or {},
        "errors": errors or {},
        "saved": request.query_params.get("saved"),
    }
    return render(request, "support_requests/training.html", context, status_code=status_code)


@router.get("/requests/training/{training_request_id}")
def show_training(
    request: Request, session: SessionDep, user: WebUser, training_request_id: int
) -> Response:
    """A training request: the person, the programme, the enrolment made, the history."""
    return _training_page(request, session, user=user, request_id=training_request_id)


@router.post("/requests/training/{training_request_id}/status")
def decide_training(
    request: Request, session: SessionDep, user: WebUser, training_request_id: int, form: FormDep
) -> Response:
    """Accept (enrols), refuse with a reason, or withdraw."""
    values = text_values(form)
    try:
        data = build(Decision, filled(values, ("to", "reason")))
        with form_write(session):
            training.change_status(
                session, user=user, request_id=training_request_id, to=data.to, reason=data.reason
            )
    except FormInvalid as exc:
        return _training_page(
            request,
            session,
            user=user,
            request_id=training_request_id,
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/requests/training/{training_request_id}?saved=status")


@router.get("/requests/consulting")
def list_consulting(request: Request, session: SessionDep, user: WebUser) -> Response:
    """Consulting requests in scope, by status when asked."""
    wanted = request.query_params.get("status") or ""
    status = ConsultingStatus(wanted) if wanted in ConsultingStatus.__members__ else None
    rows, count = views.consulting_rows(session, user=user, status=status)
    context = {"rows": rows, "count": count, "status": status}
    return render(request, "support_requests/consulting_list.html", context)


@router.get("/requests/consulting.xlsx")
def consulting_xlsx(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The consulting requests in scope as an xlsx file (the list page's rows)."""
    wanted = request.query_params.get("status") or ""
    status = ConsultingStatus(wanted) if wanted in ConsultingStatus.__members__ else None
    rows = sheets.consulting_sheet(session, user=user, status=status)
    return attachment(xlsx_bytes(rows), "consulting-requests.xlsx", XLSX)


def _consulting_form(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    values: dict[str, str],
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "groups": consulting.requesting_groups(session, user=user),
        "values": values,
        "errors": errors or {},
    }
    return render(
        request, "support_requests/consulting_form.html", context, status_code=status_code
    )


@router.get("/requests/consulting/new")
def new_consulting(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The form to ask for consulting for a group."""
    return _consulting_form(request, session, user=user, values={})


@router.post("/requests/consulting/new")
def create_consulting(
    request: Request, session: SessionDep, user: WebUser, form: FormDep
) -> Response:
    """File the consulting request."""
    values = text_values(form)
    try:
        data = build(ConsultingRequestCreate, filled(values, ("group_id", "topic", "detail")))
        with form_write(session):
            created = consulting.create(session, user=user, data=data)
    except FormInvalid as exc:
        return _consulting_form(
            request, session, user=user, values=values, errors=exc.errors, status_code=422
        )
    return saved_redirect(f"/requests/consulting/{created.id}?saved=request")


def _consulting_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    request_id: int,
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "page": views.consulting_page(session, user=user, request_id=request_id),
        "values": values or {},
        "errors": errors or {},
        "saved": request.query_params.get("saved"),
    }
    return render(request, "support_requests/consulting.html", context, status_code=status_code)


@router.get("/requests/consulting/{consulting_request_id}")
def show_consulting(
    request: Request, session: SessionDep, user: WebUser, consulting_request_id: int
) -> Response:
    """A consulting request: the group, the expert, the meetings and hours, the history."""
    return _consulting_page(request, session, user=user, request_id=consulting_request_id)


def _consulting_write(
    request: Request,
    session: Session,
    user: UserAccount,
    consulting_request_id: int,
    values: dict[str, str],
    write: Callable[[], None],
) -> Response:
    """Run one consulting write from a form; a refusal re-renders the page with its message."""
    try:
        with form_write(session):
            write()
    except FormInvalid as exc:
        return _consulting_page(
            request,
            session,
            user=user,
            request_id=consulting_request_id,
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/requests/consulting/{consulting_request_id}?saved=status")


@router.post("/requests/consulting/{consulting_request_id}/assign")
def assign_consulting(
    request: Request, session: SessionDep, user: WebUser, consulting_request_id: int, form: FormDep
) -> Response:
    """Assign an expert of the pool."""
    values = text_values(form)

    def write() -> None:  # parsed inside the write's savepoint: a refusal of either leaves nothing
        data = build(Assignment, filled(values, ("expert_person_id", "reason")))
        consulting.assign(session, user=user, request_id=consulting_request_id, data=data)

    return _consulting_write(request, session, user, consulting_request_id, values, write)


@router.post("/requests/consulting/{consulting_request_id}/records")
def record_consulting(
    request: Request, session: SessionDep, user: WebUser, consulting_request_id: int, form: FormDep
) -> Response:
    """Record one meeting's day and hours."""
    values = text_values(form)

    def write() -> None:  # parsed inside the write's savepoint: a refusal of either leaves nothing
        data = build(ConsultingRecordIn, filled(values, ("held_on", "hours", "note")))
        consulting.record(session, user=user, request_id=consulting_request_id, data=data)

    return _consulting_write(request, session, user, consulting_request_id, values, write)


@router.post("/requests/consulting/{consulting_request_id}/status")
def decide_consulting(
    request: Request, session: SessionDep, user: WebUser, consulting_request_id: int, form: FormDep
) -> Response:
    """Refuse with a reason, withdraw, or close as done."""
    values = text_values(form)

    def write() -> None:  # parsed inside the write's savepoint: a refusal of either leaves nothing
        data = build(Decision, filled(values, ("to", "reason")))
        consulting.change_status(
            session, user=user, request_id=consulting_request_id, to=data.to, reason=data.reason
        )

    return _consulting_write(request, session, user, consulting_request_id, values, write)
