"""An application's page (issue 15): people, budget, eligibility with reasons, scores, history
and the moves the user may make — returning, selecting, checking eligibility, scoring. Forms are
parsed here; the paperwork services decide."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.auth.deps import SessionDep
from maeul_db.models import UserAccount
from maeul_db.paperwork import review, views
from maeul_db.paperwork.schemas import ScoreIn, StatusChange
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

router = APIRouter(dependencies=[Depends(get_web_user)])


def _application(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    application_id: int,
    errors: dict[str, FieldError] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    page = views.application_page(session, user=user, application_id=application_id)
    context = {
        "page": page,
        "errors": errors or {},
        "values": values or {},
        "saved": request.query_params.get("saved"),
    }
    return render(request, "paperwork/application.html", context, status_code=status_code)


@router.get("/paperwork/applications/{application_id}")
def show_application(
    request: Request, session: SessionDep, user: WebUser, application_id: int
) -> Response:
    """An application: people, budget, eligibility with reasons, scores, history, next moves."""
    return _application(request, session, user=user, application_id=application_id)


@router.post("/paperwork/applications/{application_id}/status")
def change_status(
    request: Request, session: SessionDep, user: WebUser, application_id: int, form: FormDep
) -> Response:
    """Move the application (return, select, agree …) with the reason given."""
    values = text_values(form)
    try:
        data = build(StatusChange, filled(values, ("to", "reason")))
        with form_write(session):
            review.change_status(
                session, user=user, application_id=application_id, to=data.to, reason=data.reason
            )
    except FormInvalid as exc:
        return _application(
            request,
            session,
            user=user,
            application_id=application_id,
            errors=exc.errors,
            values=values,
            status_code=422,
        )
    return saved_redirect(f"/paperwork/applications/{application_id}?saved=status")


@router.post("/paperwork/applications/{application_id}/eligibility")
def check_eligibility(
    request: Request, session: SessionDep, user: WebUser, application_id: int
) -> Response:
    """Evaluate the call's rules on the record."""
    try:
        with form_write(session):
            review.check_eligibility(session, user=user, application_id=application_id)
    except FormInvalid as exc:
        return _application(
            request,
            session,
            user=user,
            application_id=application_id,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/paperwork/applications/{application_id}?saved=eligibility")


@router.post("/paperwork/applications/{application_id}/scores")
def score_application(
    request: Request, session: SessionDep, user: WebUser, application_id: int, form: FormDep
) -> Response:
    """Record the reviewer's points on the sheet in force."""
    values = text_values(form)
    points: dict[str, int] = {}
    try:
        for name, raw in values.items():
            if name.startswith("points_"):
                if not raw.lstrip("-").isdigit():
                    raise FormInvalid({"points": FieldError(code="int_parsing")})
                points[name.removeprefix("points_")] = int(raw)
        data = build(ScoreIn, {"points": points, "comment": values.get("comment", "")})
        with form_write(session):
            review.score(
                session,
                user=user,
                application_id=application_id,
                points=data.points,
                comment=data.comment,
            )
    except FormInvalid as exc:
        return _application(
            request,
            session,
            user=user,
            application_id=application_id,
            errors=exc.errors,
            values=values,
            status_code=422,
        )
    return saved_redirect(f"/paperwork/applications/{application_id}?saved=scores")
