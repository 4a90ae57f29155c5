"""Settlement pages (정산): a project's plan per budget line, expenses with their evidence files,
non-cash contributions, the totals and the money to return, submit / return / accept / settle, and
the downloads (summary PDF, xlsx, the 보탬e CSV). Every rule is in ``settlements.service``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.auth.deps import SessionDep
from maeul_db.kit.http import attachment
from maeul_db.kit.pagination import Page
from maeul_db.models import ExpenseLine, UserAccount
from maeul_db.settlements import botame, documents, overview
from maeul_db.settlements import service as settlement_service
from maeul_db.settlements.schemas import ExpenseCreate, NoncashCreate, PlanUpdate, StateChange
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import (
    FieldError,
    FormDep,
    FormInvalid,
    build,
    filled,
    form_write,
    page_count,
    saved_redirect,
    text_values,
)
from maeul_db.web.report_pages import FileDep
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])
EXPENSE_FIELDS = ("spent_on", "payee", "line", "amount_krw", "evidence", "note")
NONCASH_FIELDS = ("kind", "description", "hours", "rate_krw", "appraised_krw")
PER_PAGE = 100
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def settlement_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    project_id: int,
    failed: str = "",
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    view = settlement_service.get(session, user=user, project_id=project_id)
    context: dict[str, Any] = {
        "view": view,
        "project": view.project,
        "lines": list(ExpenseLine),
        "failed": failed,
        "values": values or {},
        "errors": errors or {},
    }
    return render(request, "settlements/settlement.html", context, status_code=status_code)


def _refused(
    request: Request,
    session: Session,
    user: UserAccount,
    project_id: int,
    failed: str,
    exc: FormInvalid,
    values: dict[str, str] | None = None,
) -> Response:
    return settlement_page(
        request,
        session,
        user=user,
        project_id=project_id,
        failed=failed,
        values=values,
        errors=exc.errors,
        status_code=422,
    )


def _saved(project_id: int, what: str) -> Response:
    return saved_redirect(f"/projects/{project_id}/settlement?saved={what}")


@router.get("/settlements")
def list_paperwork(
    request: Request,
    session: SessionDep,
    user: WebUser,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """Each project's report and settlement state, due date and money to return."""
    rows, count = overview.list_(
        session, user=user, year=year, page=Page(limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    )
    context = {
        "rows": rows,
        "count": count,
        "year": year or "",
        "page": page,
        "pages": page_count(count, PER_PAGE),
    }
    return render(request, "settlements/overview.html", context)


@router.get("/settlements.xlsx")
def paperwork_xlsx(
    session: SessionDep, user: WebUser, year: Annotated[int | None, Query(ge=2000, le=2100)] = None
) -> Response:
    """The same list as a spreadsheet."""
    return attachment(overview.overview_xlsx(session, user=user, year=year), "paperwork.xlsx", XLSX)


@router.get("/projects/{project_id}/settlement")
def show_settlement(
    request: Request, session: SessionDep, user: WebUser, project_id: int
) -> Response:
    """The settlement: totals per line, money to return, expenses, non-cash share, history."""
    return settlement_page(request, session, user=user, project_id=project_id)


@router.post("/projects/{project_id}/settlement/plan")
def save_plan(
    request: Request, session: SessionDep, user: WebUser, project_id: int, form: FormDep
) -> Response:
    """The grant's plan per budget line and the interest earned."""
    values = text_values(form)
    try:
        planned = {
            line.value: values[f"plan_{line.value}"]
            for line in ExpenseLine
            if values.get(f"plan_{line.value}")
        }
        data = build(PlanUpdate, {"planned": planned, **filled(values, ("interest_krw",))})
        with form_write(session):
            settlement_service.set_plan(session, user=user, project_id=project_id, data=data)
    except FormInvalid as exc:
        return _refused(request, session, user, project_id, "plan", exc, values)
    return _saved(project_id, "plan")


@router.post("/projects/{project_id}/settlement/expenses")
def add_expense(
    request: Request,
    session: SessionDep,
    user: WebUser,
    project_id: int,
    form: FormDep,
    upload: FileDep,
) -> Response:
    """One expense with its evidence file; a refused file stores nothing, expense included."""
    values = text_values(form)
    try:
        data = build(ExpenseCreate, filled(values, EXPENSE_FIELDS))
        with form_write(session):
            settlement_service.add_expense(
                session, user=user, project_id=project_id, data=data, upload=upload
            )
    except FormInvalid as exc:
        return _refused(request, session, user, project_id, "expense", exc, values)
    return _saved(project_id, "expense")


@router.post("/projects/{project_id}/settlement/expenses/{expense_id}/evidence")
def attach_evidence(
    request: Request,
    session: SessionDep,
    user: WebUser,
    project_id: int,
    expense_id: int,
    upload: FileDep,
) -> Response:
    """The evidence of an expense entered without it."""
    try:
        if upload is None:
            raise FormInvalid({"file": FieldError(code="missing")})
        with form_write(session):
            settlement_service.attach_evidence(
                session, user=user, project_id=project_id, expense_id=expense_id, upload=upload
            )
    except FormInvalid as exc:
        return _refused(request, session, user, project_id, f"evidence-{expense_id}", exc)
    return _saved(project_id, "evidence")


@router.post("/projects/{project_id}/settlement/noncash")
def add_noncash(
    request: Request, session: SessionDep, user: WebUser, project_id: int, form: FormDep
) -> Response:
    """A non-cash contribution, valued by the rule of the project's year."""
    values = text_values(form)
    try:
        data = build(NoncashCreate, filled(values, NONCASH_FIELDS))
        with form_write(session):
            settlement_service.add_noncash(session, user=user, project_id=project_id, data=data)
    except FormInvalid as exc:
        return _refused(request, session, user, project_id, "noncash", exc, values)
    return _saved(project_id, "noncash")


@router.post("/projects/{project_id}/settlement/state")
def change_state(
    request: Request, session: SessionDep, user: WebUser, project_id: int, form: FormDep
) -> Response:
    """Submit, return (with a reason), accept or settle."""
    values = text_values(form)
    try:
        data = build(
            StateChange, {"action": values.get("action", ""), "note": values.get("note") or None}
        )
        with form_write(session):
            settlement_service.change_state(
                session, user=user, project_id=project_id, action=data.action, note=data.note
            )
    except FormInvalid as exc:
        return _refused(request, session, user, project_id, "state", exc, values)
    return _saved(project_id, "state")


@router.get("/projects/{project_id}/settlement.pdf")
def settlement_pdf(session: SessionDep, user: WebUser, project_id: int) -> Response:
    """The settlement summary as an A4 PDF."""
    pdf = documents.settlement_pdf(session, user=user, project_id=project_id)
    return attachment(pdf, f"settlement-{project_id}.pdf", "application/pdf")


@router.get("/projects/{project_id}/settlement.xlsx")
def settlement_xlsx(session: SessionDep, user: WebUser, project_id: int) -> Response:
    """The expenses and non-cash contributions as a spreadsheet."""
    data = documents.settlement_xlsx(session, user=user, project_id=project_id)
    return attachment(data, f"settlement-{project_id}.xlsx", XLSX)


@router.get("/projects/{project_id}/settlement.csv")
def settlement_csv(session: SessionDep, user: WebUser, project_id: int) -> Response:
    """The settlement for 보탬e (docs/import-format.md)."""
    data = botame.settlement_csv(session, user=user, project_id=project_id)
    return attachment(data, f"botame-settlement-{project_id}.csv", "text/csv; charset=utf-8")
