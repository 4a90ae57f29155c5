"""FastAPI dependencies: the request's database session, and the API's user (bearer token only).

The web pages authenticate by the session cookie instead (``maeul_db.web.deps``): each door has
one authentication model, so a cookie never opens the API and CSRF cannot reach it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlmodel import Session

from maeul_db.auth import service as auth_service
from maeul_db.db import SessionFactory, open_session, session_scope
from maeul_db.errors import Forbidden, Unauthorized
from maeul_db.models import Role, UserAccount


def get_session(request: Request) -> Iterator[Session]:
    """The request's session, from the factory ``create_app`` was given (``app.state``)."""
    factory: SessionFactory = getattr(request.app.state, "session_factory", open_session)
    yield from session_scope(factory)


# scope="function": commit before the response is sent, so a client never sees "saved" for a
# write that then fails to commit, and a redirect after a write always finds the new row.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
_bearer = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)


def get_current_user(
    session: SessionDep, token: Annotated[str | None, Depends(_bearer)]
) -> UserAccount:
    """The API caller, from ``Authorization: Bearer``; a web session cookie is ignored here."""
    if not token:
        raise Unauthorized("auth.login_required")
    return auth_service.user_for_token(session, token=token)


CurrentUser = Annotated[UserAccount, Depends(get_current_user)]


def require_roles(*roles: Role):  # type: ignore[no-untyped-def]
    def _check(user: CurrentUser) -> UserAccount:
        if user.role not in roles:
            raise Forbidden("auth.role_not_allowed")
        return user

    return Depends(_check)
