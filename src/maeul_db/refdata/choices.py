"""What the logging forms offer to choose from, decided by the user's role here, not in the page:
the city admin picks the district and sees every current dong; staff see their district's dongs."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from maeul_db.auth import policies
from maeul_db.models import UserAccount
from maeul_db.refdata import queries


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
