"""The home page's template and context, from the home service (which decides by role)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from maeul_db.home import service
from maeul_db.models import UserAccount


def home_page(session: Session, *, user: UserAccount) -> tuple[str, dict[str, Any]]:
    """The role's home template and its context."""
    home = service.home(session, user=user)
    context: dict[str, Any] = {}
    if home.counts is not None:
        context["counts"] = home.counts
    if home.queue is not None:
        context["queue"] = home.queue
    if home.person is not None:
        context["person"] = home.person
        context["placements"] = home.placements
        context["dong_names"] = home.dong_names
        context["certificates"] = home.certificates
    return f"home/{home.kind}.html", context
