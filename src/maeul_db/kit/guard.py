"""Request-level input bounds for both doors (API and web), attached once to the app.

Bodies are bounded by ``InputSchema``; this covers what reaches a route outside a schema:
path and query parameters (an id of 2**63 overflowed SQLite and PostgreSQL and answered 500)
and URL-encoded forms (a NUL byte failed on PostgreSQL). It also shortens what a 422 shows of
the input, so an error never echoes a 100,000-character value back.
"""

from __future__ import annotations

import re
from typing import Any, get_args

from fastapi import Request
from fastapi.dependencies.models import Dependant

from maeul_db.kit.schemas import INT_MAX, check_int
from maeul_db.kit.text import reject_control

_INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")
EXCERPT = 40  # characters of an offending value a 422 may show

_int_params_by_route: dict[int, frozenset[str]] = {}


def _is_int(annotation: Any) -> bool:
    return annotation is int or any(_is_int(arg) for arg in get_args(annotation))


def _int_params(dependant: Dependant) -> set[str]:
    """Names (aliases) of the integer path and query parameters of a route and its dependencies."""
    names = {
        field.alias
        for field in (*dependant.path_params, *dependant.query_params)
        if _is_int(field.field_info.annotation)
    }
    for sub in dependant.dependencies:
        names |= _int_params(sub)
    return names


def _ints_of(request: Request) -> frozenset[str]:
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return frozenset()
    key = id(route)
    if key not in _int_params_by_route:
        _int_params_by_route[key] = frozenset(_int_params(dependant))
    return _int_params_by_route[key]


async def bounded_request(request: Request) -> None:
    """Refuse (422) control characters in any parameter or form field, and integers no column
    holds in integer parameters, before the route's own code runs."""
    ints = _ints_of(request)
    params = [*request.path_params.items(), *request.query_params.multi_items()]
    for name, value in params:
        text = str(value)
        reject_control(text, field=name)
        if name in ints and _INTEGER.match(text):
            # int() refuses over 4,300 digits with ValueError; anything past 12 is out of range.
            digits = text.strip().lstrip("+-")
            check_int(int(text) if len(digits) <= 12 else INT_MAX + 1, field=name)
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/x-www-form-urlencoded"):
        form = await request.form()  # parsed once; the route reads the same cached form
        for name, value in form.multi_items():
            if isinstance(value, str):
                reject_control(value, field=name)


def excerpt(value: Any) -> Any:
    """What an error may echo of an input: short strings as they are, anything longer cut to
    ``EXCERPT`` characters, containers (a whole body) not at all."""
    if isinstance(value, str):
        return value if len(value) <= EXCERPT else value[:EXCERPT] + "…"
    if isinstance(value, int | float | bool) or value is None:
        text = str(value)
        return value if len(text) <= EXCERPT else text[:EXCERPT] + "…"
    return None


def _scalar(value: Any) -> Any:
    return value if value is None or isinstance(value, str | int | float | bool) else str(value)


def short_errors(errors: Any) -> list[dict[str, Any]]:
    """Validation errors with their ``input`` (and ``ctx`` values) cut to an excerpt."""
    shown = []
    for error in errors:
        item = dict(error)
        if "input" in item:
            item["input"] = excerpt(item["input"])
        if isinstance(item.get("ctx"), dict):
            item["ctx"] = {k: excerpt(_scalar(v)) for k, v in item["ctx"].items()}
        shown.append(item)
    return shown
