"""Generated from the OpenAPI document: every API route, called with a bearer token of each role
that may not use it (on district A's objects, the staff account being district A's own), answers
403 or 404, shows no personal data and changes nothing. Anonymous callers are covered by
tests/auth/test_route_table.py, other districts' staff by tests/auth/test_cross_district_matrix.py.

A route without an entry in ``api_rules.API_RULES`` fails the first test. Failing cells are
compared with ``KNOWN_DOOR_BUGS``, so the set can neither grow silently nor go stale.
"""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.models import Role
from tests.builders import DISTRICT_A, bearer
from tests.doors.api_rules import API_RULES, ApiRule
from tests.doors.routes import api_routes
from tests.doors.world import (
    PERSONAL,
    ROLES,
    World,
    cell_report,
    changed_tables,
    fingerprint,
    leaked,
    seed,
)

Cell = tuple[str, str, str]  # (role, method, path)

# Cells where a wrong role is not refused yet; the "one door" work moves the role checks into the
# services and empties this set. Each entry says what the right answer is.
# Lists that answer a role with an empty 200 instead of refusing it: the role check belongs in
# the service's ``list_`` (as ``participants.service.list_`` now does for analysts).
KNOWN_DOOR_BUGS: set[Cell] = set()

ROSTER = (
    "사업연도,자치구,행정동,사업명,사업단계,모임명,성명,성별,출생연도,역할\n"
    "2020,종로구,청운효자동,새사업,모임형성,새모임,홍길순,여,1980,참여자\n"
).encode()


def test_every_api_route_declares_its_roles(door_app: FastAPI) -> None:
    routes = api_routes(door_app)
    missing = sorted(routes - API_RULES.keys())
    assert not missing, f"API routes without declared roles in api_rules.API_RULES: {missing}"
    stale = sorted(API_RULES.keys() - routes)
    assert not stale, f"declarations for routes that no longer exist: {stale}"


def _call(
    client: TestClient, world: World, method: str, path: str, headers: dict[str, str]
) -> httpx.Response:
    rule: ApiRule = API_RULES[(method, path)]
    url = world.url(path)
    query = world.fill(rule.query) or None
    if rule.form is not None:
        return client.request(method, url, data=rule.form)
    if rule.upload:
        files = {"file": ("roster.csv", ROSTER, "text/csv")}
        return client.request(
            method, url, headers=headers, files=files, data={"district_code": DISTRICT_A}
        )
    body = world.fill(rule.body if rule.body is not None else {})
    json = body if method in ("POST", "PATCH", "PUT") else None
    return client.request(method, url, headers=headers, json=json, params=query)


def test_wrong_roles_are_refused(door_app: FastAPI, door_client: object, session: Session) -> None:
    world = seed(session)
    client = door_client()  # type: ignore[operator]
    tokens = {role: bearer(client, world.users[role].username) for role in ROLES}
    client.cookies.clear()  # bearer tokens only: no web session may carry the calls
    before = fingerprint(session)
    failures: dict[Cell, str] = {}
    for method, path in sorted(api_routes(door_app)):
        rule = API_RULES[(method, path)]
        if rule.public:
            continue
        for role in (r for r in ROLES if r not in rule.roles):
            response = _call(client, world, method, path, tokens[role])
            own = role in rule.own
            after = fingerprint(session, ignore=frozenset({"access_log"}) if own else frozenset())
            ok = response.status_code == 200 if own else response.status_code in (403, 404)
            shown = leaked(response.text, PERSONAL)
            changed = changed_tables(before, after)
            if not ok or shown or changed:
                failures[(role.value, method, path)] = (
                    f"{response.status_code} leaked={shown} changed={changed}"
                )
            before = fingerprint(session)
    assert failures.keys() == KNOWN_DOOR_BUGS, cell_report(failures, KNOWN_DOOR_BUGS)


def test_allowed_roles_get_an_answer(
    door_app: FastAPI, door_client: object, session: Session
) -> None:
    """The positive cell for reads: the calls above are well-formed, so a refusal there is the
    door's answer to the role and not a broken request."""
    world = seed(session)
    client = door_client()  # type: ignore[operator]
    tokens = {role: bearer(client, world.users[role].username) for role in ROLES}
    for method, path in sorted(api_routes(door_app)):
        rule = API_RULES[(method, path)]
        if method != "GET" or rule.public:
            continue
        role = next(
            r for r in (Role.district_staff, Role.city_admin, Role.analyst) if r in rule.roles
        )
        headers = tokens[role]
        response = _call(client, world, method, path, headers)
        assert response.status_code == rule.positive, (method, path, role, response.text[:200])
