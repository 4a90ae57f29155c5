"""Who may use analytics and on what scope (pure policies)."""

from __future__ import annotations

from maeul_db.config import get_settings
from maeul_db.errors import Forbidden
from maeul_db.models import Role, UserAccount


def scope_district(user: UserAccount, district_code: str | None) -> str | None:
    """The district the user's analysis is limited to (None = city-wide).

    Analysts and city admins choose; district staff always get their own district; experts none.
    """
    if user.role in (Role.analyst, Role.city_admin):
        return district_code or None
    if user.role == Role.district_staff and user.district_code:
        if district_code and district_code != user.district_code:
            raise Forbidden("analytics.other_district")
        return user.district_code
    raise Forbidden("analytics.forbidden")


def suppression_threshold(user: UserAccount) -> int | None:
    """Analysts see small cells suppressed; staff and admins work with the records anyway."""
    return get_settings().analytics_min_cell if user.role == Role.analyst else None
