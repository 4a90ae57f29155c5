"""Where a call comes from: the door (API, web page, command, job) and the source address.

Set once per request by the application's middleware and once per command by the CLI, read by the
core (the access log) so no service needs a door-specific argument to record who read what.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Iterator
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
    # A safe HTTP method (GET, HEAD, OPTIONS): the request reads and writes nothing but the access
    # log, so its session can read without the write lock (``db.session_for``).
    reads_only: bool = False


_INTERNAL = Origin(Door.internal)
# Origin is frozen, so the shared default cannot be changed through the variable.
_origin: ContextVar[Origin | None] = ContextVar("maeul_origin", default=None)


def current_origin() -> Origin:
    return _origin.get() or _INTERNAL


def set_origin(door: Door, source_address: str | None = None) -> None:
    """For entry points that own their whole process or task (the CLI callback)."""
    _origin.set(Origin(door, source_address))


@contextmanager
def origin(
    door: Door, source_address: str | None = None, *, reads_only: bool = False
) -> Iterator[Origin]:
    """For a bounded piece of work (one request, one job)."""
    value = Origin(door, source_address, reads_only)
    token = _origin.set(value)
    try:
        yield value
    finally:
        _origin.reset(token)


_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(spec: str) -> tuple[Network, ...]:
    """``MAEUL_TRUSTED_PROXIES``: addresses or CIDR networks, comma-separated; empty = none."""
    return tuple(
        ipaddress.ip_network(p.strip(), strict=False) for p in spec.split(",") if p.strip()
    )


def _trusted(address: str, proxies: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in proxies)


def source_address(
    peer: str | None, forwarded_for: str | None, proxies: tuple[Network, ...]
) -> str | None:
    """The client's address: the peer's, unless the peer is a trusted proxy, in which case the
    nearest address in X-Forwarded-For that is not itself a trusted proxy. Whatever a client puts
    in the header is appended to by each proxy, so only entries added by trusted hops count."""
    if peer is None or not forwarded_for or not _trusted(peer, proxies):
        return peer
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, proxies):
            return hop[:60]  # the access log's column width; a real address is far shorter
    return hops[0][:60] if hops else peer


class OriginMiddleware:
    """Pure ASGI middleware: every HTTP request runs with its door and source address as origin
    (the peer, or X-Forwarded-For when the peer is one of ``trusted_proxies``)."""

    def __init__(self, app: Any, trusted_proxies: str = "") -> None:
        self.app = app
        self.proxies = parse_networks(trusted_proxies)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        door = Door.api if str(scope.get("path", "")).startswith("/api") else Door.web
        client = scope.get("client")
        forwarded = None
        if self.proxies:
            values = [v for k, v in scope.get("headers", []) if k == b"x-forwarded-for"]
            forwarded = ",".join(v.decode("latin-1") for v in values)
        address = source_address(client[0] if client else None, forwarded, self.proxies)
        reads_only = scope.get("method") in _SAFE_METHODS
        with origin(door, address, reads_only=reads_only):
            await self.app(scope, receive, send)
