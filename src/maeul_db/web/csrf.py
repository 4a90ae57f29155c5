"""CSRF protection for the web forms: a per-session random token, echoed by every POST form.

The session cookie is ``SameSite=Lax`` already; the token also covers older browsers and any
same-site page that could otherwise post into the app. The cookie opens only the pages (the API
takes bearer tokens only), so this check guards every request a cookie can authenticate.
"""

from __future__ import annotations

import secrets

from fastapi import Request

from maeul_db.errors import Forbidden

CSRF_SESSION_KEY = "csrf"
CSRF_FIELD = "csrf_token"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class CsrfRejected(Forbidden):
    code = "csrf_rejected"


def issue_token(request: Request) -> str:
    """The session's token, created on first use (e.g. when the login form is rendered)."""
    token = request.session.get(CSRF_SESSION_KEY)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        request.session[CSRF_SESSION_KEY] = token
    return token


async def require_csrf(request: Request) -> None:
    """Reject any unsafe request whose form does not carry the session's token.

    Async only because reading the form body needs ``await``; FastAPI has already parsed and cached
    it for form routes, so this reads no more than the route does.
    """
    if request.method in _SAFE_METHODS:
        return
    expected = request.session.get(CSRF_SESSION_KEY)
    form = await request.form()
    sent = form.get(CSRF_FIELD)
    # Compare bytes: compare_digest refuses non-ASCII str, and a forged field may be anything.
    if not (
        isinstance(expected, str)
        and expected
        and isinstance(sent, str)
        and secrets.compare_digest(expected.encode(), sent.encode())
    ):
        raise CsrfRejected("auth.csrf_rejected")
