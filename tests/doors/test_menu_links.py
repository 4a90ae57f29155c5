"""The menu (home/menu.py) offers each role only pages it may open, and every page it offers opens:
read through the real login, for every role the door world knows."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.home import menu
from maeul_db.models import Role
from tests.doors.web_rules import WEB_RULES
from tests.doors.world import ROLES, seed
from tests.web_login import log_in


def test_menu_links_are_pages_their_roles_may_open() -> None:
    for _, section in menu._SECTIONS:
        for link in section:
            rule = WEB_RULES.get(("GET", link.href))
            if link.href.startswith("/api/"):
                continue  # the API's own documentation pages, not a web route
            assert rule is not None, f"menu link {link.href} is not a web page"
            may = rule.roles | rule.own
            assert link.roles <= may, f"{link.href} offered to {set(link.roles - may)}"


def test_every_offered_link_opens_for_each_role(
    door_client: Callable[[], TestClient], session: Session
) -> None:
    world = seed(session)
    for role in ROLES:
        client = door_client()
        assert log_in(client, world.users[role].username).status_code == 303
        home = client.get("/")
        assert home.status_code == 200
        offered = {href for s in menu.sections_for(world.users[role]) for href, _ in s.links}
        for href, _ in menu.nav_for(world.users[role]):
            assert f'href="{href}"' in home.text, f"{role}: nav link {href} missing"
        for href in offered:
            response = client.get(href, follow_redirects=False)
            assert response.status_code == 200, f"{role} offered {href}: {response.status_code}"
    assert Role.analyst in ROLES and Role.expert in ROLES
