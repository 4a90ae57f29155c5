"""Every (method, path) the app answers, read from its route table, so a matrix built on it
covers a new route the moment it exists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fastapi import FastAPI
from starlette.routing import Mount

# Mounted sub-applications serve files, not pages; any other mount is a route to declare.
MOUNTS = frozenset({"/static", "/static/api-docs"})


def _flatten(routes: Iterable[Any]) -> Iterator[tuple[frozenset[str], str]]:
    for route in routes:
        if isinstance(route, Mount):
            assert route.path in MOUNTS, f"unexpected mount {route.path}: declare it"
        elif hasattr(route, "effective_route_contexts"):  # an included router (FastAPI >= 0.16x)
            for context in route.effective_route_contexts():
                yield frozenset(context.methods or ()), context.path
        elif hasattr(route, "routes"):
            yield from _flatten(route.routes)
        else:
            yield frozenset(getattr(route, "methods", None) or ()), route.path


def app_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path) pairs; HEAD is Starlette's automatic twin of GET."""
    return {(m, path) for methods, path in _flatten(app.routes) for m in methods if m != "HEAD"}


def web_routes(app: FastAPI) -> set[tuple[str, str]]:
    return {(m, p) for m, p in app_routes(app) if not p.startswith("/api")}


def api_routes(app: FastAPI) -> set[tuple[str, str]]:
    """From the OpenAPI document, as clients see the API (docs pages themselves excluded)."""
    spec = app.openapi()
    return {(m.upper(), path) for path, item in spec["paths"].items() for m in item}
