"""The logged-in user for web pages (by the session cookie), and what the page header shows.

Pages are the only door that takes the cookie; every unsafe page request is CSRF-checked
(``web.csrf``). The API takes bearer tokens only (``auth.deps``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from maeul_db.auth import service as auth_service
from maeul_db.auth.deps import SessionDep
from maeul_db.home import menu
from maeul_db.home.menu import MenuSection
from maeul_db.models import Role, UserAccount

WEB_SESSION_USER_KEY = "uid"
# The account's session version when the cookie was issued; a logout anywhere bumps it.
WEB_SESSION_VERSION_KEY = "sv"


@dataclass(frozen=True)
class Viewer:
    """The header's view of the user; kept on ``request.state`` so error pages show it too."""

    name: str
    role: Role
    district_name: str | None
    # The logging actions (register, edit, network links) are offered: decided by the core.
    can_log: bool = False
    # The header's menu and the home's page list, from the core's one table (home/menu.py).
    nav: list[tuple[str, str]] = field(default_factory=list)
    sections: list[MenuSection] = field(default_factory=list)


def session_user(request: Request, session: SessionDep) -> UserAccount:
    """The active user the session cookie names; Unauthorized otherwise, which ``render_error``
    turns into a redirect to /login. A bearer token is not looked at: it belongs to the API."""
    return auth_service.user_for_session(
        session,
        user_id=request.session.get(WEB_SESSION_USER_KEY),
        version=request.session.get(WEB_SESSION_VERSION_KEY),
    )


def get_web_user(
    request: Request, session: SessionDep, user: Annotated[UserAccount, Depends(session_user)]
) -> UserAccount:
    """The session's user, with the header's view of them kept on ``request.state``."""
    request.state.viewer = Viewer(
        name=user.display_name or user.username,
        role=Role(user.role),
        district_name=auth_service.district_name(session, user=user),
        can_log=auth_service.logs_facts(user),
        nav=menu.nav_for(user),
        sections=menu.sections_for(user),
    )
    return user


WebUser = Annotated[UserAccount, Depends(get_web_user)]


def viewer_of(request: Request) -> Viewer | None:
    viewer = getattr(request.state, "viewer", None)
    return viewer if isinstance(viewer, Viewer) else None
