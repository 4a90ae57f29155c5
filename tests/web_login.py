"""Logging in to the web UI from TestClient tests: the CSRF token, the login form, a user per role."""

from __future__ import annotations

import re

import httpx
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.models import Role, UserAccount
from tests.builders import DISTRICT_A, PASSWORD, make_person, make_user

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "page has no CSRF field"
    return match.group(1)


def log_in(
    client: TestClient, username: str, password: str = PASSWORD, next_path: str = "/"
) -> httpx.Response:
    token = csrf_token(client.get("/login").text)
    response: httpx.Response = client.post(
        "/login",
        follow_redirects=False,
        data={"username": username, "password": password, "csrf_token": token, "next": next_path},
    )
    return response


def user_for(session: Session, role: Role, district_code: str = DISTRICT_A) -> UserAccount:
    person_id = make_person(session).id if role == Role.expert else None
    return make_user(session, role=role, district_code=district_code, person_id=person_id)
