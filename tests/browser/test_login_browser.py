"""District staff log in through a real browser, see their district, open 인물, and log out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    OTHER_DISTRICT_PERSON,
    STAFF_DISPLAY_NAME,
    STAFF_PERSON,
    LiveApp,
)

pytestmark = pytest.mark.browser


def _log_in(page: Page, app: LiveApp, password: str) -> None:
    page.fill("#username", app.username)
    page.fill("#password", password)
    page.get_by_role("button", name="로그인").click()


def test_login_district_staff_home_people_logout(
    live_app: LiveApp, page: Page, tmp_path: Path
) -> None:
    page.goto(live_app.base_url + "/")
    expect(page).to_have_url(re.compile(r"/login$"))
    assert page.locator("html").get_attribute("lang") == "ko"

    _log_in(page, live_app, live_app.password)
    expect(page).to_have_url(live_app.base_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("종로구 현황")
    header = page.locator("header").inner_text()
    assert STAFF_DISPLAY_NAME in header and "자치구 담당자" in header and "종로구" in header
    assert page.locator('[data-count="people"]').inner_text() == "1"
    shot = tmp_path / "home.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 0

    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="인물").click()
    expect(page).to_have_url(live_app.base_url + "/people")
    table = page.locator("table.people").inner_text()
    # Lists mask phone numbers (issue 14); the whole number is only on the person's page.
    assert STAFF_PERSON in table and "010-****-5678" in table and "010-1234-5678" not in table
    assert OTHER_DISTRICT_PERSON not in page.locator("main").inner_text()
    page.screenshot(path=str(tmp_path / "people.png"), full_page=True)

    page.get_by_role("button", name="로그아웃").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    page.goto(live_app.base_url + "/people")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fpeople$"))


def test_login_wrong_password_shows_korean_error(live_app: LiveApp, page: Page) -> None:
    page.goto(live_app.base_url + "/login")
    _log_in(page, live_app, "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text(
        "사용자 이름 또는 비밀번호가 올바르지 않습니다"
    )
    expect(page).to_have_url(re.compile(r"/login$"))
