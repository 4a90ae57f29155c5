"""Small pure access policies. Row scoping (which rows a user may see) lives in each domain's
``visible_x`` function; these answer yes/no questions about a user."""

from __future__ import annotations

from maeul_db.models import Role, UserAccount


def is_city_admin(user: UserAccount) -> bool:
    return user.role == Role.city_admin


def can_read_district(user: UserAccount, district_code: str | None) -> bool:
    if user.role == Role.city_admin:
        return True
    return (
        user.role == Role.district_staff
        and district_code is not None
        and user.district_code == district_code
    )


def can_write_district(user: UserAccount, district_code: str | None) -> bool:
    """Analysts and experts never write facts; staff write only in their district."""
    return can_read_district(user, district_code)


def can_read_personal_data(user: UserAccount) -> bool:
    """Analysts work on pseudonyms and aggregates only."""
    return user.role in (Role.city_admin, Role.district_staff, Role.expert)


def can_manage_accounts(user: UserAccount) -> bool:
    return user.role == Role.city_admin
