"""Every state-changing page request needs the session's CSRF token: without it (or with another
session's) it is refused with 403 and changes nothing, even from a signed-in browser."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.app import create_app
from maeul_db.models import Role
from tests.builders import make_user
from tests.db_state import changed, row_counts
from tests.imports.roster import csv_bytes, roster_rows
from tests.web_login import csrf_token, log_in

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
PERSON = {"name": "정새봄", "gender": "F", "birth_year": "1985"}


def _signed_in(client: TestClient, session: Session, role: Role = Role.district_staff) -> str:
    assert log_in(client, make_user(session, role=role).username).status_code == 303
    return csrf_token(client.get("/people/new").text)


def test_person_form_without_the_token_is_refused(client: TestClient, session: Session) -> None:
    token = _signed_in(client, session)
    before = row_counts(session)

    missing = client.post("/people/new", data=PERSON, follow_redirects=False)
    wrong = client.post(
        "/people/new", data={**PERSON, "csrf_token": token[::-1]}, follow_redirects=False
    )

    assert (missing.status_code, wrong.status_code) == (403, 403)
    assert changed(before, row_counts(session)) == {}
    # The same form with the token is saved: the token alone made the difference.
    saved = client.post("/people/new", data={**PERSON, "csrf_token": token}, follow_redirects=False)
    assert saved.status_code == 303
    assert row_counts(session)["person"] == before["person"] + 1


def test_roster_upload_without_the_token_is_refused(client: TestClient, session: Session) -> None:
    _signed_in(client, session)
    before = row_counts(session)

    response = client.post(
        "/imports",
        files={"file": ("명단.csv", csv_bytes(roster_rows(3)), "text/csv")},
        data={"action": "commit"},
    )

    assert response.status_code == 403
    assert changed(before, row_counts(session)) == {}


def _web_routes() -> list[tuple[str, str]]:
    """(method, path) of every unsafe page route. This FastAPI keeps included routers lazily: their
    ``effective_route_contexts()`` are the routes as mounted, with prefixes applied."""
    found: set[tuple[str, str]] = set()
    for entry in create_app().routes:
        contexts = (
            entry.effective_route_contexts()
            if hasattr(entry, "effective_route_contexts")
            else [entry]
        )
        for route in contexts:
            path, methods = getattr(route, "path", ""), getattr(route, "methods", None) or set()
            if not path.startswith(("/api", "/static")):
                found |= {(method, path) for method in methods & UNSAFE}
    return sorted(found)


def test_every_unsafe_page_route_wants_the_token(client: TestClient, session: Session) -> None:
    """Generated from the route table: a new form is covered the moment it exists."""
    routes = _web_routes()
    assert ("POST", "/people/new") in routes and len(routes) >= 15
    _signed_in(client, session, Role.city_admin)
    before = row_counts(session)
    for method, path in routes:
        url = re.sub(r"\{[^}]+\}", "1", path)
        response = client.request(method, url, data={"name": "x"}, follow_redirects=False)
        assert response.status_code == 403, (method, path, response.status_code)
    assert changed(before, row_counts(session)) == {}
    assert client.get("/").status_code == 200  # the refused logout did not end the session
