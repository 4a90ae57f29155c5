"""An attendance sheet through the import wizard in a real browser (issue 10): district staff
add a programme, upload its attendance xlsx (title row, synonym headers) from the programme's
page, fix a cell the preview refuses, import, see the hours on the programme page, and undo."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from tests.browser.conftest import STAFF_PERSON, LiveApp

pytestmark = pytest.mark.browser


def _sheet(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["2024 종로 마을기초 출석부"])
    sheet.merge_cells("A1:G1")
    sheet.append(["연번", "이름", "생년월일", "휴대폰", "강의", "이수시간", "교육일"])
    sheet.append([1, STAFF_PERSON, "1981. 5. 6.", "010-1234-5678", "마을이란", 5, "2024. 3. 2."])
    sheet.append([2, STAFF_PERSON, 1981, "", "2차시", 2, "2024-03-09"])
    out = io.BytesIO()
    book.save(out)
    path.write_bytes(out.getvalue())


def test_attendance_upload_fix_import_see_hours_and_undo(
    live_app: LiveApp, page: Page, tmp_path: Path
) -> None:
    page.goto(live_app.base_url + "/login")
    page.fill("#username", live_app.username)
    page.fill("#password", live_app.password)
    page.get_by_role("button", name="로그인").click()
    page.goto(live_app.base_url + "/training/new")
    page.fill("#code", "JN-ATT")
    page.fill("#name", "종로 출석부 과정")
    page.select_option("#stage", label="기본과정")
    page.fill("#min_attendance_percent", "80")
    page.fill("#module_name_1", "마을이란")
    page.fill("#module_hours_1", "3")
    page.fill("#module_name_2", "마을 걷기")
    page.fill("#module_hours_2", "2")
    page.get_by_role("button", name="등록").click()
    expect(page).to_have_url(re.compile(r"/training/programs/\d+\?saved=programme$"))
    programme_url = page.url.split("?")[0]

    _sheet(tmp_path / "출석부.xlsx")
    page.set_input_files("#attendance-file", str(tmp_path / "출석부.xlsx"))
    page.get_by_role("button", name="출석부 올리기").click()
    expect(page.locator("h1")).to_contain_text("출석부 가져오기")
    expect(page.locator("#header_row")).to_have_value("2")
    expect(page.locator('[data-count="rejected"]')).to_have_text("1")
    hours = page.locator('fieldset[data-row="3"] input[type="text"]')
    expect(hours).to_have_value("5")
    expect(page.locator('fieldset[data-row="3"] .error')).to_contain_text("3")
    page.screenshot(path=str(tmp_path / "attendance-preview.png"), full_page=True)

    hours.fill("3")
    page.get_by_role("button", name="고친 값으로 다시 확인").click()
    expect(page.locator('[data-count="rejected"]')).to_have_text("0")
    expect(page.locator('[data-count="committed"]')).to_have_text("2")
    page.get_by_role("button", name="가져오기", exact=True).click()

    expect(page).to_have_url(re.compile(r"/training/programs/\d+\?imported=\d+$"))
    expect(page.get_by_role("status")).to_contain_text("저장했습니다")
    row = page.locator("table.roster tr", has_text=STAFF_PERSON)
    expect(row).to_contain_text("5.0/5.0시간 (100.0%)")
    expect(row).to_have_attribute("data-completed", "true")

    page.goto(live_app.base_url + "/imports")
    batch = page.locator("table.batches tbody tr").first
    expect(batch).to_contain_text("출석부.xlsx")
    page.on("dialog", lambda dialog: dialog.accept())
    batch.get_by_role("button", name="취소").click()
    expect(page.get_by_role("status")).to_contain_text("취소했습니다")
    page.goto(programme_url)
    expect(page.locator("table.roster")).to_have_count(0)
    expect(page.get_by_text("아직 수강생이 없습니다")).to_be_visible()
