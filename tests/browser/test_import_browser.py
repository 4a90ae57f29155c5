"""A district officer imports a roster through a real browser: errors first, then the fixed file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import LiveApp
from tests.imports.roster import COL, csv_bytes, roster_rows, xlsx_bytes

pytestmark = pytest.mark.browser


def test_import_with_errors_fix_and_reimport(live_app: LiveApp, page: Page, tmp_path: Path) -> None:
    page.goto(live_app.base_url + "/login")
    page.fill("#username", live_app.username)
    page.fill("#password", live_app.password)
    page.get_by_role("button", name="로그인").click()
    expect(page).to_have_url(live_app.base_url + "/")

    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="명단 가져오기").click()
    expect(page).to_have_url(live_app.base_url + "/imports")

    good = roster_rows(25, seed=7)
    bad = [list(r) for r in good]
    bad[2][COL["dong"]] = "없는동"
    bad[6][COL["birth_year"]] = "1850"
    broken = tmp_path / "참여자명단.csv"
    broken.write_bytes(csv_bytes(bad, encoding="cp949"))

    page.set_input_files("#file", str(broken))
    page.get_by_role("button", name="가져오기", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("아무것도 저장하지 않았습니다")
    errors = page.locator("table.errors tbody tr")
    expect(errors).to_have_count(2)
    assert "행정동" in errors.nth(0).inner_text() and "없는동" in errors.nth(0).inner_text()
    assert errors.nth(0).get_attribute("data-row") == "4"
    assert errors.nth(1).get_attribute("data-row") == "8"
    expect(page.locator('[data-count="committed"]')).to_have_text("0")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("오류 행 내려받기")).click()
    returned = tmp_path / "returned.csv"
    download_info.value.save_as(returned)
    assert "오류" in returned.read_bytes().decode("utf-8-sig").splitlines()[0]
    page.screenshot(path=str(tmp_path / "import-errors.png"), full_page=True)

    fixed = tmp_path / "참여자명단_수정.xlsx"
    fixed.write_bytes(xlsx_bytes(good))
    page.set_input_files("#file", str(fixed))
    page.get_by_role("button", name="미리보기").click()
    expect(page.locator('[data-count="committed"]')).to_have_text("25")
    page.set_input_files("#file", str(fixed))
    page.get_by_role("button", name="가져오기", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("저장했습니다")
    expect(page.locator("table.batches tbody tr")).to_have_count(1)
    expect(page.locator("table.batches tbody tr").first).to_contain_text("참여자명단_수정.xlsx")

    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="인물").click()
    expect(page.locator("table.people")).to_contain_text(good[0][COL["name"]])
    page.screenshot(path=str(tmp_path / "import-done.png"), full_page=True)

    # The imported person's timeline shows the project from the roster.
    page.locator("table.people").get_by_role("link", name=good[0][COL["name"]]).first.click()
    expect(page.locator("table.timeline")).to_contain_text(str(good[0][COL["project"]]))
    expect(page.locator("ol.ladder")).to_contain_text("참여자")
    page.screenshot(path=str(tmp_path / "import-timeline.png"), full_page=True)
