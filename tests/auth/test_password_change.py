"""Issue 16 (and issue 9's gap): every user changes their own password — current password, new
one twice, policy applied, Korean errors — by page, API or (operators) ``maeul-db user passwd``;
a change ends every other session and token of the account. On both databases."""

from __future__ import annotations

import contextvars
import json

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from maeul_db.cli import app as cli_app
from maeul_db.models import AuditLog, LoginFailure
from tests.builders import PASSWORD, bearer, make_user
from tests.web_login import csrf_token, log_in

NEW = "a-new-long-passphrase"


def _change(client: TestClient, headers: dict[str, str], **body: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    payload = {"current_password": PASSWORD, "new_password": NEW, "new_password_confirm": NEW}
    response = client.post("/api/auth/password", json=payload | body, headers=headers)
    return response.status_code, response.json()


def test_change_password_ends_other_tokens_and_answers_a_new_one(
    client: TestClient, session: Session
) -> None:
    user = make_user(session)
    other_device = bearer(client, user.username)
    this_device = bearer(client, user.username)
    status, body = _change(client, this_device)
    assert status == 200
    assert client.get("/api/auth/me", headers=other_device).status_code == 401
    assert client.get("/api/auth/me", headers=this_device).status_code == 401
    fresh = {"Authorization": f"Bearer {body['access_token']}"}
    assert client.get("/api/auth/me", headers=fresh).status_code == 200
    login = {"username": user.username, "password": NEW}
    assert client.post("/api/auth/token", data=login).status_code == 200
    audit = session.exec(
        select(AuditLog).where(AuditLog.action == "password_change").order_by(col(AuditLog.id))
    ).all()
    assert [(a.entity_id, a.actor_user_id) for a in audit] == [(str(user.id), user.id)]


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({"current_password": "wrong-password"}, "current_password", "password.current_wrong"),
        ({"new_password_confirm": NEW + "x"}, "new_password_confirm", "password.mismatch"),
        (
            {"new_password": "short", "new_password_confirm": "short"},
            "password",
            "password.too_short",
        ),
        (
            {"new_password": PASSWORD, "new_password_confirm": PASSWORD},
            "new_password",
            "password.unchanged",
        ),
    ],
    ids=["wrong-current", "mismatch", "policy", "unchanged"],
)
def test_change_password_refuses_with_a_korean_message_and_keeps_the_old_one(
    client: TestClient, session: Session, body: dict[str, str], field: str, code: str
) -> None:
    user = make_user(session)
    headers = bearer(client, user.username)
    status, answer = _change(client, headers, **body)
    assert (status, answer["code"], answer["field"]) == (422, code, field)
    assert any("\uac00" <= ch <= "\ud7a3" for ch in answer["message"])
    # Nothing changed: the token still works, the old password too.
    assert client.get("/api/auth/me", headers=headers).status_code == 200
    assert bearer(client, user.username)


def test_change_password_counts_a_wrong_current_password_as_a_failed_login(
    client: TestClient, session: Session
) -> None:
    user = make_user(session)
    headers = bearer(client, user.username)
    _change(client, headers, current_password="wrong-password")
    session.expire_all()
    failures = session.exec(select(LoginFailure).where(LoginFailure.username == user.username))
    assert len(failures.all()) == 1


def test_password_page_keeps_this_session_and_ends_the_others(
    client: TestClient, session: Session
) -> None:
    user = make_user(session)
    other = TestClient(client.app)
    assert log_in(other, user.username).status_code == 303
    assert log_in(client, user.username).status_code == 303
    token = csrf_token(client.get("/me/password").text)
    form = {
        "current_password": PASSWORD,
        "new_password": NEW,
        "new_password_confirm": NEW,
        "csrf_token": token,
    }
    response = client.post("/me/password", data=form, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].endswith("saved=password")
    assert client.get("/", follow_redirects=False).status_code == 200
    refused = other.get("/", follow_redirects=False)
    assert refused.status_code == 303 and refused.headers["location"].startswith("/login")


def test_password_page_shows_the_policy_error_in_korean(
    client: TestClient, session: Session
) -> None:
    user = make_user(session)
    assert log_in(client, user.username).status_code == 303
    token = csrf_token(client.get("/me/password").text)
    form = {
        "current_password": PASSWORD,
        "new_password": "password123",
        "new_password_confirm": "password123",
        "csrf_token": token,
    }
    response = client.post("/me/password", data=form)
    assert response.status_code == 422
    assert "너무 흔한 비밀번호" in response.text
    assert client.get("/", follow_redirects=False).status_code == 200


def test_cli_user_passwd_sets_the_password_and_ends_sessions(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = make_user(session)
    headers = bearer(client, user.username)
    session.flush()
    monkeypatch.setattr("maeul_db.db.get_engine", lambda: session.connection())
    result = contextvars.copy_context().run(
        CliRunner().invoke,
        cli_app,
        ["user", "passwd", "--username", user.username],
        input=NEW + "\n",
    )
    assert result.exit_code == 0, result.output
    session.expire_all()
    assert client.get("/api/auth/me", headers=headers).status_code == 401
    login = {"username": user.username, "password": NEW}
    assert client.post("/api/auth/token", data=login).status_code == 200
    row = session.exec(select(AuditLog).where(AuditLog.action == "password_change")).one()
    assert row.actor_user_id is None and json.loads(row.after or "null") is None


def test_cli_user_passwd_refuses_a_weak_password_clearly(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = make_user(session)
    monkeypatch.setattr("maeul_db.db.get_engine", lambda: session.connection())
    result = contextvars.copy_context().run(
        CliRunner().invoke, cli_app, ["user", "passwd", "--username", user.username], input="abc\n"
    )
    assert result.exit_code == 1
    assert "[password]" in result.output and "10" in result.output
