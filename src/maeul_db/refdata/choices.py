"""What the logging forms offer to choose from, decided by the user's role here, not in the page:
the city admin picks the district and sees every current dong; staff see their district's dongs."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col

from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped
from maeul_db.models import Group, UserAccount
from maeul_db.refdata import queries

# A select box beyond this many groups is unusable; the name search still finds the rest.
MAX_GROUP_OPTIONS = 500


def form_options(session: Session, *, user: UserAccount) -> dict[str, Any]:
    """Select-box options for the person, group and project forms (403 for analysts and experts,
    who log nothing). ``districts`` is empty when the user's district is fixed."""
    policies.require_fact_logger(user)
    admin = policies.is_city_admin(user)
    return {
        "dongs": queries.current_dongs(
            session, district_code=None if admin else user.district_code
        ),
        "districts": queries.districts(session) if admin else [],
    }


def search_options(session: Session, *, user: UserAccount) -> dict[str, Any]:
    """Options of the people search's filters: the dongs and groups of the user's district (all
    for the city admin), and nothing for users who log nothing (an expert searches only
    themself)."""
    if not policies.can_log_facts(user):
        return {"dongs": [], "groups": []}
    admin = policies.is_city_admin(user)
    groups = session.exec(
        district_scoped(Group, user).order_by(col(Group.name)).limit(MAX_GROUP_OPTIONS)
    ).all()
    return {
        "dongs": queries.current_dongs(
            session, district_code=None if admin else user.district_code
        ),
        "groups": [(g.id, g.name) for g in groups],
    }
