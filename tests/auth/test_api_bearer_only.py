"""One authentication model per door: the API takes bearer tokens only, the pages the session
cookie only. A signed-in browser's cookie therefore opens no API route, so a page (on this site or
another) cannot make the browser import a roster or read people through the API."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.app import create_app
from maeul_db.models import Role
from tests.builders import bearer, make_person, make_user
from tests.db_state import changed, row_counts
from tests.imports.roster import csv_bytes, roster_rows
from tests.web_login import log_in

CSV = "text/csv"
# Answer without any login (token issue, certificate verification), so no cookie rule applies.
PUBLIC_API_ROUTES = {
    ("POST", "/api/auth/token"),
    ("GET", "/api/public/certificates/verify"),
    ("GET", "/api/public/certificates/verify/{token}"),
}


def _roster() -> dict[str, tuple[str, bytes, str]]:
    return {"file": ("명단.csv", csv_bytes(roster_rows(3)), CSV)}


def _signed_in(client: TestClient, session: Session, role: Role = Role.district_staff) -> str:
    user = make_user(session, role=role)
    assert log_in(client, user.username).status_code == 303
    assert client.get("/").status_code == 200  # the cookie does open the pages
    return user.username


def test_web_cookie_cannot_import_a_roster_through_the_api(
    client: TestClient, session: Session
) -> None:
    _signed_in(client, session)
    before = row_counts(session)

    response = client.post("/api/imports", files=_roster(), data={"partial": "true"})

    assert response.status_code == 401, response.text
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert changed(before, row_counts(session)) == {}


def test_web_cookie_cannot_list_people_through_the_api(
    client: TestClient, session: Session
) -> None:
    make_person(session)
    _signed_in(client, session, Role.city_admin)

    response = client.get("/api/people")

    assert response.status_code == 401
    assert "김민지" not in response.text


def test_bearer_token_still_imports_and_lists(client: TestClient, session: Session) -> None:
    username = _signed_in(client, session)
    headers = bearer(client, username)
    before = row_counts(session)

    imported = client.post("/api/imports", headers=headers, files=_roster())
    listed = client.get("/api/people", headers=headers)

    assert imported.status_code == 201, imported.text
    after = row_counts(session)
    assert after["import_batch"] == before["import_batch"] + 1
    assert after["person"] == before["person"] + 3
    assert listed.status_code == 200 and listed.json()["count"] == 3


def test_no_api_route_accepts_the_web_cookie(client: TestClient, session: Session) -> None:
    """Generated from the route table: a new API route is covered the moment it exists."""
    _signed_in(client, session, Role.city_admin)
    spec = create_app().openapi()
    routes = {(m.upper(), p) for p, item in spec["paths"].items() for m in item}
    assert len(routes) >= 10
    before = row_counts(session)
    for method, path in sorted(routes - PUBLIC_API_ROUTES):
        response = client.request(method, re.sub(r"\{[^}]+\}", "1", path), json={})
        assert response.status_code == 401, (method, path, response.status_code)
    assert changed(before, row_counts(session)) == {}


def test_pages_ignore_a_bearer_token(client: TestClient, session: Session) -> None:
    """The other direction: a token is for the API; a page without the cookie asks to log in."""
    headers = bearer(client, make_user(session).username)

    response = client.get("/people/new", headers=headers, follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"].startswith("/login")
