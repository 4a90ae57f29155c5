"""The Korean web shell: login and logout, CSRF, a home page per role, the people list."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.app import SESSION_COOKIE
from maeul_db.models import Role
from maeul_db.wording import label
from tests.builders import DISTRICT_A, DISTRICT_B, PASSWORD, make_person, make_user
from tests.web_login import csrf_token, log_in, user_for


def test_login_page_is_korean_and_issues_csrf_token(client: TestClient) -> None:
    response = client.get("/login")
    assert response.status_code == 200
    assert '<html lang="ko">' in response.text
    assert "로그인" in response.text and "비밀번호" in response.text
    assert csrf_token(response.text)
    assert SESSION_COOKIE in response.cookies


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.city_admin, ["서울시 전체 현황", "시 관리자", 'data-count="people">2<']),
        (Role.district_staff, ["종로구 현황", "자치구 담당자", 'data-count="people">1<']),
        (Role.expert, ["내 기록", "마을자치전문가", "출생연도"]),
        (Role.analyst, ["분석가", "가명처리"]),
    ],
)
def test_login_success_shows_home_for_role(
    client: TestClient, session: Session, role: Role, expected: list[str]
) -> None:
    make_person(session, registered_district_code=DISTRICT_A)
    if role != Role.expert:  # the expert's own person is the second one
        make_person(session, registered_district_code=DISTRICT_B)
    user = user_for(session, role)
    session.expire_all()  # pages must cope with rows read back from the database (role as str)
    response = log_in(client, user.username)
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert SESSION_COOKIE in response.cookies
    home = client.get("/")
    assert home.status_code == 200
    assert '<html lang="ko">' in home.text
    for text in expected:
        assert text in home.text
    assert user.username in home.text and 'action="/logout"' in home.text


def test_login_expert_home_shows_only_own_record(client: TestClient, session: Session) -> None:
    other = make_person(session, name="박다른")
    user = user_for(session, Role.expert)
    log_in(client, user.username)
    home = client.get("/").text
    assert "내 기록" in home and other.name not in home
    assert client.get("/people").text.count("<tr>") == 2  # header row and the expert's own row


def test_login_wrong_password_is_401_without_session(client: TestClient, session: Session) -> None:
    user = make_user(session)
    wrong_password = log_in(client, user.username, "wrong-password")
    unknown_user = log_in(client, "nobody-here", PASSWORD)
    for response in (wrong_password, unknown_user):
        assert response.status_code == 401
        assert "사용자 이름 또는 비밀번호가 올바르지 않습니다" in response.text
    # The same page whether or not the username exists (only the echoed name differs).
    assert wrong_password.text.replace(user.username, "X") == unknown_user.text.replace(
        "nobody-here", "X"
    )
    assert client.get("/", follow_redirects=False).status_code == 303


def test_post_without_csrf_token_is_403(client: TestClient, session: Session) -> None:
    user = make_user(session)
    client.get("/login")
    missing = client.post("/login", data={"username": user.username, "password": PASSWORD})
    wrong = client.post(
        "/login",
        data={"username": user.username, "password": PASSWORD, "csrf_token": "forged-토큰"},
    )
    for response in (missing, wrong):
        assert response.status_code == 403
        assert label("error_heading", "auth.csrf_rejected") in response.text
        assert '<html lang="ko">' in response.text
    assert client.get("/", follow_redirects=False).status_code == 303


def test_logout_without_csrf_token_is_403_and_keeps_session(
    client: TestClient, session: Session
) -> None:
    user = make_user(session)
    log_in(client, user.username)
    assert client.post("/logout").status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 200


def test_logout_clears_session(client: TestClient, session: Session) -> None:
    user = make_user(session)
    log_in(client, user.username)
    token = csrf_token(client.get("/").text)
    response = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"


def test_login_rotates_csrf_token(client: TestClient, session: Session) -> None:
    user = make_user(session)
    before = csrf_token(client.get("/login").text)
    log_in(client, user.username)
    assert csrf_token(client.get("/").text) != before


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/", "/login"),
        ("/people?q=김", "/login?next=%2Fpeople%3Fq%3D%25EA%25B9%2580"),
    ],
)
def test_anonymous_is_redirected_to_login(client: TestClient, path: str, location: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == location


def test_login_follows_only_local_next(client: TestClient, session: Session) -> None:
    user = make_user(session)
    assert log_in(client, user.username, next_path="/people").headers["location"] == "/people"
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        assert log_in(client, user.username, next_path=target).headers["location"] == "/"


def test_home_other_district_counts_only_own_district(client: TestClient, session: Session) -> None:
    make_person(session, registered_district_code=DISTRICT_A)
    user = make_user(session, district_code=DISTRICT_B)
    log_in(client, user.username)
    home = client.get("/").text
    assert "중구 현황" in home and 'data-count="people">0<' in home


def test_people_district_staff_sees_only_own_district(client: TestClient, session: Session) -> None:
    mine = make_person(session, name="김종로", registered_district_code=DISTRICT_A)
    theirs = make_person(session, name="이중구", registered_district_code=DISTRICT_B)
    user = make_user(session, district_code=DISTRICT_A)
    log_in(client, user.username)
    page = client.get("/people")
    assert page.status_code == 200
    assert mine.name in page.text and theirs.name not in page.text
    assert "총 1명" in page.text
    assert "총 0명" in client.get("/people", params={"q": theirs.name}).text


def test_people_search_and_pagination(client: TestClient, session: Session) -> None:
    for n in range(51):
        make_person(session, name=f"최페이지{n:02d}")
    make_person(session, name="정검색")
    user = make_user(session, role=Role.city_admin)
    log_in(client, user.username)
    first = client.get("/people").text
    assert "총 52명" in first and "1 / 2 쪽" in first and 'rel="next"' in first
    second = client.get("/people", params={"page": 2}).text
    assert "정검색" in second and 'rel="prev"' in second
    found = client.get("/people", params={"q": "정검색"}).text
    assert "총 1명" in found and "정검색" in found and "최페이지" not in found


def test_people_wrong_role_is_403_page(client: TestClient, session: Session) -> None:
    make_person(session, name="김비공개")
    user = make_user(session, role=Role.analyst)
    log_in(client, user.username)
    page = client.get("/people")
    assert page.status_code == 403
    assert "접근 권한이 없습니다" in page.text and "김비공개" not in page.text
    assert 'href="/people"' not in client.get("/").text  # not offered in the analyst's menu


def test_header_shows_name_role_and_district(client: TestClient, session: Session) -> None:
    user = make_user(session, district_code=DISTRICT_A)
    log_in(client, user.username)
    header = client.get("/").text.split("</header>")[0]
    assert user.username in header and "자치구 담당자" in header and "종로구" in header
    assert "로그아웃" in header and 'name="csrf_token"' in header


def test_static_stylesheet_is_served(client: TestClient) -> None:
    response = client.get("/static/maeul.css")
    assert response.status_code == 200 and "text/css" in response.headers["content-type"]


def test_unknown_page_and_bad_query_render_korean_pages(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    assert log_in(client, staff.username).status_code == 303
    missing = client.get("/no-such-page")
    assert missing.status_code == 404 and "페이지를 찾을 수 없습니다" in missing.text
    bad = client.get("/people?page=abc")
    assert bad.status_code == 422 and "입력값이 올바르지 않습니다" in bad.text
    assert client.get("/api/no-such").headers["content-type"].startswith("application/json")
