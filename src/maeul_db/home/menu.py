"""The pages each role is offered: one table that the header's menu and the homes both read, so
no template decides by role what a user may open (the routes' own rules still decide; the door
matrices check every link here against them)."""

from __future__ import annotations

from dataclasses import dataclass

from maeul_db.models import Role, UserAccount
from maeul_db.wording.catalogue import message

STAFF = frozenset({Role.city_admin, Role.district_staff})
CITY = frozenset({Role.city_admin})
ANALYSTS = frozenset({Role.city_admin, Role.district_staff, Role.analyst})
EXPERTS = frozenset({Role.expert})
PAPERWORK = frozenset({Role.city_admin, Role.district_staff, Role.group_rep})


@dataclass(frozen=True)
class MenuLink:
    href: str
    label_key: str
    roles: frozenset[Role]
    # Shown in the header's menu as well as on the home page.
    in_nav: bool = False


@dataclass(frozen=True)
class MenuSection:
    title: str
    links: list[tuple[str, str]]  # (href, label)


_SECTIONS: tuple[tuple[str, tuple[MenuLink, ...]], ...] = (
    (
        "menu.section.records",
        (
            MenuLink("/people", "menu.people", STAFF, in_nav=True),
            MenuLink("/people/new", "menu.people_new", STAFF),
            MenuLink("/groups", "menu.groups", STAFF, in_nav=True),
            MenuLink("/projects", "menu.projects", STAFF, in_nav=True),
            MenuLink("/imports", "menu.imports", STAFF, in_nav=True),
            MenuLink("/identity/candidates", "menu.candidates", STAFF),
            MenuLink("/councils", "menu.councils", STAFF, in_nav=True),
        ),
    ),
    (
        "menu.section.experts",
        (
            MenuLink("/training", "menu.training", STAFF, in_nav=True),
            MenuLink("/experts/pool", "menu.pool", STAFF, in_nav=True),
            MenuLink("/experts/coverage", "menu.coverage", STAFF, in_nav=True),
            MenuLink("/careers", "menu.careers", STAFF, in_nav=True),
            MenuLink("/certificates", "menu.certificates", STAFF, in_nav=True),
            MenuLink("/certificates/batch", "menu.certificates_batch", STAFF),
        ),
    ),
    (
        "menu.section.paperwork",
        (
            MenuLink("/paperwork/calls", "menu.calls", PAPERWORK, in_nav=True),
            MenuLink("/paperwork/applications", "menu.applications", PAPERWORK, in_nav=True),
            MenuLink("/settlements", "menu.reports_settlements", PAPERWORK, in_nav=True),
            MenuLink("/requests/training", "menu.training_requests", PAPERWORK),
            MenuLink("/requests/consulting", "menu.consulting_requests", PAPERWORK),
        ),
    ),
    (
        "menu.section.mine",
        (
            MenuLink("/me/record", "menu.my_record", EXPERTS, in_nav=True),
            MenuLink("/logs/access", "menu.my_reads", EXPERTS),
        ),
    ),
    (
        "menu.section.analysis",
        (
            MenuLink("/analytics", "menu.analytics", ANALYSTS, in_nav=True),
            MenuLink(
                "/privacy/register", "menu.register", frozenset({Role.analyst, Role.city_admin})
            ),
        ),
    ),
    (
        "menu.section.admin",
        (
            MenuLink("/privacy/requests", "menu.rights_requests", STAFF, in_nav=True),
            MenuLink("/logs/access", "menu.access_log", STAFF, in_nav=True),
            MenuLink("/logs/audit", "menu.audit", STAFF),
            MenuLink("/privacy/review", "menu.review", CITY, in_nav=True),
            MenuLink("/privacy/retention", "menu.retention", CITY),
            MenuLink("/admin/accounts", "menu.accounts", CITY, in_nav=True),
            MenuLink("/admin/dong-changes", "menu.dong_changes", CITY),
            MenuLink("/verify", "menu.verify", STAFF),
            MenuLink("/api/docs", "menu.api_docs", CITY),
        ),
    ),
    (
        "menu.section.autonomy",
        (
            MenuLink("/assemblies", "menu.assemblies", STAFF),
            MenuLink("/assemblies/turnout", "menu.assembly_turnout", ANALYSTS),
            MenuLink("/spaces", "menu.spaces", STAFF),
            MenuLink("/networks", "menu.networks", STAFF),
        ),
    ),
)


def _role(user: UserAccount) -> Role:
    return Role(user.role)


def nav_for(user: UserAccount) -> list[tuple[str, str]]:
    """The header's menu: (href, label), home first."""
    role = _role(user)
    links = [("/", message("menu.home"))]
    for _, section in _SECTIONS:
        links += [
            (ln.href, message(ln.label_key)) for ln in section if ln.in_nav and role in ln.roles
        ]
    return links


def sections_for(user: UserAccount) -> list[MenuSection]:
    """Every page the user is offered, by section, for the home page."""
    role = _role(user)
    found = []
    for title, section in _SECTIONS:
        links = [(ln.href, message(ln.label_key)) for ln in section if role in ln.roles]
        if links:
            found.append(MenuSection(message(title), links))
    return found
