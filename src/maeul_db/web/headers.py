"""Security headers on every response, from one pure ASGI middleware (pages, API, errors).

The CSP allows nothing inline: the pages carry no <script> at all and no ``style=`` attributes
(the dashboard's styles live in static/maeul.css), so neither ``'unsafe-inline'`` is needed.
``img-src data:`` is for inline SVG patterns; ``frame-ancestors 'none'`` and X-Frame-Options stop
framing (clickjacking). Every response except static files is ``no-store``: pages and API
answers may hold personal data and must not stay in a shared or browser cache.
"""

from __future__ import annotations

from typing import Any

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
# The API's interactive docs (Swagger UI, ReDoc) load their scripts from this server
# (web.api_docs), never a CDN. Both bundles set inline styles and ReDoc runs its search in a
# blob: worker; these pages show no personal data, and only they get this policy.
DOCS_CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
_COMMON = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
STATIC_PREFIX = "/static/"
DOCS_PATHS = frozenset({"/api/docs", "/api/redoc"})


class SecurityHeadersMiddleware:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        csp = DOCS_CSP if path in DOCS_PATHS else CSP
        no_store = not path.startswith(STATIC_PREFIX)

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in (b"cache-control", b"content-security-policy")
                    or (k.lower() == b"cache-control" and not no_store)
                ]
                headers.extend(_COMMON)
                headers.append((b"content-security-policy", csp.encode()))
                if no_store:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
