"""The FastAPI application: JSON API under /api (docs at /api/docs and /api/redoc, served
offline), Korean web UI at /."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from maeul_db import __version__
from maeul_db.api import api_router
from maeul_db.auth.demo_accounts import refuse_demo_accounts_in_production
from maeul_db.config import get_settings
from maeul_db.core.context import OriginMiddleware
from maeul_db.db import SessionFactory, open_session
from maeul_db.errors import InvalidInput, MaeulError
from maeul_db.kit.guard import bounded_request, short_errors
from maeul_db.web import api_docs
from maeul_db.web import router as web_router
from maeul_db.web.headers import SecurityHeadersMiddleware
from maeul_db.wording import message

SESSION_COOKIE = "maeul_session"


def _error_response(request: Request, exc: MaeulError) -> Response:
    if request.url.path.startswith("/api"):
        headers = {"WWW-Authenticate": "Bearer"} if exc.status_code == 401 else None
        content: dict[str, object] = {
            "error": exc.error,
            "code": exc.code,
            "message": exc.message,
            "message_en": exc.message_en,
            "field": exc.field,
        }
        if "existing_id" in exc.params:  # a duplicate fact: the record that already holds
            content["existing_id"] = exc.params["existing_id"]
        return JSONResponse(status_code=exc.status_code, content=content, headers=headers)
    return web_router.render_error(request, exc)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    """Framework errors (unknown page, wrong method) as a Korean page on the web UI."""
    if _is_api(request):
        return await http_exception_handler(request, exc)
    error = MaeulError("error.page_not_found" if exc.status_code == 404 else str(exc.detail))
    error.status_code = exc.status_code
    return web_router.render_error(request, error)


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    if _is_api(request):
        # FastAPI's body, with each offending input cut to a short excerpt (kit/guard.py).
        content = {"detail": jsonable_encoder(short_errors(exc.errors()))}
        return JSONResponse(status_code=422, content=content)
    fields = ", ".join(".".join(str(part) for part in e["loc"][1:]) for e in exc.errors())
    error = InvalidInput("error.invalid_request", fields=fields)
    return web_router.render_error(request, error)


def _startup_checks(session_factory: SessionFactory) -> Any:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Production refuses to start while demo logins exist (auth.demo_accounts).
        if get_settings().environment == "production":
            with session_factory() as session:
                refuse_demo_accounts_in_production(session)
        yield

    return lifespan


def create_app(session_factory: SessionFactory = open_session) -> FastAPI:
    """The app; every request's session comes from ``session_factory`` (tests pass their own)."""
    settings = get_settings()
    app = FastAPI(
        lifespan=_startup_checks(session_factory),
        title="maeul_db",
        version=__version__,
        description=message("app.description"),
        # Served by web.api_docs from packaged assets (no CDN): the built-in pages load from one.
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        openapi_url=api_docs.OPENAPI_URL,
        # Path, query and form bounds for every route of both doors, checked once here.
        dependencies=[Depends(bounded_request)],
    )
    app.state.session_factory = session_factory
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie=SESSION_COOKIE,
        same_site="lax",
        https_only=settings.environment == "production",
        max_age=settings.token_ttl_seconds,
    )
    # Outermost: the access log reads the door and source address from the request's origin.
    app.add_middleware(OriginMiddleware, trusted_proxies=settings.trusted_proxies)
    app.add_middleware(SecurityHeadersMiddleware)  # on every response, errors included
    app.add_exception_handler(MaeulError, _error_response)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.include_router(api_router, prefix="/api")
    app.include_router(web_router.router)
    app.include_router(api_docs.router)
    api_docs.mount_assets(app)
    web_router.mount_static(app)
    return app
