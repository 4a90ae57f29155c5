"""Issue 9, item 5: login throttling, logout that ends every session and token, password policy,
production start-up refusals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection
from sqlmodel import Session, select

from maeul_db.auth import service as auth_service
from maeul_db.auth.demo_accounts import DEMO_PASSWORD
from maeul_db.auth.schemas import UserCreate
from maeul_db.config import get_settings
from maeul_db.errors import Forbidden, InvalidInput, Unauthorized
from maeul_db.kit.time import utcnow
from maeul_db.models import AuditLog, LoginFailure, Role
from tests.builders import DISTRICT_A, PASSWORD, make_user
from tests.web_login import csrf_token, log_in


def _token(client: TestClient, username: str, password: str) -> int:
    return client.post(
        "/api/auth/token", data={"username": username, "password": password}
    ).status_code


def _lockouts(session: Session) -> list[AuditLog]:
    session.expire_all()
    return list(session.exec(select(AuditLog).where(AuditLog.action == "login_lockout")))


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(
    client: TestClient, session: Session
) -> None:
    user = make_user(session)
    limit = get_settings().login_max_failures_per_account
    assert [_token(client, user.username, "wrong-password") for _ in range(limit)] == [401] * limit
    response = client.post(
        "/api/auth/token", data={"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert (
        response.json()["code"] == "auth.too_many_attempts"
        and "로그인" in response.json()["message"]
    )
    audits = _lockouts(session)
    assert [(a.entity, a.entity_id) for a in audits] == [("login_account", user.username)]


def test_a_success_before_the_limit_clears_the_account_count(
    client: TestClient, session: Session
) -> None:
    user = make_user(session)
    limit = get_settings().login_max_failures_per_account
    for _ in range(limit - 1):
        assert _token(client, user.username, "wrong-password") == 401
    assert _token(client, user.username, PASSWORD) == 200
    for _ in range(limit - 1):
        assert _token(client, user.username, "wrong-password") == 401
    assert _token(client, user.username, PASSWORD) == 200


def test_failures_older_than_the_window_do_not_count(client: TestClient, session: Session) -> None:
    user = make_user(session)
    old = utcnow() - timedelta(seconds=get_settings().login_window_seconds + 5)
    for _ in range(10):
        session.add(LoginFailure(at=old, username=user.username, source_address="testclient"))
    assert _token(client, user.username, PASSWORD) == 200


def test_one_address_guessing_many_accounts_is_locked_out(
    client: TestClient, session: Session
) -> None:
    victim = make_user(session)
    limit = get_settings().login_max_failures_per_address
    # Spread over many usernames so no single account reaches its own limit.
    codes = {_token(client, f"guess{i}", "wrong-password") for i in range(limit)}
    assert codes == {401}
    assert _token(client, victim.username, PASSWORD) == 429
    assert [a.entity for a in _lockouts(session)] == ["login_address"]


def test_web_login_is_throttled_too(client: TestClient, session: Session) -> None:
    user = make_user(session)
    for _ in range(get_settings().login_max_failures_per_account):
        assert log_in(client, user.username, "wrong-password").status_code == 401
    response = log_in(client, user.username)
    assert response.status_code == 429 and "로그인 실패가 너무 많습니다" in response.text


def test_cookie_replayed_after_logout_goes_to_login(client: TestClient, session: Session) -> None:
    user = make_user(session)
    assert log_in(client, user.username).status_code == 303
    stolen = dict(client.cookies)
    assert client.get("/", follow_redirects=False).status_code == 200
    token = csrf_token(client.get("/people").text)
    assert (
        client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code
        == 303
    )
    client.cookies.clear()
    client.cookies.update(stolen)
    replay = client.get("/", follow_redirects=False)
    assert replay.status_code == 303 and replay.headers["location"].startswith("/login")


def test_token_after_api_logout_is_401(client: TestClient, session: Session) -> None:
    user = make_user(session)
    first = {"Authorization": "Bearer " + auth_service.token_for(user)}
    second = {
        "Authorization": "Bearer "
        + client.post(
            "/api/auth/token", data={"username": user.username, "password": PASSWORD}
        ).json()["access_token"]
    }
    assert client.get("/api/auth/me", headers=first).status_code == 200
    assert client.post("/api/auth/logout", headers=second).status_code == 204
    # Every token of the account ends, not only the one that asked.
    assert client.get("/api/auth/me", headers=first).status_code == 401
    assert client.get("/api/auth/me", headers=second).status_code == 401
    assert _token(client, user.username, PASSWORD) == 200  # logging in again works


def test_web_logout_ends_the_accounts_tokens(client: TestClient, session: Session) -> None:
    user = make_user(session)
    headers = {"Authorization": "Bearer " + auth_service.token_for(user)}
    assert log_in(client, user.username).status_code == 303
    token = csrf_token(client.get("/people").text)
    client.post("/logout", data={"csrf_token": token})
    assert client.get("/api/auth/me", headers=headers).status_code == 401


def test_password_change_ends_every_session(client: TestClient, session: Session) -> None:
    user = make_user(session)
    headers = {"Authorization": "Bearer " + auth_service.token_for(user)}
    auth_service.set_password(session, user=user, password="another-long-phrase-77")
    assert client.get("/api/auth/me", headers=headers).status_code == 401
    assert _token(client, user.username, "another-long-phrase-77") == 200
    with pytest.raises(InvalidInput):
        auth_service.set_password(session, user=user, password="short")


@pytest.mark.parametrize(
    "password,code",
    [
        ("aaaaaaaa", "password.too_short"),
        ("aaaaaaaaaaaa", "password.too_simple"),
        ("1234567890", "password.too_simple"),
        ("qwer1234!!", "password.too_common"),
        ("Password2026!", "password.too_common"),
        ("iloveyou12345", "password.too_common"),
        ("cityboss-very-long", "password.contains_username"),
    ],
)
def test_weak_passwords_are_refused_in_korean(session: Session, password: str, code: str) -> None:
    data = UserCreate(username="cityboss", password=password, role=Role.city_admin)
    with pytest.raises(InvalidInput) as caught:
        auth_service.create(session, data=data)
    assert caught.value.code == code and caught.value.field == "password"
    assert any("\uac00" <= ch <= "\ud7a3" for ch in caught.value.message)


def test_a_good_password_is_accepted(session: Session) -> None:
    data = UserCreate(username="cityboss", password="seoul-maeul-lantern-9", role=Role.city_admin)
    assert auth_service.create(session, data=data).id is not None


def test_production_refuses_demo_password_logins(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_user(session, role=Role.city_admin, username="admin", password=DEMO_PASSWORD)
    monkeypatch.setattr(get_settings(), "environment", "production")
    with pytest.raises(Unauthorized) as caught:
        auth_service.authenticate(session, username="admin", password=DEMO_PASSWORD)
    assert caught.value.code == "auth.demo_login_refused"


def test_production_app_refuses_to_start_with_demo_accounts(
    connection: Connection, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from maeul_db.app import create_app
    from tests.conftest import savepoint_session

    make_user(
        session,
        role=Role.district_staff,
        district_code=DISTRICT_A,
        username="staff",
        password=DEMO_PASSWORD,
    )
    session.flush()
    app = create_app(session_factory=lambda: savepoint_session(connection))
    monkeypatch.setattr(get_settings(), "environment", "production")
    with pytest.raises(Forbidden) as caught, TestClient(app):
        pass
    assert (
        caught.value.code == "auth.demo_accounts_in_production" and "staff" in caught.value.message
    )
    monkeypatch.setattr(get_settings(), "environment", "development")
    with TestClient(app) as started:  # the same database is fine outside production
        assert started.get("/login").status_code == 200


def test_serve_refuses_to_start_with_demo_accounts(
    connection: Connection, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from maeul_db import db
    from maeul_db.cli import app

    make_user(session, role=Role.analyst, username="analyst", password=DEMO_PASSWORD)
    session.flush()
    started: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: started.append(kw))
    monkeypatch.setattr(db, "get_engine", lambda: connection)
    monkeypatch.setattr(get_settings(), "environment", "production")
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 1 and not started
    monkeypatch.setattr(get_settings(), "environment", "development")
    assert CliRunner().invoke(app, ["serve"]).exit_code == 0
    # uvicorn must not rewrite the peer from X-Forwarded-For: the app decides (trusted proxies).
    assert started and started[0]["proxy_headers"] is False
