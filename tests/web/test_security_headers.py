"""Issue 9, item 5: security headers on every response (pages, API, errors, static files)."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.web.templating import STATIC_DIR
from tests.builders import bearer, make_person, make_user
from tests.web_login import log_in

TEMPLATE_DIRS = [
    STATIC_DIR.parent / "templates",
    Path(STATIC_DIR).parents[1] / "analytics" / "templates",
]


def _assert_hardened(response: object, *, no_store: bool = True) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert (headers.get("cache-control") == "no-store") is no_store


def test_pages_api_and_errors_carry_the_headers(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    person = make_person(session)
    _assert_hardened(client.get("/login"))
    _assert_hardened(client.get("/no-such-page"))
    _assert_hardened(client.get("/api/auth/me"))  # 401
    _assert_hardened(client.get(f"/api/people/{person.id}", headers=bearer(client, staff.username)))
    assert log_in(client, staff.username).status_code == 303
    _assert_hardened(client.get("/people"))
    _assert_hardened(client.get(f"/people/{person.id}"))


def test_static_files_are_cacheable_but_hardened(client: TestClient) -> None:
    _assert_hardened(client.get("/static/maeul.css"), no_store=False)


def test_templates_hold_no_inline_script_or_style() -> None:
    # What the CSP would block in a browser: <script> bodies, event handlers, style attributes
    # and <style> elements. The browser tests also fail on any CSP violation in the console.
    inline = re.compile(r"<script(?![^>]*\bsrc=)|\son[a-z]+=\s*[\"']|\sstyle=|<style", re.I)
    offenders = [
        str(path)
        for directory in TEMPLATE_DIRS
        for path in directory.rglob("*.html")
        if inline.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders
