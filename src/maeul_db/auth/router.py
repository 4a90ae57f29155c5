"""Login (public) and the current account."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response
from fastapi.security import OAuth2PasswordRequestForm

from maeul_db.auth import service as auth_service
from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.auth.schemas import PasswordChange, Token, UserPublic

public_router = APIRouter(prefix="/auth", tags=["auth"])
router = APIRouter(prefix="/auth", tags=["auth"])


@public_router.post("/token", response_model=Token)
def login_for_token(
    session: SessionDep, form: Annotated[OAuth2PasswordRequestForm, Depends()]
) -> Token:
    """Exchange a username and password for a bearer token (OAuth2 password flow)."""
    user = auth_service.authenticate(session, username=form.username, password=form.password)
    return Token(access_token=auth_service.token_for(user))


@router.post("/logout", status_code=204)
def log_out(session: SessionDep, user: CurrentUser) -> Response:
    """End every bearer token and web session of the account (all devices)."""
    auth_service.end_sessions(session, user=user)
    return Response(status_code=204)


@router.get("/me", response_model=UserPublic)
def read_me(user: CurrentUser) -> UserPublic:
    """The logged-in account."""
    return UserPublic.model_validate(user, from_attributes=True)


@router.post("/password", response_model=Token)
def change_password(session: SessionDep, user: CurrentUser, data: PasswordChange) -> Token:
    """Change your own password: every other session and token of the account ends; the answer
    carries a new token for this client."""
    auth_service.change_own_password(
        session,
        user=user,
        current=data.current_password,
        new=data.new_password,
        confirm=data.new_password_confirm,
    )
    return Token(access_token=auth_service.token_for(user))
