"""Staff record a resident's access request, produce the PDF, record a deletion request and see
the person anonymised; the privacy officer (city admin) reviews the month's access log.
Real server (uvicorn), Debian Chromium, a real PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import STAFF_PERSON, LiveApp
from tests.builders import PASSWORD
from tests.certificates.helpers import pdftotext

pytestmark = pytest.mark.browser


def _log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(base_url + "/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="로그인").click()


def _person_id(page: Page, base_url: str) -> str:
    page.goto(base_url + "/people?q=" + STAFF_PERSON)
    href = page.get_by_role("link", name=STAFF_PERSON).first.get_attribute("href") or ""
    found = re.search(r"/people/(\d+)", href)
    assert found, href
    return found.group(1)


def _record_request(page: Page, person_id: str, kind: str) -> None:
    page.get_by_role("navigation", name="주 메뉴").get_by_role(
        "link", name="권리 행사 요청"
    ).click()
    page.get_by_label("인물 번호").fill(person_id)
    page.get_by_label("종류").select_option(label=kind)
    page.get_by_label("요청인").fill("본인")
    page.get_by_label("본인 확인 방법").fill("신분증 대조")
    page.get_by_role("button", name="요청 기록").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{kind} 요청 · {STAFF_PERSON}")


def test_staff_handle_access_and_deletion_officer_reviews(
    live_app: LiveApp, page: Page, browser: Browser, tmp_path: Path
) -> None:
    _log_in(page, live_app.base_url, live_app.username)
    person_id = _person_id(page, live_app.base_url)

    _record_request(page, person_id, "열람")
    with page.expect_download() as info:
        page.get_by_role("link", name="열람 결과 PDF 만들기").click()
    target = tmp_path / "access.pdf"
    info.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")
    text = pdftotext(target)
    assert STAFF_PERSON in text and "기록을 열람한 이력" in text

    _record_request(page, person_id, "삭제")
    page.locator("select[name=decision]").select_option(label="수용")
    page.get_by_label("사유", exact=True).fill("본인 요청에 따라 삭제")
    page.get_by_role("button", name="결정 기록").click()
    expect(page.locator("td.decision")).to_contain_text("수용")
    page.goto(f"{live_app.base_url}/people/{person_id}")
    expect(page.locator("main")).to_contain_text("***")
    assert STAFF_PERSON not in page.locator("main").inner_text()
    page.screenshot(path=str(tmp_path / "anonymised.png"), full_page=True)

    officer = browser.new_context(locale="ko-KR").new_page()
    _log_in(officer, live_app.base_url, "city.admin")
    officer.get_by_role("navigation", name="주 메뉴").get_by_role(
        "link", name="월간 열람 기록 점검"
    ).click()
    expect(officer.get_by_role("heading", level=1)).to_contain_text("접속기록 월간 점검")
    expect(officer.locator("tr[data-flag='download']").first).to_contain_text(live_app.username)
    expect(officer.locator(".chain-ok")).to_have_text("정상")
    officer.get_by_label("의견").fill("열람 결과 내려받기 1건: 열람 요청 처리로 확인")
    officer.get_by_role("button", name="점검 완료 기록").click()
    expect(officer.locator(".review-note")).to_contain_text("열람 요청 처리로 확인")
    officer.screenshot(path=str(tmp_path / "review.png"), full_page=True)
    officer.context.close()
