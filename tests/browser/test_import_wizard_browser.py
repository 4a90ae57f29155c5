"""The import wizard in a real browser (issue 10): an officer uploads an xlsx whose data sits on the
second sheet under a title row, maps one column by hand, fixes two cells in the preview, imports,
and undoes the import."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from tests.browser.conftest import LiveApp
from tests.imports.roster import COL, KOREAN_HEADERS, roster_rows

pytestmark = pytest.mark.browser

# "참가 회원" names no field: the officer maps it to 성명 by hand.
HEADERS = [("참가 회원" if h == "성명" else h) for h in KOREAN_HEADERS]


def _book(path: Path) -> list[list[str]]:
    rows = roster_rows(8, seed=42)
    bad = [list(r) for r in rows]
    bad[2][COL["birth_year"]] = "1850"  # row 5 of the sheet
    bad[5][COL["start_date"]] = "2024. 13. 1."  # row 8
    book = Workbook()
    book.active.title = "안내"
    book.active.append(["작성 안내: 한 행에 한 사람"])
    data = book.create_sheet("참여자")
    data.append(["2024 마을공동체 참여자 명단"])
    data.merge_cells("A1:P1")
    data.append(HEADERS)
    for row in bad:
        data.append(row)
    out = io.BytesIO()
    book.save(out)
    path.write_bytes(out.getvalue())
    return rows


def test_wizard_upload_map_fix_import_and_undo(
    live_app: LiveApp, page: Page, tmp_path: Path
) -> None:
    page.goto(live_app.base_url + "/login")
    page.fill("#username", live_app.username)
    page.fill("#password", live_app.password)
    page.get_by_role("button", name="로그인").click()
    page.goto(live_app.base_url + "/imports")

    rows = _book(tmp_path / "구청명단.xlsx")
    page.set_input_files("#file", str(tmp_path / "구청명단.xlsx"))
    page.locator("#wizard-button").click()
    expect(page.locator("h1")).to_contain_text("구청명단.xlsx")
    # The second sheet and its second row were found; 성명 still needs a column.
    expect(page.locator("#sheet")).to_have_value("참여자")
    expect(page.locator("#header_row")).to_have_value("2")
    expect(page.locator("#columns .alert")).to_contain_text("성명")
    page.screenshot(path=str(tmp_path / "wizard-columns.png"), full_page=True)

    page.get_by_label("참가 회원 열을 읽을 항목").select_option("name")
    page.get_by_role("button", name="열 연결 저장하고 다시 확인").click()
    expect(page.locator('[data-count="rejected"]')).to_have_text("2")
    expect(page.locator("fieldset.preview-row")).to_have_count(2)
    birth = page.locator('fieldset[data-row="5"] input[type="text"]')
    start = page.locator('fieldset[data-row="8"] input[type="text"]')
    expect(birth).to_have_value("1850")
    expect(page.locator('fieldset[data-row="5"] .error')).to_contain_text("1850")
    page.screenshot(path=str(tmp_path / "wizard-preview.png"), full_page=True)

    birth.fill("1985")
    start.fill("2024. 3. 1.")
    page.get_by_role("button", name="고친 값으로 다시 확인").click()
    expect(page.locator('[data-count="rejected"]')).to_have_text("0")
    expect(page.locator('[data-count="committed"]')).to_have_text("8")

    page.get_by_role("button", name="가져오기", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("저장했습니다")
    batch = page.locator("table.batches tbody tr").first
    expect(batch).to_contain_text("구청명단.xlsx")
    page.goto(live_app.base_url + "/people?q=" + rows[2][COL["name"]])
    expect(page.locator("table.people")).to_contain_text(rows[2][COL["name"]])

    page.goto(live_app.base_url + "/imports")
    page.on("dialog", lambda dialog: dialog.accept())
    page.locator("table.batches tbody tr").first.get_by_role("button", name="취소").click()
    expect(page.get_by_role("status")).to_contain_text("취소했습니다")
    page.screenshot(path=str(tmp_path / "wizard-undone.png"), full_page=True)
