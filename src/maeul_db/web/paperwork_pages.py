"""Paperwork pages (issue 15): calls for proposals, applying for a group (staff or the group's
representative), changing an application; every list downloadable as xlsx. An application's own
page and its review moves are in application_pages.py. Forms are parsed here; the services
decide."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.auth.deps import SessionDep
from maeul_db.kit.cells import xlsx_bytes
from maeul_db.kit.pagination import Page
from maeul_db.models import ApplicationStatus, Stage, UserAccount
from maeul_db.paperwork import applications, calls, review, views
from maeul_db.paperwork.rules import RULE_KINDS, default_rules
from maeul_db.paperwork.schemas import (
    ApplicationCreate,
    ApplicationUpdate,
    CallCreate,
)
from maeul_db.refdata import choices
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import (
    FieldError,
    FormDep,
    FormInvalid,
    build,
    filled,
    form_write,
    saved_redirect,
    text_values,
)
from maeul_db.web.templating import render
from maeul_db.wording import labels

router = APIRouter(dependencies=[Depends(get_web_user)])

PEOPLE_ROWS = 10
SHEET_ROWS = 6
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CALL_FIELDS = (
    "title",
    "district_code",
    "programme",
    "stage",
    "year",
    "opens_on",
    "closes_on",
    "budget_krw",
    "grant_ceiling_krw",
    "self_share_percent",
)


def _xlsx(rows: list[list[Any]], name: str) -> Response:
    return Response(
        xlsx_bytes(rows),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/paperwork/calls")
def list_calls(request: Request, session: SessionDep, user: WebUser) -> Response:
    """Calls for proposals in scope, the newest first."""
    rows, count = calls.list_(session, user=user, page=Page(200))
    return render(request, "paperwork/calls.html", {"rows": rows, "count": count})


@router.get("/paperwork/calls.xlsx")
def export_calls(session: SessionDep, user: WebUser) -> Response:
    """The calls in scope as a spreadsheet."""
    return _xlsx(views.call_rows(session, user=user), "calls.xlsx")


def _call_form(
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
        "rule_kinds": list(RULE_KINDS),
        "sheet_rows": range(1, SHEET_ROWS + 1),
        "lines": labels("budget_line"),
        **choices.form_options(session, user=user),
    }
    return render(request, "paperwork/call_form.html", context, status_code=status_code)


def _default_call_values() -> dict[str, str]:
    values = {
        "stage": "group_formation",
        "programme": "village_community",
        "self_share_percent": "10",
    }
    for rule in default_rules(Stage.group_formation):
        values[f"rule_{rule['kind']}"] = "on"
        values[f"rule_{rule['kind']}_min"] = str(rule.get("min", ""))
        values[f"rule_{rule['kind']}_stage"] = str(rule.get("stage", ""))
    for n, item in enumerate(calls.default_sheet(), 1):
        values |= {
            f"sheet_key_{n}": str(item["key"]),
            f"sheet_label_{n}": str(item["label"]),
            f"sheet_max_{n}": str(item["max"]),
        }
    return values


@router.get("/paperwork/calls/new")
def new_call(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The form to open a call (rules and sheet prefilled with the plan's group-formation ones)."""
    return _call_form(request, session, user=user, values=_default_call_values())


def _call_data(values: dict[str, str]) -> dict[str, Any]:
    rules = [
        {"kind": kind}
        | ({"min": values[f"rule_{kind}_min"]} if values.get(f"rule_{kind}_min") else {})
        | ({"stage": values[f"rule_{kind}_stage"]} if values.get(f"rule_{kind}_stage") else {})
        for kind in RULE_KINDS
        if values.get(f"rule_{kind}")
    ]
    sheet = [
        {
            "key": values.get(f"sheet_key_{n}", ""),
            "label": values.get(f"sheet_label_{n}", ""),
            "max": values.get(f"sheet_max_{n}", ""),
        }
        for n in range(1, SHEET_ROWS + 1)
        if values.get(f"sheet_key_{n}") or values.get(f"sheet_label_{n}")
    ]
    lines = {
        code: values[f"line_{code}"] for code in labels("budget_line") if values.get(f"line_{code}")
    }
    documents = [d.strip() for d in values.get("required_documents", "").splitlines() if d.strip()]
    return {
        **filled(values, CALL_FIELDS),
        "rules": rules,
        "sheet": sheet,
        "budget_lines": lines,
        "required_documents": documents,
    }


@router.post("/paperwork/calls/new")
def create_call(request: Request, session: SessionDep, user: WebUser, form: FormDep) -> Response:
    """Open a call (staff: in their district; the city admin: city-wide or in a district)."""
    values = text_values(form)
    try:
        data = build(CallCreate, _call_data(values))
        with form_write(session):
            call = calls.create(session, user=user, data=data)
    except FormInvalid as exc:
        return _call_form(
            request, session, user=user, values=values, errors=exc.errors, status_code=422
        )
    return saved_redirect(f"/paperwork/calls/{call.id}?saved=call")


@router.get("/paperwork/calls/{call_id}")
def show_call(request: Request, session: SessionDep, user: WebUser, call_id: int) -> Response:
    """A call: dates, money, rules, sheet, documents and the applications in scope."""
    call = calls.read(session, user=user, call_id=call_id)
    rows, count = applications.list_(session, user=user, page=Page(200), call_id=call_id)
    context = {
        "call": call,
        "rows": rows,
        "count": count,
        "saved": request.query_params.get("saved"),
    }
    return render(request, "paperwork/call.html", context)


def _apply_form(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    call_id: int,
    values: dict[str, str],
    action: str,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "form": views.apply_form(session, user=user, call_id=call_id),
        "values": values,
        "errors": errors or {},
        "people_rows": range(1, PEOPLE_ROWS + 1),
        "action": action,
        "staff": request.state.viewer.can_log,
    }
    return render(request, "paperwork/apply.html", context, status_code=status_code)


@router.get("/paperwork/calls/{call_id}/apply")
def new_application(request: Request, session: SessionDep, user: WebUser, call_id: int) -> Response:
    """The application form for a call."""
    values = {"role_1": "lead_proposer", "role_2": "co_proposer"}
    return _apply_form(
        request,
        session,
        user=user,
        call_id=call_id,
        values=values,
        action=f"/paperwork/calls/{call_id}/apply",
    )


def _content(values: dict[str, str]) -> dict[str, Any]:
    """The application's content from the form: people rows and budget lines (blank skipped)."""
    people = []
    for n in range(1, PEOPLE_ROWS + 1):
        row = {
            k: values.get(f"{k}_{n}", "")
            for k in ("person_id", "name", "birth_year", "gender", "home_dong_code", "role")
        }
        if row["name"] or row["person_id"]:
            people.append({k: v for k, v in row.items() if v})
    budget = [
        {"line": code, "amount_krw": values[f"line_{code}"], "note": values.get(f"note_{code}", "")}
        for code in labels("budget_line")
        if values.get(f"line_{code}")
    ]
    partners = [
        p.strip()
        for p in values.get("partner_group_ids", "").replace(",", " ").split()
        if p.strip()
    ]
    return {
        **filled(values, ("title", "summary", "self_cash_krw", "self_noncash_krw")),
        "people": people,
        "budget": budget,
        "partner_group_ids": partners,
    }


@router.post("/paperwork/calls/{call_id}/apply")
def create_application(
    request: Request, session: SessionDep, user: WebUser, call_id: int, form: FormDep
) -> Response:
    """Apply (submitted at once, or kept as a draft with ``draft``)."""
    values = text_values(form)
    try:
        data = build(
            ApplicationCreate,
            {
                **_content(values),
                "call_id": call_id,
                "group_id": values.get("group_id", ""),
                "submit": not values.get("draft"),
            },
        )
        with form_write(session):
            application = applications.create(session, user=user, data=data)
    except FormInvalid as exc:
        return _apply_form(
            request,
            session,
            user=user,
            call_id=call_id,
            values=values,
            action=f"/paperwork/calls/{call_id}/apply",
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/paperwork/applications/{application.id}?saved=application")


@router.get("/paperwork/applications")
def list_applications(request: Request, session: SessionDep, user: WebUser) -> Response:
    """Applications in scope (a representative: their groups' only), by status when asked."""
    wanted = request.query_params.get("status") or ""
    status = ApplicationStatus(wanted) if wanted in ApplicationStatus.__members__ else None
    rows, count = applications.list_(session, user=user, page=Page(200), status=status)
    return render(
        request, "paperwork/applications.html", {"rows": rows, "count": count, "status": status}
    )


@router.get("/paperwork/applications.xlsx")
def export_applications(session: SessionDep, user: WebUser) -> Response:
    """The applications in scope as a spreadsheet (no personal names)."""
    return _xlsx(views.application_rows(session, user=user), "applications.xlsx")


def _values_of(detail: Any) -> dict[str, str]:
    """An application's content as the form's fields, for changing it."""
    values: dict[str, str] = {
        "title": detail.title,
        "summary": detail.summary,
        "self_cash_krw": str(detail.self_cash_krw),
        "self_noncash_krw": str(detail.self_noncash_krw),
        "partner_group_ids": " ".join(str(g) for g in detail.partner_group_ids),
        "group_id": str(detail.group_id),
    }
    for n, p in enumerate(detail.people, 1):
        values |= {
            f"name_{n}": p.name,
            f"birth_year_{n}": str(p.birth_year or ""),
            f"gender_{n}": p.gender or "",
            f"home_dong_code_{n}": p.home_dong_code or "",
            f"role_{n}": p.role,
            f"person_id_{n}": str(p.person_id or ""),
        }
    for b in detail.budget:
        values |= {f"line_{b.line}": str(b.amount_krw), f"note_{b.line}": b.note}
    return values


@router.get("/paperwork/applications/{application_id}/edit")
def edit_application(
    request: Request, session: SessionDep, user: WebUser, application_id: int
) -> Response:
    """The form to change a draft or a returned application."""
    detail = views.read_application(session, user=user, application_id=application_id)
    return _apply_form(
        request,
        session,
        user=user,
        call_id=detail.call_id,
        values=_values_of(detail),
        action=f"/paperwork/applications/{application_id}/edit",
    )


@router.post("/paperwork/applications/{application_id}/edit")
def update_application(
    request: Request, session: SessionDep, user: WebUser, application_id: int, form: FormDep
) -> Response:
    """Save the changes (and resubmit, unless kept as a draft)."""
    values = text_values(form)
    try:
        data = build(ApplicationUpdate, _content(values))
        with form_write(session):
            application = applications.update(
                session, user=user, application_id=application_id, data=data
            )
            if not values.get("draft"):
                review.change_status(
                    session,
                    user=user,
                    application_id=application_id,
                    to=ApplicationStatus.submitted,
                )
    except FormInvalid as exc:
        current = applications.get(session, user=user, application_id=application_id)
        return _apply_form(
            request,
            session,
            user=user,
            call_id=current.call_id,
            values=values,
            action=f"/paperwork/applications/{application_id}/edit",
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/paperwork/applications/{application.id}?saved=application")
