"""The accounts pages (issue 16, item 1) as the city admin uses them, and the offline API docs
(item 8). On both databases."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from maeul_db.models import Role, UserAccount
from tests.builders import DISTRICT_A, PASSWORD, make_user
from tests.web_login import csrf_token, log_in

_ONE_TIME = re.compile(r'<code class="one-time-password">([^<]+)</code>')


def _admin_client(client: TestClient, session: Session) -> str:
    admin = make_user(session, role=Role.city_admin)
    assert log_in(client, admin.username).status_code == 303
    return csrf_token(client.get("/admin/accounts").text)


def test_create_account_page_shows_the_password_once(client: TestClient, session: Session) -> None:
    token = _admin_client(client, session)
    form = {
        "username": "mapo.new",
        "role": "district_staff",
        "district_code": DISTRICT_A,
        "display_name": "새 담당자",
        "csrf_token": token,
    }
    response = client.post("/admin/accounts/new", data=form)
    assert response.status_code == 200
    match = _ONE_TIME.search(response.text)
    assert match, response.text
    session.expire_all()
    account = session.exec(select(UserAccount).where(UserAccount.username == "mapo.new")).one()
    detail = client.get(f"/admin/accounts/{account.id}").text
    assert match.group(1) not in detail and "마지막 로그인" in detail
    other = TestClient(client.app)
    assert log_in(other, "mapo.new", match.group(1)).status_code == 303


def test_create_account_page_refuses_staff_without_a_district_in_korean(
    client: TestClient, session: Session
) -> None:
    token = _admin_client(client, session)
    form = {"username": "no.district", "role": "district_staff", "csrf_token": token}
    response = client.post("/admin/accounts/new", data=form)
    assert response.status_code == 422
    assert "자치구" in response.text and "one-time-password" not in response.text
    session.expire_all()
    assert (
        session.exec(select(UserAccount).where(UserAccount.username == "no.district")).first()
        is None
    )


def test_disable_page_ends_the_accounts_open_session(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    staff_client = TestClient(client.app)
    assert log_in(staff_client, staff.username).status_code == 303
    assert staff_client.get("/", follow_redirects=False).status_code == 200
    token = _admin_client(client, session)
    response = client.post(
        f"/admin/accounts/{staff.id}/disable", data={"csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303
    refused = staff_client.get("/", follow_redirects=False)
    assert refused.status_code == 303 and refused.headers["location"].startswith("/login")
    assert log_in(staff_client, staff.username, PASSWORD).status_code == 401
    listing = client.get("/admin/accounts", params={"q": staff.username}).text
    assert "정지됨" in listing


def test_account_pages_refused_for_district_staff(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    assert log_in(client, staff.username).status_code == 303
    assert client.get("/admin/accounts").status_code == 403


def test_admin_home_links_every_admin_page(client: TestClient, session: Session) -> None:
    _admin_client(client, session)
    home = client.get("/").text
    for link in ("/admin/accounts", "/logs/access", "/logs/audit", "/me/password", "/api/docs"):
        assert f'href="{link}"' in home, link
        if not link.startswith("/api"):
            assert client.get(link).status_code == 200, link


def test_api_docs_are_served_from_the_package_without_any_other_host(client: TestClient) -> None:
    for path in ("/api/docs", "/api/redoc"):
        page = client.get(path)
        assert page.status_code == 200
        sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert sources and all(s.startswith("/") for s in sources), sources
        assert "<script>" not in page.text  # no inline script: the CSP stays strict
        for source in sources:
            assert client.get(source).status_code == 200, source
    assert client.get("/api/openapi.json").status_code == 200
