"""District staff (for now: group representatives come with i15-apply) write a result report and a
settlement with two receipts in a real browser: a refused file first, then submission, acceptance
and settlement; the project's page shows where both stand."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from maeul_db.kit.time import today as seoul_today
from tests.browser.conftest import LiveApp

pytestmark = pytest.mark.browser

PROJECT = "골목 정원 정산 사업"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _files(tmp_path: Path) -> tuple[Path, Path, Path]:
    pdf = tmp_path / "receipt-1.pdf"
    pdf.write_bytes(PDF)
    png = tmp_path / "receipt-2.png"
    out = io.BytesIO()
    Image.new("RGB", (10, 10), (0, 120, 60)).save(out, format="PNG")
    png.write_bytes(out.getvalue())
    exe = tmp_path / "receipt.pdf.exe"
    exe.write_bytes(b"MZ" + b"\x00" * 200)
    return pdf, png, exe


def _expense(page: Page, payee: str, amount: str, line: str, file: Path) -> None:
    page.fill("#expense-spent_on", seoul_today().isoformat())
    page.fill("#expense-payee", payee)
    page.select_option("#expense-line", label=line)
    page.fill("#expense-amount_krw", amount)
    page.set_input_files("#expense-file", str(file))
    page.get_by_role("button", name="집행 내역 추가").click()


def _act(page: Page, button: str) -> None:
    page.locator("#state-form").get_by_role("button", name=button).click()


def test_staff_submit_a_report_and_a_settlement_and_close_it(
    live_app: LiveApp, page: Page, tmp_path: Path
) -> None:
    pdf, png, exe = _files(tmp_path)
    page.goto(live_app.base_url + "/login")
    page.fill("#username", live_app.username)
    page.fill("#password", live_app.password)
    page.get_by_role("button", name="로그인").click()

    page.goto(live_app.base_url + "/projects/new")
    page.fill("#name", PROJECT)
    page.fill("#grant_krw", "1000000")
    page.get_by_role("button", name="등록").click()
    expect(page).to_have_url(re.compile(r"/projects/\d+\?saved=project$"))
    project_url = page.url.split("?")[0]

    # 정산: an executable named like a receipt is refused in Korean, and nothing is added.
    page.locator("#paperwork-settlement a").click()
    _expense(page, "골목꽃집", "300000", "재료비", exe)
    expect(page.locator(".form-errors")).to_contain_text("받을 수 없는 형식")
    expect(page.locator("#expenses")).to_contain_text("(0건)")
    _expense(page, "골목꽃집", "300000", "재료비", pdf)
    expect(page.get_by_role("status")).to_have_text("집행 내역을 추가했습니다.")
    _expense(page, "마을인쇄소", "150000", "홍보비", png)
    expect(page.locator("#expenses")).to_contain_text("(2건)")
    # 1,000,000 − 450,000 = 550,000 to return.
    expect(page.locator("#to-return")).to_have_text("550,000원")
    _act(page, "제출")
    expect(page.locator("#settlement-state")).to_have_text("제출")
    _act(page, "승인")
    expect(page.locator("#settlement-state")).to_have_text("검토 완료")
    _act(page, "정산 확정")
    expect(page.locator("#settlement-state")).to_have_text("정산 확정")
    expect(page.locator("#expense-form")).to_have_count(0)  # nobody edits a settled settlement
    expect(page.locator("#history")).to_be_visible()

    # 결과보고: the narrative, then submission.
    page.goto(project_url + "/report")
    page.fill("#narrative", "이웃 열두 명이 골목 화단을 함께 가꾸었습니다.")
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_role("status")).to_have_text("사업 내용을 저장했습니다.")
    _act(page, "제출")
    expect(page.locator("#report-state")).to_have_text("제출")

    page.goto(project_url)
    expect(page.locator("#paperwork-settlement")).to_contain_text("정산 확정")
    expect(page.locator("#paperwork-settlement")).to_contain_text("550,000원")
    expect(page.locator("#paperwork-report")).to_contain_text("제출")
    page.screenshot(path=str(tmp_path / "project.png"), full_page=True)
