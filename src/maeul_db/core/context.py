"""Where a call comes from: the door (API, web page, command, job) and the source address.

Set once per request by the application's middleware and once per command by the CLI, read by the
core (the access log) so no service needs a door-specific argument to record who read what.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Door(StrEnum):
    api = "api"
    web = "web"
    cli = "cli"
    job = "job"
    internal = "internal"


@dataclass(frozen=True)
class Origin:
    door: Door
    source_address: str | None = None


_INTERNAL = Origin(Door.internal)
# Origin is frozen, so the shared default cannot be changed through the variable.
_origin: ContextVar[Origin | None] = ContextVar("maeul_origin", default=None)


def current_origin() -> Origin:
    return _origin.get() or _INTERNAL


def set_origin(door: Door, source_address: str | None = None) -> None:
    """For entry points that own their whole process or task (the CLI callback)."""
    _origin.set(Origin(door, source_address))


@contextmanager
def origin(door: Door, source_address: str | None = None) -> Iterator[Origin]:
    """For a bounded piece of work (one request, one job)."""
    value = Origin(door, source_address)
    token = _origin.set(value)
    try:
        yield value
    finally:
        _origin.reset(token)


class OriginMiddleware:
    """Pure ASGI middleware: every HTTP request runs with its door and peer address as origin."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        door = Door.api if str(scope.get("path", "")).startswith("/api") else Door.web
        client = scope.get("client")
        with origin(door, client[0] if client else None):
            await self.app(scope, receive, send)
