"""Placeholder until the web shell lands (login, navigation per role, home pages)."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from maeul_db.errors import MaeulError

router = APIRouter(include_in_schema=False)


def render_error(request: Request, exc: MaeulError) -> Response:
    return HTMLResponse(f"<p>{exc.message}</p>", status_code=exc.status_code)


def mount_static(app: FastAPI) -> None:
    return None
