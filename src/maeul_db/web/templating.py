"""Jinja2 setup for the web pages: template directory, the CSRF field helper, small filters
(phones, and the clock's: ``kst``, ``kst_date``, ``last_day``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from markupsafe import Markup
from starlette.responses import Response

from maeul_db import wording
from maeul_db.kit import time as clock
from maeul_db.kit.text import mask_email, mask_phone
from maeul_db.web import csrf
from maeul_db.web.deps import viewer_of

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"


@pass_context
def csrf_field(context: dict[str, Any]) -> Markup:
    """``{{ csrf_field() }}`` inside every POST form."""
    token = csrf.issue_token(context["request"])
    return Markup('<input type="hidden" name="{}" value="{}">').format(csrf.CSRF_FIELD, token)


def format_phone(value: str | None) -> str:
    """Stored phones are digits only (kit.text.normalize_phone); show them the way people write them."""
    if not value:
        return ""
    if value.startswith("02") and len(value) in (9, 10):
        return f"02-{value[2:-4]}-{value[-4:]}"
    if len(value) in (10, 11):
        return f"{value[:3]}-{value[3:-4]}-{value[-4:]}"
    return value


def _viewer_context(request: Request) -> dict[str, Any]:
    return {"viewer": viewer_of(request)}


templates = Jinja2Templates(directory=TEMPLATES_DIR, context_processors=[_viewer_context])
templates.env.globals["csrf_field"] = csrf_field
templates.env.globals.update(wording.template_globals())  # label(), labels(), msg()
# labels() under a name no template shadows with {% import "_labels.html" as labels %}.
templates.env.globals["label_map"] = wording.labels
templates.env.filters["phone"] = format_phone
# Lists show contact data masked (issue 14): the person page shows it in full to who may read it.
templates.env.filters["mask_phone"] = lambda value: mask_phone(value) or ""
templates.env.filters["mask_email"] = lambda value: mask_email(value) or ""
templates.env.filters.update(clock.FILTERS)


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *, status_code: int = 200
) -> Response:
    return templates.TemplateResponse(request, name, context or {}, status_code=status_code)
