"""A district officer logs participation through a real browser: registers a person, creates a
group and its project, adds the person as 대표제안자, and finds the project on the person's
timeline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from maeul_db.kit.time import today as seoul_today
from tests.browser.conftest import LiveApp
from tests.builders import DONG_A

pytestmark = pytest.mark.browser

PERSON = "최등록"
GROUP = "청운 골목모임"
PROJECT = "골목 화단 가꾸기"


def _log_in(page: Page, app: LiveApp) -> None:
    page.goto(app.base_url + "/login")
    page.fill("#username", app.username)
    page.fill("#password", app.password)
    page.get_by_role("button", name="로그인").click()
    expect(page).to_have_url(app.base_url + "/")


def test_officer_logs_person_group_project_and_sees_timeline(
    live_app: LiveApp, page: Page, tmp_path: Path
) -> None:
    _log_in(page, live_app)

    # 인물 등록: a refused form first (birth year out of range), then fixed.
    page.goto(live_app.base_url + "/people/new")
    page.fill("#name", PERSON)
    page.select_option("#gender", "F")
    page.fill("#birth_year", "1850")
    page.fill("#phone", "010-9876-5432")
    page.select_option("#home_dong_code", DONG_A)
    page.get_by_role("button", name="등록").click()
    expect(page.locator("#birth_year-error")).to_have_text("1900 이상이어야 합니다.")
    expect(page.locator("#name")).to_have_value(PERSON)
    page.fill("#birth_year", "1984")
    page.get_by_role("button", name="등록").click()
    expect(page).to_have_url(re.compile(r"/people/\d+\?saved=person$"))
    expect(page.get_by_role("status")).to_have_text("인물을 등록했습니다.")
    person_url = page.url.split("?")[0]

    # 모임 등록 from the menu.
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="모임").click()
    page.get_by_role("link", name="모임 등록").click()
    page.fill("#name", GROUP)
    page.select_option("#theme", label="환경")
    page.fill("#founded_on", "2021-03-01")
    page.get_by_role("button", name="등록").click()
    expect(page).to_have_url(re.compile(r"/groups/\d+\?saved=group$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(GROUP)

    # 사업 등록 for that group (preselected).
    page.get_by_role("link", name="이 모임의 사업 등록").click()
    page.fill("#name", PROJECT)
    page.select_option("#stage", label="모임형성")
    page.get_by_role("button", name="등록").click()
    expect(page).to_have_url(re.compile(r"/projects/\d+\?saved=project$"))
    expect(page.locator("dl.record").first).to_contain_text(GROUP)

    # 대표제안자 by name.
    page.fill("#participant-person", PERSON)
    page.select_option("#participant-role", label="대표제안자")
    page.fill("#participant-valid_from", seoul_today().isoformat())
    page.get_by_role("button", name="참여자 추가").click()
    expect(page.get_by_role("status")).to_have_text("참여자를 추가했습니다.")
    row = page.locator("table.participants tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("대표제안자")
    page.screenshot(path=str(tmp_path / "project.png"), full_page=True)

    # The person's timeline shows the project and the lead-proposer step.
    row.get_by_role("link", name=PERSON).click()
    expect(page).to_have_url(person_url)
    timeline = page.locator("table.timeline")
    expect(timeline).to_contain_text(PROJECT)
    expect(timeline).to_contain_text("대표제안자")
    expect(page.locator("ol.ladder")).to_contain_text("대표제안자")
    page.screenshot(path=str(tmp_path / "person.png"), full_page=True)
