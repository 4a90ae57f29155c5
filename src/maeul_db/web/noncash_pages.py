"""The non-cash rates page (현금 외 자부담 기준): the versions by the year they take effect, and the
city admin's form for a new version. Every rule is in ``settlements.rules`` and ``noncash``."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.auth.deps import SessionDep
from maeul_db.models import UserAccount
from maeul_db.settlements import rules
from maeul_db.settlements.schemas import NoncashRuleCreate
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
PATH = "/settlements/noncash-rules"
FIELDS = (
    "effective_year",
    "volunteer_hourly_krw",
    "professional_hourly_cap_krw",
    "recognised_share_pct",
)


def _page(
    request: Request,
    session: Session,
    user: UserAccount,
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    view = rules.rules_view(session, user=user)
    context = {"view": view, "values": values or {}, "errors": errors or {}}
    return render(request, "settlements/noncash_rules.html", context, status_code=status_code)


@router.get(PATH)
def show_noncash_rules(request: Request, session: SessionDep, user: WebUser) -> Response:
    """Every version of the non-cash rates and the recognised share, by the year it starts."""
    return _page(request, session, user)


@router.post(PATH)
def add_noncash_rule(
    request: Request, session: SessionDep, user: WebUser, form: FormDep
) -> Response:
    """Add a version from a year after the last one already valued (city admin)."""
    values = text_values(form)
    try:
        data = build(NoncashRuleCreate, filled(values, FIELDS))
        with form_write(session):
            rules.add_version(session, user=user, data=data)
    except FormInvalid as exc:
        return _page(request, session, user, values, exc.errors, status_code=422)
    return saved_redirect(f"{PATH}?saved=rule")
