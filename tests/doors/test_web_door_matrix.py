"""Generated from the web router's route table: every page, called anonymously, by a role that
may not use it, by another district's staff and without a CSRF token, shows nothing it should
not and changes nothing. A page without a rule in ``web_rules.WEB_RULES`` fails the first test.

Each test collects its failing cells and compares them with ``KNOWN_DOOR_BUGS``: a fixed bug
makes the test fail until its entry is removed, and a new bug fails it too.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.models import Role, UserAccount
from tests.doors.routes import web_routes
from tests.doors.web_rules import ROSTER, WEB_RULES, WebRule
from tests.doors.world import (
    DISTRICT_RECORDS,
    PERSONAL,
    ROLES,
    World,
    cell_report,
    changed_tables,
    fingerprint,
    leaked,
    seed,
)
from tests.web_login import csrf_token, log_in

Cell = tuple[str, str, str, str]  # (matrix, who, method, path)

# Failing cells the services do not refuse yet; the "one door" work moves these checks into the
# services and empties this set. Each entry says what the right answer is.
KNOWN_DOOR_BUGS: set[Cell] = set()

ClientFactory = Callable[[], TestClient]


def _rule(method: str, path: str) -> WebRule:
    return WEB_RULES[(method, path)]


def _routes(app: FastAPI) -> list[tuple[str, str]]:
    return sorted(route for route in web_routes(app) if route in WEB_RULES)


def test_every_web_route_has_a_rule(door_app: FastAPI) -> None:
    routes = web_routes(door_app)
    missing = sorted(routes - WEB_RULES.keys())
    assert not missing, f"web routes without a rule in web_rules.WEB_RULES: {missing}"
    stale = sorted(WEB_RULES.keys() - routes)
    assert not stale, f"rules for routes that no longer exist: {stale}"


def _known(matrix: str) -> set[Cell]:
    return {cell for cell in KNOWN_DOOR_BUGS if cell[0] == matrix}


def _signed_in(new_client: ClientFactory, user: UserAccount) -> tuple[TestClient, str]:
    """A client logged in through the real form, and its session's CSRF token."""
    client = new_client()
    assert log_in(client, user.username).status_code == 303
    return client, csrf_token(client.get("/").text)


def _call(
    client: TestClient, world: World, method: str, path: str, csrf: str | None, own: bool = False
) -> httpx.Response:
    rule = _rule(method, path)
    url = world.url(path, own=own)
    if method == "GET":
        return client.get(url, params=world.fill(rule.query), follow_redirects=False)
    data = world.fill(rule.form) | ({"csrf_token": csrf} if csrf is not None else {})
    files = {"file": ("roster.csv", ROSTER, "text/csv")} if rule.upload else None
    return client.post(url, data=data, files=files, follow_redirects=False)


def _login_redirect(url: str, query: dict[str, str]) -> str:
    target = url + (f"?{urlencode(query)}" if query else "")
    return "/login" if target == "/" else "/login?" + urlencode({"next": target})


def test_anonymous_visitors_are_sent_to_login(
    door_app: FastAPI, door_client: ClientFactory, session: Session
) -> None:
    world = seed(session)
    before = fingerprint(session)
    failures: dict[Cell, str] = {}
    for method, path in _routes(door_app):
        rule = _rule(method, path)
        client = door_client()
        token = csrf_token(client.get("/login").text)  # an anonymous session's own valid token
        response = _call(client, world, method, path, token)
        url = world.url(path)
        if rule.public:
            ok = response.status_code < 500 and not leaked(response.text, PERSONAL)
        elif method == "GET":
            location = response.headers.get("location", "")
            ok = response.status_code == 303 and location == _login_redirect(
                url, world.fill(rule.query)
            )
        else:
            ok = response.status_code == 303 and response.headers.get("location", "").startswith(
                "/login"
            )
        after = fingerprint(session)
        if not ok or (not rule.public and after != before):
            failures[("anonymous", "anonymous", method, path)] = (
                f"{response.status_code} {response.headers.get('location')} "
                f"changed={changed_tables(before, after)}"
            )
        before = after
    assert failures.keys() == _known("anonymous"), cell_report(failures, _known("anonymous"))


def _first_allowed(rule: WebRule) -> Role:
    return next(
        r
        for r in (Role.district_staff, Role.city_admin, Role.analyst, Role.expert)
        if r in rule.roles
    )


def test_allowed_roles_open_every_page(
    door_app: FastAPI, door_client: ClientFactory, session: Session
) -> None:
    """The positive cell: the calls the other cells make are well-formed, so a refusal there is
    the door's answer and not a broken request."""
    world = seed(session)
    signed = {role: _signed_in(door_client, world.users[role]) for role in ROLES}
    for method, path in _routes(door_app):
        if method != "GET":
            continue
        rule = _rule(method, path)
        role = _first_allowed(rule)
        client, token = signed[role]
        response = _call(client, world, method, path, token, own=role == Role.expert)
        assert response.status_code == rule.positive, (method, path, response.status_code)


def _refused(response: httpx.Response) -> bool:
    return response.status_code in (403, 404)


def test_wrong_roles_get_nothing(
    door_app: FastAPI, door_client: ClientFactory, session: Session
) -> None:
    """Each page, as each role that may not use it (on district A's objects, the staff account
    being district A's own): 403 or 404, no personal data, nothing changed. Roles that see only
    their own rows get a 200 without district A's person."""
    world = seed(session)
    signed = {role: _signed_in(door_client, world.users[role]) for role in ROLES}
    before = fingerprint(session)
    failures: dict[Cell, str] = {}
    for method, path in _routes(door_app):
        rule = _rule(method, path)
        for role in (r for r in ROLES if r not in rule.roles):
            client, token = signed[role]
            response = _call(client, world, method, path, token)
            after = fingerprint(
                session, ignore=frozenset({"access_log"}) if role in rule.own else frozenset()
            )
            ok = response.status_code == 200 if role in rule.own else _refused(response)
            shown = leaked(response.text, PERSONAL)
            changed = changed_tables(before, after)
            if not ok or shown or changed:
                failures[("wrong_role", role.value, method, path)] = (
                    f"{response.status_code} leaked={shown} changed={changed}"
                )
            before = fingerprint(session)
    assert failures.keys() == _known("wrong_role"), cell_report(failures, _known("wrong_role"))


def test_other_district_staff_get_nothing(
    door_app: FastAPI, door_client: ClientFactory, session: Session
) -> None:
    """Each page that names district A's object, as district B's staff: 404 (403 where the rule
    says so), none of district A's records or personal data, nothing changed."""
    world = seed(session)
    client, token = _signed_in(door_client, world.outsider)
    before = fingerprint(session)
    failures: dict[Cell, str] = {}
    for method, path in _routes(door_app):
        rule = _rule(method, path)
        if rule.cross is None:
            continue
        response = _call(client, world, method, path, token)
        after = fingerprint(
            session, ignore=frozenset({"access_log"}) if rule.cross == "own" else frozenset()
        )
        ok = response.status_code == 200 if rule.cross == "own" else _refused(response)
        shown = leaked(response.text, PERSONAL + DISTRICT_RECORDS)
        changed = changed_tables(before, after)
        if not ok or shown or changed:
            failures[("other_district", "district_staff", method, path)] = (
                f"{response.status_code} leaked={shown} changed={changed}"
            )
        before = fingerprint(session)
    assert failures.keys() == _known("other_district"), cell_report(
        failures, _known("other_district")
    )


@pytest.mark.parametrize("token", [None, "forged-token"], ids=["missing", "wrong"])
def test_posts_without_a_valid_csrf_token_are_refused(
    door_app: FastAPI, door_client: ClientFactory, session: Session, token: str | None
) -> None:
    """Every state-changing request, by a user allowed to make it, with no token or a wrong one:
    403 and nothing changed."""
    world = seed(session)
    signed = {role: _signed_in(door_client, world.users[role]) for role in ROLES}
    before = fingerprint(session)
    failures: dict[Cell, str] = {}
    for method, path in _routes(door_app):
        if method == "GET":
            continue
        rule = _rule(method, path)
        client = door_client() if rule.public else signed[_first_allowed(rule)][0]
        response = _call(client, world, method, path, token)
        after = fingerprint(session)
        if response.status_code != 403 or after != before:
            failures[("csrf", "allowed", method, path)] = (
                f"{response.status_code} changed={changed_tables(before, after)}"
            )
        before = after
    assert failures.keys() == _known("csrf"), cell_report(failures, _known("csrf"))
