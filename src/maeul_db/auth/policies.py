"""Small pure access policies. Row scoping (which rows a user may see) lives in each domain's
``visible_x`` function; these answer yes/no questions about a user."""

from __future__ import annotations

from maeul_db.errors import Forbidden
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


def can_log_facts(user: UserAccount) -> bool:
    """District staff and the city admin log (and read back) projects, groups, activities and
    imports; experts and analysts do neither."""
    return user.role in (Role.city_admin, Role.district_staff)


def require_fact_logger(user: UserAccount) -> None:
    """For services: refuse (403) a user who may not log facts, before any row is loaded."""
    if not can_log_facts(user):
        raise Forbidden("auth.cannot_log")


def require_personal_data_reader(user: UserAccount) -> None:
    """Refuse analysts (403) before a list of named rows is built: they work on pseudonyms."""
    if not can_read_personal_data(user):
        raise Forbidden("person.read_forbidden")


def is_group_rep(user: UserAccount) -> bool:
    """A group representative (모임 대표): applies, reports and settles for their own groups."""
    return user.role == Role.group_rep


def can_use_paperwork(user: UserAccount) -> bool:
    """Calls, applications, reports and settlements: staff, the city admin and representatives."""
    return user.role in (Role.city_admin, Role.district_staff, Role.group_rep)


def require_paperwork_user(user: UserAccount) -> None:
    """Refuse (403) experts and analysts before any paperwork row is loaded."""
    if not can_use_paperwork(user):
        raise Forbidden("paperwork.forbidden")
