"""Career pages (issue 16): an expert adds their own job (self-reported) from their record page;
district staff review their district's jobs and verify, correct, end or void them, each
audited with who, when and why (careers.review)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.auth.deps import SessionDep
from maeul_db.careers import review
from maeul_db.careers import service as career_service
from maeul_db.careers.schemas import CareerClose, CareerCorrect, CareerCreate
from maeul_db.experts import service as expert_service
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
    saved_redirect,
    text_values,
)
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])

CAREER_FIELDS = ("job_type", "employer", "district_code", "dong_code", "valid_from")
CORRECT_FIELDS = ("job_type", "employer", "dong_code", "valid_from", "hours_per_week", "why")


def _my_record(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    values: dict[str, str],
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    record = expert_service.own_record(session, user=user)
    context = {**vars(record), "values": values, "errors": errors or {}}
    return render(request, "certificates/my_record.html", context, status_code=status_code)


@router.post("/me/careers")
def add_my_career(request: Request, session: SessionDep, user: WebUser, form: FormDep) -> Response:
    """An expert adds a job of their own; it stays self-reported until staff verify it."""
    values = text_values(form)
    try:
        valid_to = closing_valid_to(values) if values.get("last_day") else None
        data = build(
            CareerCreate,
            {
                **filled(values, (*CAREER_FIELDS, "hours_per_week")),
                "person_id": user.person_id,
                "valid_to": valid_to,
            },
        )
        with form_write(session):
            row = career_service.create(session, user=user, data=data)
    except FormInvalid as exc:
        return _my_record(
            request, session, user=user, values=values, errors=exc.errors, status_code=422
        )
    flagged = career_service.public(row).new_deal_over_limit
    return saved_redirect("/me/record?saved=" + ("career_new_deal" if flagged else "career"))


def _review_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    pending: bool,
    failed: str = "",
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    rows = review.list_for_review(session, user=user, pending_only=pending)
    context: dict[str, Any] = {
        "rows": rows,
        "pending": pending,
        "failed": failed,
        "values": values or {},
        "errors": errors or {},
    }
    return render(request, "careers/review.html", context, status_code=status_code)


@router.get("/careers")
def list_careers(
    request: Request,
    session: SessionDep,
    user: WebUser,
    pending: Annotated[bool, Query()] = False,
) -> Response:
    """The district's jobs, unverified first (``pending`` shows only those)."""
    return _review_page(request, session, user=user, pending=pending)


def _refused(
    request: Request,
    session: Session,
    user: UserAccount,
    failed: str,
    values: dict[str, str],
    exc: FormInvalid,
) -> Response:
    return _review_page(
        request,
        session,
        user=user,
        pending=False,
        failed=failed,
        values=values,
        errors=exc.errors,
        status_code=422,
    )


@router.post("/careers/{career_id}/verify")
def verify_career(session: SessionDep, user: WebUser, career_id: int) -> Response:
    """Confirm a job (who and when are recorded)."""
    career_service.verify(session, user=user, career_id=career_id)
    return saved_redirect("/careers?saved=career_verified")


@router.post("/careers/{career_id}/correct")
def correct_career(
    request: Request, session: SessionDep, user: WebUser, career_id: int, form: FormDep
) -> Response:
    """Correct what a job entry says, with the reason."""
    values = text_values(form)
    try:
        data = build(CareerCorrect, filled(values, CORRECT_FIELDS))
        with form_write(session):
            review.correct(session, user=user, career_id=career_id, data=data)
    except FormInvalid as exc:
        return _refused(request, session, user, f"correct-{career_id}", values, exc)
    return saved_redirect("/careers?saved=career_corrected")


@router.post("/careers/{career_id}/close")
def close_career(
    request: Request, session: SessionDep, user: WebUser, career_id: int, form: FormDep
) -> Response:
    """End a job on its 종료일 (inclusive), with the reason."""
    values = text_values(form)
    try:
        valid_to = closing_valid_to(values)
        data = build(CareerClose, {**filled(values, ("why",)), "valid_to": valid_to})
        with form_write(session):
            review.close(session, user=user, career_id=career_id, data=data)
    except FormInvalid as exc:
        return _refused(request, session, user, f"close-{career_id}", values, exc)
    return saved_redirect("/careers?saved=career_closed")


@router.post("/careers/{career_id}/void")
def void_career(
    request: Request, session: SessionDep, user: WebUser, career_id: int, form: FormDep
) -> Response:
    """Void a wrong entry (kept, never deleted), with the reason."""
    values = text_values(form)
    try:
        data = build(CareerClose, filled(values, ("why",)))
        with form_write(session):
            review.void(session, user=user, career_id=career_id, data=data)
    except FormInvalid as exc:
        return _refused(request, session, user, f"void-{career_id}", values, exc)
    return saved_redirect("/careers?saved=career_voided")
