"""The API's interactive documentation, served offline: Swagger UI at /api/docs and ReDoc at
/api/redoc, with their scripts and styles from the ``fastapi-offline`` package (MIT; it ships
the Swagger UI and ReDoc bundles, whose own licences it carries) instead of a CDN, so the pages
work on a closed network. The pages carry no inline script: ``static/api-docs.js`` starts
Swagger UI, and ReDoc starts itself on its ``<redoc>`` element.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from markupsafe import escape

ASSETS_DIR = Path(fastapi_offline.__file__).resolve().parent / "static"
ASSETS_URL = "/static/api-docs"
OPENAPI_URL = "/api/openapi.json"
DOCS_URL = "/api/docs"
REDOC_URL = "/api/redoc"

router = APIRouter(include_in_schema=False)


def _page(title: str, head: str, body: str) -> HTMLResponse:
    html = (
        '<!doctype html><html lang="ko"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>{head}</head><body>{body}</body></html>"
    )
    return HTMLResponse(html)


@router.get(DOCS_URL)
def swagger_ui() -> HTMLResponse:
    """Swagger UI over the OpenAPI document."""
    return _page(
        "maeul_db API - Swagger UI",
        f'<link rel="stylesheet" href="{ASSETS_URL}/swagger-ui.css">',
        f'<div id="swagger-ui" data-openapi-url="{OPENAPI_URL}"></div>'
        f'<script src="{ASSETS_URL}/swagger-ui-bundle.js"></script>'
        '<script src="/static/api-docs.js"></script>',
    )


@router.get(REDOC_URL)
def redoc() -> HTMLResponse:
    """ReDoc over the OpenAPI document."""
    return _page(
        "maeul_db API - ReDoc",
        "",
        f'<redoc spec-url="{OPENAPI_URL}"></redoc>'
        f'<script src="{ASSETS_URL}/redoc.standalone.js"></script>',
    )


def mount_assets(app: FastAPI) -> None:
    """Before the ``/static`` mount, which would otherwise answer for this prefix."""
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS_DIR), name="api-docs-assets")
