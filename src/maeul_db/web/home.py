"""What each role's home page shows, composed from the domain services (no queries here)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from maeul_db.groups import service as group_service
from maeul_db.kit.pagination import Page
from maeul_db.models import Role, UserAccount
from maeul_db.participants import service as participant_service
from maeul_db.projects import service as project_service

# The services return (rows, total); one row is the cheapest way to ask for the total alone.
_COUNT_ONLY = Page(limit=1)


def visible_counts(session: Session, *, user: UserAccount) -> dict[str, int]:
    """People, groups and projects the user may see: city-wide for the city, one district for staff."""
    _, people = participant_service.list_(session, user=user, page=_COUNT_ONLY)
    _, groups = group_service.list_(session, user=user, page=_COUNT_ONLY)
    _, projects = project_service.list_(session, user=user, page=_COUNT_ONLY)
    return {"people": people, "groups": groups, "projects": projects}


def home_page(session: Session, *, user: UserAccount) -> tuple[str, dict[str, Any]]:
    """The role's home template and its context."""
    # Role(...): rows loaded from the database carry the role as a plain str (models.base.choice).
    name = f"home/{Role(user.role).value}.html"
    if user.role in (Role.city_admin, Role.district_staff):
        return name, {"counts": visible_counts(session, user=user)}
    if user.role == Role.expert and user.person_id is not None:
        return name, {
            "person": participant_service.get(session, user=user, person_id=user.person_id)
        }
    # Analysts: the template explains that analysis pages come later; nothing personal is loaded.
    return name, {}
