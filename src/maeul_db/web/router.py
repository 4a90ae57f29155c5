"""The Korean web UI: login, logout, a home page per role and the people list.

Pages call the same services as the API and render templates; Korean text lives in the templates.
Every unsafe request carries a CSRF token (``csrf.require_csrf`` on the top router).
"""

from __future__ import annotations

import math
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from maeul_db.auth import service as auth_service
from maeul_db.auth.deps import SessionDep
from maeul_db.auth.throttle import LoginThrottled
from maeul_db.errors import MaeulError, Unauthorized
from maeul_db.kit.pagination import Page
from maeul_db.participants import service as participant_service
from maeul_db.participants.schemas import PeopleFilter
from maeul_db.refdata import choices
from maeul_db.web import (
    account_pages,
    application_pages,
    assembly_pages,
    career_pages,
    certificate_pages,
    dong_pages,
    expert_pages,
    identity_pages,
    import_pages,
    log_pages,
    logging_pages,
    noncash_pages,
    paperwork_pages,
    password_pages,
    person_pages,
    placement_pages,
    privacy_pages,
    project_timeline_pages,
    report_pages,
    settlement_pages,
    space_pages,
    support_request_pages,
    training_pages,
    work_pages,
)
from maeul_db.web.analytics_pages import router as analytics_pages_router
from maeul_db.web.council_pages import router as council_pages_router
from maeul_db.web.csrf import require_csrf
from maeul_db.web.deps import WEB_SESSION_USER_KEY, WEB_SESSION_VERSION_KEY, WebUser, get_web_user
from maeul_db.web.home import home_page
from maeul_db.web.job_pages import router as job_pages_router
from maeul_db.web.logging_forms import FieldError, FormInvalid, build
from maeul_db.web.templating import STATIC_DIR, render

PEOPLE_PER_PAGE = 50

public_router = APIRouter()
protected_router = APIRouter(dependencies=[Depends(get_web_user)])


def _safe_next(target: str | None) -> str:
    """Only same-site paths, so ``?next=`` cannot send a user to another site after login."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def _login_url(next_path: str) -> str:
    return "/login" if next_path == "/" else "/login?" + urlencode({"next": next_path})


@public_router.get("/login")
def show_login(
    request: Request, next_path: Annotated[str | None, Query(alias="next")] = None
) -> Response:
    """The login form; rendering it issues the session's CSRF token."""
    return render(request, "login.html", {"next": _safe_next(next_path)})


@public_router.post("/login")
def log_in(
    request: Request,
    session: SessionDep,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next_path: Annotated[str, Form(alias="next")] = "/",
) -> Response:
    """Check the password and start a web session."""
    try:
        user = auth_service.authenticate(session, username=username.strip(), password=password)
    except (Unauthorized, LoginThrottled) as exc:
        # One message for unknown user, wrong password and inactive account alike; a lockout
        # says so (429) with its own message.
        throttled = isinstance(exc, LoginThrottled)
        return render(
            request,
            "login.html",
            {
                "next": _safe_next(next_path),
                "failed": True,
                "throttled": exc.message if throttled else None,
                "username": username,
            },
            status_code=429 if throttled else 401,
        )
    # A fresh session at login: the pre-login CSRF token is dropped and a new one issued later.
    request.session.clear()
    request.session[WEB_SESSION_USER_KEY] = user.id
    request.session[WEB_SESSION_VERSION_KEY] = user.session_version
    return RedirectResponse(_safe_next(next_path), status_code=303)


@public_router.post("/logout")
def log_out(request: Request, session: SessionDep) -> Response:
    """End every session and token of the account (a copied cookie dies too), then this one."""
    auth_service.log_out_session(
        session,
        user_id=request.session.get(WEB_SESSION_USER_KEY),
        version=request.session.get(WEB_SESSION_VERSION_KEY),
    )
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@protected_router.get("/")
def show_home(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The home page for the user's role."""
    name, context = home_page(session, user=user)
    return render(request, name, context)


@protected_router.get("/people")
def list_people(
    request: Request,
    session: SessionDep,
    user: WebUser,
    q: Annotated[str | None, Query(max_length=100)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    birth_year: Annotated[str | None, Query(max_length=10)] = None,
    dong_code: Annotated[str | None, Query(max_length=10)] = None,
    group_id: Annotated[str | None, Query(max_length=12)] = None,
    role: Annotated[str | None, Query(max_length=30)] = None,
) -> Response:
    """Search the people visible to the user (analysts: 403, from the service)."""
    query = (q or "").strip() or None
    values = {"birth_year": birth_year, "dong_code": dong_code, "group_id": group_id, "role": role}
    values = {k: v.strip() for k, v in values.items() if v and v.strip()}
    errors: dict[str, FieldError] = {}
    try:
        filters = build(PeopleFilter, values)
    except FormInvalid as exc:
        filters, errors = PeopleFilter(), exc.errors
    rows, count = participant_service.list_(
        session,
        user=user,
        query=query,
        filters=filters,
        page=Page(limit=PEOPLE_PER_PAGE, offset=(page - 1) * PEOPLE_PER_PAGE),
    )
    pages = max(1, math.ceil(count / PEOPLE_PER_PAGE))
    context = {"rows": rows, "count": count, "q": query or "", "page": page, "pages": pages}
    context |= {"values": values, "errors": errors, "params": {"q": query or "", **values}}
    return render(request, "people.html", context | choices.search_options(session, user=user))


router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])
router.include_router(public_router)
router.include_router(protected_router)
router.include_router(analytics_pages_router)
router.include_router(logging_pages.router)  # before person_pages: /people/new
router.include_router(person_pages.router)
router.include_router(expert_pages.router)
router.include_router(certificate_pages.router)
router.include_router(dong_pages.router)
router.include_router(import_pages.router)
router.include_router(identity_pages.router)
router.include_router(privacy_pages.router)
router.include_router(account_pages.router)
router.include_router(password_pages.router)
router.include_router(log_pages.router)
router.include_router(training_pages.router)
router.include_router(placement_pages.router)
router.include_router(career_pages.router)
router.include_router(work_pages.router)
router.include_router(council_pages_router)
router.include_router(assembly_pages.router)
router.include_router(space_pages.router)
router.include_router(paperwork_pages.router)
router.include_router(application_pages.router)
router.include_router(support_request_pages.router)
router.include_router(report_pages.router)
router.include_router(settlement_pages.router)
router.include_router(project_timeline_pages.router)
router.include_router(noncash_pages.router)
router.include_router(job_pages_router)


def render_error(request: Request, exc: MaeulError) -> Response:
    """A MaeulError on a web page: anonymous users go to the login form, others see a Korean page."""
    if exc.status_code == 401:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(_login_url(_safe_next(target)), status_code=303)
    return render(
        request,
        "error.html",
        {"status": exc.status_code, "code": exc.code, "message": exc.message},
        status_code=exc.status_code,
    )


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
