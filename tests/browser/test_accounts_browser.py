"""Issue 16 in a real browser (Chromium): the city admin creates an account, resets its password
and disables it — the account's open session is refused at once; a user changes their own
password; district staff read the access log for a person and verify the chain."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import STAFF_PERSON, LiveApp

pytestmark = pytest.mark.browser

ADMIN = "city.admin"


@pytest.fixture
def second(browser: Browser) -> Iterator[Page]:
    """Another browser (its own cookies): the account holder's, beside the admin's."""
    context = browser.new_context(locale="ko-KR")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def _log_in(page: Page, app: LiveApp, username: str, password: str) -> None:
    page.goto(app.base_url + "/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.get_by_role("button", name="로그인").click()


def _one_time_password(page: Page) -> str:
    expect(page.get_by_role("heading", level=1)).to_contain_text("일회용 비밀번호")
    return page.locator("code.one-time-password").inner_text().strip()


def _create_account(page: Page, app: LiveApp, username: str) -> str:
    """As the logged-in admin, through the pages: the account's one-time password."""
    page.goto(app.base_url + "/")
    page.locator("main").get_by_role("link", name="계정 관리").click()
    page.get_by_role("link", name="계정 만들기").click()
    page.fill("#username", username)
    page.select_option("#role", "district_staff")
    page.select_option("#district_code", label="종로구")
    page.fill("#display_name", "새 담당자")
    page.get_by_role("button", name="계정 만들기").click()
    return _one_time_password(page)


def _open_account(page: Page, app: LiveApp, username: str) -> None:
    page.goto(app.base_url + "/admin/accounts")
    page.fill("#q", username)
    page.get_by_role("button", name="검색").click()
    page.get_by_role("link", name=username).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"계정: {username}")


def test_admin_creates_resets_and_disables_an_account_whose_session_ends_at_once(
    live_app: LiveApp, page: Page, second: Page
) -> None:
    page.on("dialog", lambda dialog: dialog.accept())  # the confirm() before reset and disable
    _log_in(page, live_app, ADMIN, live_app.password)
    first_password = _create_account(page, live_app, "jongno.new")

    _log_in(second, live_app, "jongno.new", first_password)
    expect(second).to_have_url(live_app.base_url + "/")
    expect(second.get_by_role("heading", level=1)).to_have_text("종로구 현황")

    _open_account(page, live_app, "jongno.new")
    assert "없음" not in page.locator("dl.record").inner_text().split("마지막 로그인")[1]
    page.get_by_role("button", name="비밀번호 재설정").click()
    reset_password = _one_time_password(page)
    assert reset_password != first_password
    second.goto(live_app.base_url + "/people")
    expect(second).to_have_url(re.compile(r"/login\?next=%2Fpeople$"))
    _log_in(second, live_app, "jongno.new", reset_password)
    expect(second).to_have_url(live_app.base_url + "/")

    _open_account(page, live_app, "jongno.new")
    page.get_by_role("button", name="계정 정지").click()
    expect(page.get_by_role("status")).to_contain_text("계정을 정지했습니다")
    second.goto(live_app.base_url + "/people")
    expect(second).to_have_url(re.compile(r"/login\?next=%2Fpeople$"))
    _log_in(second, live_app, "jongno.new", reset_password)
    expect(second.get_by_role("alert")).to_contain_text("비밀번호가 올바르지 않습니다")

    page.goto(live_app.base_url + "/admin/accounts")
    row = page.locator("table.accounts tr", has_text="jongno.new")
    expect(row).to_contain_text("정지됨")
    # Usable on a phone: at 390 px the page itself does not scroll sideways (wide tables scroll
    # inside their own box).
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto(live_app.base_url + "/logs/audit?entity=user_account")
    audit = page.locator("table.audit-log").inner_text()
    for action in ("등록", "비밀번호 재설정", "계정 정지"):
        assert action in audit, action


def test_user_changes_their_own_password(live_app: LiveApp, page: Page, second: Page) -> None:
    _log_in(page, live_app, ADMIN, live_app.password)
    password = _create_account(page, live_app, "jongno.self")
    _log_in(second, live_app, "jongno.self", password)
    second.get_by_role("link", name="비밀번호 변경", exact=True).click()
    second.fill("#current_password", password)
    second.fill("#new_password", "short")
    second.fill("#new_password_confirm", "short")
    second.get_by_role("button", name="비밀번호 바꾸기").click()
    expect(second.get_by_role("alert")).to_contain_text("10자 이상")

    second.fill("#current_password", password)
    second.fill("#new_password", "maple-river-lantern-42")
    second.fill("#new_password_confirm", "maple-river-lantern-42")
    second.get_by_role("button", name="비밀번호 바꾸기").click()
    expect(second.get_by_role("status")).to_contain_text("비밀번호를 바꿨습니다")
    second.goto(live_app.base_url + "/")  # this session carries on
    expect(second).to_have_url(live_app.base_url + "/")

    second.get_by_role("button", name="로그아웃").click()
    _log_in(second, live_app, "jongno.self", password)
    expect(second.get_by_role("alert")).to_contain_text("비밀번호가 올바르지 않습니다")
    _log_in(second, live_app, "jongno.self", "maple-river-lantern-42")
    expect(second).to_have_url(live_app.base_url + "/")


def test_staff_read_the_access_log_for_a_person_and_verify_it(
    live_app: LiveApp, page: Page
) -> None:
    _log_in(page, live_app, live_app.username, live_app.password)
    page.goto(live_app.base_url + "/people")
    page.get_by_role("link", name=STAFF_PERSON).click()
    person_id = page.url.rstrip("/").rsplit("/", 1)[1]

    page.goto(live_app.base_url + "/")
    page.locator("main").get_by_role("link", name="개인정보 열람 기록").click()
    page.fill("#person", person_id)
    page.get_by_role("button", name="검색").click()
    table = page.locator("table.access-log").inner_text()
    # The list that showed them and their page (its timeline), both by this staff member.
    assert "인물 목록·검색" in table and "활동 연표" in table and live_app.username in table
    # Every row shown is about that person.
    ids = page.locator("td.person-ids").all_inner_texts()
    assert ids and all(person_id in cell.split(", ") for cell in ids)

    page.get_by_role("button", name="기록 위변조 검증").click()
    result = page.locator(".verify-result")
    expect(result).to_contain_text("이상 없음")
    assert result.get_attribute("data-ok") == "true"


def test_api_docs_render_offline(live_app: LiveApp, page: Page) -> None:
    """Swagger UI draws the API from packaged assets (the page loads nothing from elsewhere)."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_app.base_url + "/api/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("maeul_db")
    assert requested and all(url.startswith(live_app.base_url) for url in requested), requested
