"""FastAPI dependencies: the database session and the current user (bearer token or web session)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlmodel import Session

from maeul_db.auth import service as auth_service
from maeul_db.db import get_session
from maeul_db.errors import Forbidden, Unauthorized
from maeul_db.models import Role, UserAccount

# scope="function": commit before the response is sent, so a client never sees "saved" for a
# write that then fails to commit, and a redirect after a write always finds the new row.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
_bearer = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)

WEB_SESSION_USER_KEY = "uid"


def get_current_user(
    request: Request, session: SessionDep, token: Annotated[str | None, Depends(_bearer)]
) -> UserAccount:
    if token:
        return auth_service.user_for_token(session, token=token)
    user_id = request.session.get(WEB_SESSION_USER_KEY) if "session" in request.scope else None
    if isinstance(user_id, int):
        user = session.get(UserAccount, user_id)
        if user is not None and user.is_active:
            return user
    raise Unauthorized("로그인이 필요합니다 (login required)")


CurrentUser = Annotated[UserAccount, Depends(get_current_user)]


def require_roles(*roles: Role):  # type: ignore[no-untyped-def]
    def _check(user: CurrentUser) -> UserAccount:
        if user.role not in roles:
            raise Forbidden("이 기능을 사용할 권한이 없습니다 (role not allowed)")
        return user

    return Depends(_check)
