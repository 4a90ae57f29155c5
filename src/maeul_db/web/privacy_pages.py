"""Privacy pages (issue 13): rights requests and their decisions, a person's consents, the access
export (열람) as PDF or JSON, the pseudonymised-processing register, retention with its dry run and
ledger, and the privacy officer's monthly access-log review. Every rule is in ``privacy.*``."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from maeul_db.auth.deps import SessionDep
from maeul_db.kit.pagination import Page
from maeul_db.models import ConsentMethod, ConsentPurpose, RequestDecision, RequestKind
from maeul_db.privacy import access_export, consent, register, retention, review
from maeul_db.privacy import requests as rights
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.templating import render

router = APIRouter(prefix="/privacy", dependencies=[Depends(get_web_user)])
PER_PAGE = 100
Text = Annotated[str, Form(max_length=1000)]
Month = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$")]


def _see(path: str) -> Response:
    return RedirectResponse(path, status_code=303)


@router.get("/requests")
def list_requests(
    request: Request,
    session: SessionDep,
    user: WebUser,
    person: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    """The district's rights requests, overdue first, and the form to record a new one."""
    rows, count = rights.list_(session, user=user, page=Page(PER_PAGE, 0))
    context = {"rows": rows, "count": count, "person": person or "", "kinds": list(RequestKind)}
    return render(request, "privacy/requests.html", context)


@router.post("/requests")
def create_request(
    session: SessionDep,
    user: WebUser,
    person_id: Annotated[int, Form(ge=1)],
    kind: Annotated[RequestKind, Form()],
    requester: Annotated[str, Form(max_length=100)],
    verification: Annotated[str, Form(max_length=300)],
    details: Text = "",
) -> Response:
    """Record a request received today."""
    created = rights.create(
        session,
        user=user,
        person_id=person_id,
        kind=kind,
        requester=requester,
        verification=verification,
        details=details,
    )
    return _see(f"/privacy/requests/{created.id}?done=saved")


@router.get("/requests/{request_id}")
def show_request(request: Request, session: SessionDep, user: WebUser, request_id: int) -> Response:
    """One request: its clock, the extension and decision forms, the export links."""
    found = rights.view(session, user=user, request_id=request_id)
    context = {"row": found, "decisions": list(RequestDecision)}
    return render(request, "privacy/request.html", context)


@router.post("/requests/{request_id}/extend")
def extend_request(
    session: SessionDep,
    user: WebUser,
    request_id: int,
    until: Annotated[date, Form()],
    reason: Annotated[str, Form(max_length=300)],
) -> Response:
    """Postpone the deadline with a reason."""
    rights.extend(session, user=user, request_id=request_id, until=until, reason=reason)
    return _see(f"/privacy/requests/{request_id}?done=saved")


@router.post("/requests/{request_id}/decide")
def decide_request(
    session: SessionDep,
    user: WebUser,
    request_id: int,
    decision: Annotated[RequestDecision, Form()],
    reason: Text,
    how_to_object: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    """Decide with a reason (and how to object when not granted in full)."""
    rights.decide(
        session,
        user=user,
        request_id=request_id,
        decision=decision,
        reason=reason,
        how_to_object=how_to_object,
    )
    return _see(f"/privacy/requests/{request_id}?done=saved")


@router.get("/people/{person_id}/consents")
def show_consents(request: Request, session: SessionDep, user: WebUser, person_id: int) -> Response:
    """A person's consent records and the form to record one."""
    person, rows = consent.list_for_person(session, user=user, person_id=person_id)
    context = {
        "person": person,
        "rows": rows,
        "methods": [ConsentMethod.paper, ConsentMethod.web],
        "purposes": list(ConsentPurpose),
    }
    return render(request, "privacy/consents.html", context)


@router.post("/people/{person_id}/consents")
def give_consent(
    session: SessionDep,
    user: WebUser,
    person_id: int,
    purpose: Annotated[str, Form(max_length=20)],
    method: Annotated[ConsentMethod, Form()],
    given_on: Annotated[date, Form()],
    notice_version: Annotated[str, Form(max_length=20)] = "",
    expires_on: Annotated[date | None, Form()] = None,
) -> Response:
    """Record a consent given on a form."""
    consent.give(
        session,
        user=user,
        person_id=person_id,
        purpose=purpose,
        method=method,
        given_on=given_on,
        notice_version=notice_version,
        expires_on=expires_on,
    )
    return _see(f"/privacy/people/{person_id}/consents?done=saved")


@router.post("/people/{person_id}/consents/{consent_id}/withdraw")
def withdraw_consent(
    session: SessionDep, user: WebUser, person_id: int, consent_id: int
) -> Response:
    """The person withdrew this consent today."""
    consent.withdraw(session, user=user, person_id=person_id, consent_id=consent_id)
    return _see(f"/privacy/people/{person_id}/consents?done=saved")


@router.get("/people/{person_id}/export.pdf")
def export_pdf(session: SessionDep, user: WebUser, person_id: int) -> Response:
    """The access export as a PDF for the person."""
    body = access_export.pdf(session, user=user, person_id=person_id)
    disposition = f'attachment; filename="access-export-{person_id}.pdf"'
    return Response(
        body, media_type="application/pdf", headers={"Content-Disposition": disposition}
    )


@router.get("/people/{person_id}/export.json")
def export_json(session: SessionDep, user: WebUser, person_id: int) -> Response:
    """The access export as JSON."""
    body = access_export.json_file(session, user=user, person_id=person_id)
    disposition = f'attachment; filename="access-export-{person_id}.json"'
    return Response(
        body, media_type="application/json", headers={"Content-Disposition": disposition}
    )


@router.get("/register")
def show_register(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The pseudonymised-processing register (an analyst's own entries; the city admin all)."""
    rows, count = register.list_(session, user=user, page=Page(PER_PAGE, 0))
    context = {"rows": rows, "count": count, "keep_until": register.keep_until}
    return render(request, "privacy/register.html", context)


@router.post("/register/{record_id}/destroyed")
def mark_destroyed(session: SessionDep, user: WebUser, record_id: int) -> Response:
    """The data set was destroyed today."""
    register.mark_destroyed(session, user=user, record_id=record_id)
    return _see("/privacy/register?done=saved")


@router.get("/retention")
def show_retention(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The rules with their legal basis, the dry run, and the destruction ledger."""
    plan = retention.plan(session, user=user)
    ledger, _ = retention.ledger(session, user=user, page=Page(PER_PAGE, 0))
    context = {"rules": retention.RULES, "plan": plan, "ledger": ledger}
    return render(request, "privacy/retention.html", context)


@router.post("/retention/run")
def run_retention(session: SessionDep, user: WebUser) -> Response:
    """Destroy what the dry run lists, approved by the signed-in officer."""
    retention.run(session, user=user)
    return _see("/privacy/retention?done=saved")


@router.get("/review")
def show_review(
    request: Request, session: SessionDep, user: WebUser, month: Month = None
) -> Response:
    """The month's access-log review with the unusual reads flagged."""
    result = review.for_month(session, user=user, month=month or review.current_month())
    return render(request, "privacy/review.html", {"review": result})


@router.post("/review")
def add_review_note(
    session: SessionDep,
    user: WebUser,
    month: Annotated[str, Form(pattern=r"^\d{4}-\d{2}$")],
    note: Annotated[str, Form(max_length=2000)],
) -> Response:
    """Record the officer's note on the month."""
    review.add_note(session, user=user, month=month, note=note)
    return _see(f"/privacy/review?month={month}&done=saved")
