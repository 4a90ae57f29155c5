"""The logged-in user for web pages, and what the page header shows about them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.models import District, Role, UserAccount


@dataclass(frozen=True)
class Viewer:
    """The header's view of the user; kept on ``request.state`` so error pages show it too."""

    name: str
    role: Role
    district_name: str | None


def get_web_user(request: Request, session: SessionDep, user: CurrentUser) -> UserAccount:
    """The session's user. Anonymous visitors never get here: ``get_current_user`` raises
    Unauthorized, which ``render_error`` turns into a redirect to /login on web paths."""
    district = session.get(District, user.district_code) if user.district_code else None
    request.state.viewer = Viewer(
        name=user.display_name or user.username,
        role=Role(user.role),
        district_name=district.name_ko if district else None,
    )
    return user


WebUser = Annotated[UserAccount, Depends(get_web_user)]


def viewer_of(request: Request) -> Viewer | None:
    viewer = getattr(request.state, "viewer", None)
    return viewer if isinstance(viewer, Viewer) else None
