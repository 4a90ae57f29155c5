from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.auth import service as auth_service
from maeul_db.auth.schemas import UserCreate
from maeul_db.errors import Conflict, InvalidInput
from maeul_db.models import Role
from tests.builders import DISTRICT_A, PASSWORD, bearer, make_person, make_user


def test_token_login_and_me(client: TestClient, session: Session) -> None:
    user = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    me = client.get("/api/auth/me", headers=bearer(client, user.username)).json()
    assert me["username"] == user.username and me["district_code"] == DISTRICT_A
    assert user.password_hash.startswith("$argon2id$")


def test_token_login_wrong_password_or_user_is_401(client: TestClient, session: Session) -> None:
    user = make_user(session)
    for name, password in ((user.username, "wrong-password"), ("nobody", PASSWORD)):
        response = client.post("/api/auth/token", data={"username": name, "password": password})
        assert response.status_code == 401
        assert "비밀번호" in response.json()["message"]


def test_tampered_token_is_401(client: TestClient, session: Session) -> None:
    user = make_user(session)
    token = bearer(client, user.username)["Authorization"]
    response = client.get("/api/auth/me", headers={"Authorization": token[:-2] + "xx"})
    assert response.status_code == 401


@pytest.mark.parametrize(
    "role,district,person,code",
    [
        (Role.district_staff, None, False, "account.district_required"),
        (Role.district_staff, "99999", False, "account.unknown_district"),
        (Role.analyst, DISTRICT_A, False, "account.district_not_allowed"),
        (Role.expert, None, False, "account.person_required"),
    ],
)
def test_create_user_scope_rules(
    session: Session, role: Role, district: str | None, person: bool, code: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        auth_service.create(
            session,
            data=UserCreate(
                username="someone",
                password=PASSWORD,
                role=role,
                district_code=district,
                person_id=make_person(session).id if person else None,
            ),
        )
    assert refused.value.code == code


def test_create_user_duplicate_username_conflicts(session: Session) -> None:
    make_user(session, username="dup")
    with pytest.raises(Conflict):
        make_user(session, username="dup")
