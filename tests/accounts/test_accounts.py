"""Issue 16, item 1: the city admin's accounts — list and search, create with a one-time password,
change role and district, disable and re-enable, reset a password, last login; every change
audited; a disabled account's sessions and tokens stop at once. On both databases."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.accounts import service as account_service
from maeul_db.accounts.schemas import AccountCreate, AccountUpdate
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.kit.pagination import Page
from maeul_db.models import AuditLog, Role, UserAccount
from tests.builders import DISTRICT_A, DISTRICT_B, PASSWORD, bearer, make_user


def _audit(session: Session, account_id: int | None) -> list[tuple[str, dict[str, object]]]:
    session.expire_all()
    rows = session.exec(
        select(AuditLog)
        .where(AuditLog.entity == "user_account", AuditLog.entity_id == str(account_id))
        .order_by(col(AuditLog.id))
    ).all()
    return [(r.action, json.loads(r.after) if r.after else {}) for r in rows]


@pytest.fixture
def admin(session: Session) -> UserAccount:
    return make_user(session, role=Role.city_admin, username="the.admin")


def test_create_account_returns_a_one_time_password_that_logs_in(
    client: TestClient, session: Session, admin: UserAccount
) -> None:
    headers = bearer(client, admin.username)
    body = {"username": "new.staff", "role": "district_staff", "district_code": DISTRICT_A}
    response = client.post("/api/accounts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    answer = response.json()
    password = answer["password"]
    assert len(password) >= 10 and answer["account"]["last_login_at"] is None
    # The password is stored hashed only.
    session.expire_all()
    stored = session.exec(select(UserAccount).where(UserAccount.username == "new.staff")).one()
    assert password not in stored.password_hash
    login = client.post("/api/auth/token", data={"username": "new.staff", "password": password})
    assert login.status_code == 200
    assert _audit(session, stored.id)[0][0] == "create"
    session.refresh(stored)
    assert stored.last_login_at is not None


def test_list_accounts_searches_by_username_and_display_name(
    session: Session, admin: UserAccount
) -> None:
    make_user(session, username="mapo.kim")
    make_user(session, username="jung.lee")
    rows, count = account_service.list_(session, user=admin, page=Page(limit=50), query="MAPO")
    assert count == 1 and [r.username for r in rows] == ["mapo.kim"]


def test_list_accounts_refused_for_staff(session: Session) -> None:
    staff = make_user(session)
    with pytest.raises(Forbidden):
        account_service.list_(session, user=staff, page=Page(limit=50))


def test_update_account_moves_staff_to_another_district_with_an_audit_row(
    session: Session, admin: UserAccount
) -> None:
    staff = make_user(session, district_code=DISTRICT_A)
    data = AccountUpdate(role=Role.district_staff, district_code=DISTRICT_B)
    account_service.update(session, user=admin, account_id=staff.id, data=data)  # type: ignore[arg-type]
    assert staff.district_code == DISTRICT_B
    assert _audit(session, staff.id)[-1] == ("update", {"district_code": DISTRICT_B})
    # The audit row belongs to the new district's trail.
    row = session.exec(select(AuditLog).where(AuditLog.entity_id == str(staff.id))).all()[-1]
    assert row.district_code == DISTRICT_B and row.actor_user_id == admin.id


def test_update_account_refuses_staff_without_a_district(
    session: Session, admin: UserAccount
) -> None:
    analyst = make_user(session, role=Role.analyst)
    with pytest.raises(InvalidInput) as refused:
        account_service.update(
            session,
            user=admin,
            account_id=analyst.id,  # type: ignore[arg-type]
            data=AccountUpdate(role=Role.district_staff),
        )
    assert refused.value.field == "district_code"


def test_update_account_refuses_the_admins_own_role(session: Session, admin: UserAccount) -> None:
    with pytest.raises(InvalidInput) as refused:
        account_service.update(
            session,
            user=admin,
            account_id=admin.id,  # type: ignore[arg-type]
            data=AccountUpdate(role=Role.analyst),
        )
    assert refused.value.code == "account.cannot_change_own_role"


def test_disable_account_refuses_its_open_bearer_token_at_once(
    client: TestClient, session: Session, admin: UserAccount
) -> None:
    staff = make_user(session)
    staff_headers = bearer(client, staff.username)
    assert client.get("/api/auth/me", headers=staff_headers).status_code == 200
    admin_headers = bearer(client, admin.username)
    response = client.post(f"/api/accounts/{staff.id}/disable", headers=admin_headers)
    assert response.status_code == 200 and response.json()["is_active"] is False
    assert client.get("/api/auth/me", headers=staff_headers).status_code == 401
    # Nor can it log in again until re-enabled.
    login = {"username": staff.username, "password": PASSWORD}
    assert client.post("/api/auth/token", data=login).status_code == 401
    assert client.post(f"/api/accounts/{staff.id}/enable", headers=admin_headers).status_code == 200
    assert client.post("/api/auth/token", data=login).status_code == 200
    assert [a for a, _ in _audit(session, staff.id)] == ["create", "disable", "enable"]


def test_disable_account_refuses_the_admins_own(session: Session, admin: UserAccount) -> None:
    with pytest.raises(InvalidInput):
        account_service.set_active(session, user=admin, account_id=admin.id, active=False)  # type: ignore[arg-type]
    assert admin.is_active


def test_reset_password_ends_the_old_token_and_the_old_password(
    client: TestClient, session: Session, admin: UserAccount
) -> None:
    staff = make_user(session)
    staff_headers = bearer(client, staff.username)
    response = client.post(
        f"/api/accounts/{staff.id}/reset-password", headers=bearer(client, admin.username)
    )
    assert response.status_code == 200
    new_password = response.json()["password"]
    assert client.get("/api/auth/me", headers=staff_headers).status_code == 401
    old = {"username": staff.username, "password": PASSWORD}
    assert client.post("/api/auth/token", data=old).status_code == 401
    new = {"username": staff.username, "password": new_password}
    assert client.post("/api/auth/token", data=new).status_code == 200
    assert _audit(session, staff.id)[-1][0] == "password_reset"


def test_create_account_refused_for_staff_and_writes_nothing(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session)
    body = {"username": "sneaky", "role": "city_admin"}
    response = client.post("/api/accounts", json=body, headers=bearer(client, staff.username))
    assert response.status_code == 403
    session.expire_all()
    assert session.exec(select(UserAccount).where(UserAccount.username == "sneaky")).first() is None


def test_create_account_refuses_a_taken_username(session: Session, admin: UserAccount) -> None:
    make_user(session, username="taken.name")
    with pytest.raises(Exception) as refused:
        account_service.create(
            session, user=admin, data=AccountCreate(username="taken.name", role=Role.analyst)
        )
    assert getattr(refused.value, "code", "") == "account.username_taken"


def test_one_time_password_meets_the_policy() -> None:
    from maeul_db.auth.passwords import check_password_policy

    for _ in range(20):
        password = account_service.one_time_password("someone")
        check_password_policy(password, username="someone")
        assert len(password) >= 16


def test_api_accounts_refuse_a_username_with_spaces_or_control_characters(
    client: TestClient, session: Session
) -> None:
    admin = make_user(session, role=Role.city_admin)
    headers = bearer(client, admin.username)
    for username in ("two words", "nul\u0000name"):
        body = {"username": username, "role": "analyst"}
        response = client.post("/api/accounts", json=body, headers=headers)
        assert response.status_code == 422, response.text
