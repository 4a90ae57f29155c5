"""A district officer corrects facts in a real browser: adding a participant twice is stopped
with a link to the existing record, a wrong membership is voided with a reason, and an attendance
sheet is fixed (an attendee taken off, hours fixed, unnamed attendees counted) with the headcount
always the named attendees plus the unnamed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from maeul_db.kit.time import today as seoul_today
from tests.browser.conftest import STAFF_PERSON, LiveApp

pytestmark = pytest.mark.browser

SECOND = "박정정"
GROUP = "정정 골목모임"
PROJECT = "정정 화단 사업"


def _log_in(page: Page, app: LiveApp) -> None:
    page.goto(app.base_url + "/login")
    page.fill("#username", app.username)
    page.fill("#password", app.password)
    page.get_by_role("button", name="로그인").click()
    expect(page).to_have_url(app.base_url + "/")


def _register_second_person(page: Page, app: LiveApp) -> None:
    page.goto(app.base_url + "/people/new")
    page.fill("#name", SECOND)
    page.select_option("#gender", "M")
    page.fill("#birth_year", "1979")
    page.fill("#phone", "010-5555-0101")
    page.get_by_role("button", name="등록").click()
    expect(page).to_have_url(re.compile(r"/people/\d+\?saved=person$"))


def _add(page: Page, prefix: str, person: str, button: str) -> None:
    page.fill(f"#{prefix}-person", person)
    page.fill(f"#{prefix}-valid_from", seoul_today().isoformat())
    page.get_by_role("button", name=button).click()


def test_officer_is_stopped_voids_and_fixes_a_sheet(
    live_app: LiveApp, page: Page, tmp_path: Path
) -> None:
    _log_in(page, live_app)
    _register_second_person(page, live_app)

    # A group with a wrong member, voided with a reason.
    page.goto(live_app.base_url + "/groups/new")
    page.fill("#name", GROUP)
    page.fill("#founded_on", "2021-03-01")
    page.get_by_role("button", name="등록").click()
    expect(page).to_have_url(re.compile(r"/groups/\d+\?saved=group$"))
    group_url = page.url.split("?")[0]
    _add(page, "member", SECOND, "회원 추가")
    expect(page.get_by_role("status")).to_have_text("회원을 추가했습니다.")
    row = page.locator("table.members tbody tr", has_text=SECOND)
    row.locator("summary").click()
    row.get_by_label("취소 사유 (잘못 입력된 기록)").fill("다른 모임 회원을 잘못 입력")
    row.get_by_role("button", name="기록 취소").click()
    expect(page.get_by_role("status")).to_contain_text("회원 기록을 취소했습니다")
    expect(page.locator("table.members")).to_have_count(0)  # nobody left as of today

    # A project: the same person added twice is stopped, with a link to the first record.
    page.goto(group_url)
    page.get_by_role("link", name="이 모임의 사업 등록").click()
    page.fill("#name", PROJECT)
    page.get_by_role("button", name="등록").click()
    expect(page).to_have_url(re.compile(r"/projects/\d+\?saved=project$"))
    project_url = page.url.split("?")[0]
    for person in (STAFF_PERSON, SECOND):
        _add(page, "participant", person, "참여자 추가")
        expect(page.get_by_role("status")).to_have_text("참여자를 추가했습니다.")
    page.select_option("#participant-role", label="대표제안자")
    _add(page, "participant", STAFF_PERSON, "참여자 추가")
    error = page.locator("#participant-form .form-errors")
    expect(error).to_contain_text("이미 이 사업에 참여 중입니다")
    link = error.get_by_role("link", name="이미 있는 기록 보기")
    expect(link).to_have_attribute("href", re.compile(r"#participation-\d+$"))
    page.screenshot(path=str(tmp_path / "duplicate.png"), full_page=True)
    page.goto(project_url)
    expect(page.locator("table.participants tbody tr")).to_have_count(2)

    # An activity's sheet: both ticked, one taken off, hours fixed, unnamed people counted.
    page.fill("#activity-title", "화단 정리")
    page.get_by_role("button", name="활동 등록").click()
    expect(page).to_have_url(re.compile(r"/activities/\d+\?saved=activity$"))
    for name in (STAFF_PERSON, SECOND):
        page.get_by_label(re.compile(name)).check()
    page.get_by_role("button", name="출석 기록").click()
    expect(page.locator("#headcount")).to_have_text("2명 (이름 기록 2명 + 이름 없이 0명)")
    second = page.locator("table.attended tbody tr", has_text=SECOND)
    second.get_by_placeholder("사유").fill("결석")
    second.get_by_role("button", name="빼기").click()
    expect(page.get_by_role("status")).to_have_text("참석자를 출석부에서 뺐습니다.")
    first = page.locator("table.attended tbody tr", has_text=STAFF_PERSON)
    first.get_by_label("인정 시간").fill("1.5")
    first.get_by_role("button", name="시간 저장").click()
    expect(page.locator("table.attended tbody tr", has_text=STAFF_PERSON)).to_contain_text(
        "1.5시간"
    )
    page.fill("#unnamed_count", "4")
    page.get_by_role("button", name="인원 저장").click()
    expect(page.locator("#headcount")).to_have_text("5명 (이름 기록 1명 + 이름 없이 4명)")
    page.get_by_label(re.compile(SECOND)).check()  # ticked again: back on the sheet
    page.get_by_role("button", name="출석 기록").click()
    expect(page.locator("#headcount")).to_have_text("6명 (이름 기록 2명 + 이름 없이 4명)")
    page.screenshot(path=str(tmp_path / "sheet.png"), full_page=True)
