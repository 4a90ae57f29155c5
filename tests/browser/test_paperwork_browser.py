"""Issue 15 in a real browser (uvicorn, Debian Chromium): a group representative applies to a
call, is returned for changes, fixes the application and resubmits; staff check eligibility,
score and select, and the selected application's project exists. The representative then hands
in the project's result report and a settlement with two receipts; staff accept, settle and close
it, and the application's history and the project's page show every step."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from playwright.sync_api import Page, expect
from sqlmodel import Session

from maeul_db import migrate
from maeul_db.auth import service as auth_service
from maeul_db.auth.schemas import UserCreate
from maeul_db.config import get_settings
from maeul_db.db import make_engine
from maeul_db.models import GroupRepLink, Role
from maeul_db.refdata.service import load_refdata
from tests.browser.conftest import serve_app
from tests.builders import DISTRICT_A, DONG_A, PASSWORD, make_group
from tests.paperwork.helpers import make_call

pytestmark = pytest.mark.browser

STAFF = "jongno.paper"
REP = "moim.rep"
GROUP = "청운 밥상모임"
CALL = "2025 이웃만들기 공모"


def _seed(url: str) -> None:
    migrate.upgrade(url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        load_refdata(session, Path(get_settings().refdata_dir))
        staff = auth_service.create(
            session,
            data=UserCreate(
                username=STAFF,
                password=PASSWORD,
                role=Role.district_staff,
                district_code=DISTRICT_A,
            ),
        )
        rep = auth_service.create(
            session, data=UserCreate(username=REP, password=PASSWORD, role=Role.group_rep)
        )
        group = make_group(session, name=GROUP, dong_code=DONG_A)
        session.add(GroupRepLink(account_id=rep.id, group_id=group.id))
        make_call(session, staff, title=CALL)
        session.commit()
    engine.dispose()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = tmp_path_factory.mktemp("paperwork-browser")
    url = f"sqlite:///{directory / 'maeul.db'}"
    _seed(url)
    with serve_app(directory, url) as served:
        yield served


def _log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(base_url + "/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="로그인").click()
    expect(page).to_have_url(base_url + "/")


def _person(page: Page, n: int, name: str, year: str, role: str) -> None:
    page.fill(f"#name_{n}", name)
    page.fill(f"#birth_year_{n}", year)
    page.select_option(f"#gender_{n}", label="여성")
    page.select_option(f"#home_dong_code_{n}", label="청운효자동")
    page.select_option(f"#role_{n}", label=role)


def _move(page: Page, to: str, reason: str) -> None:
    page.select_option("#to", label=to)
    page.fill("#reason", reason)
    page.get_by_role("button", name="바꾸기").click()
    expect(page.locator("#application-status")).to_have_text(to)


def test_representative_applies_is_returned_resubmits_and_staff_select(
    base_url: str, page: Page, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, base_url, REP)
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="공모").click()
    page.get_by_role("link", name=CALL).click()
    page.get_by_role("link", name="이 공모에 신청하기").click()
    page.fill("#title", "청운 이웃 밥상")
    _person(page, 1, "김대표", "1975", "대표제안자")
    _person(page, 2, "이공동", "1980", "공동제안자")
    page.fill("#line_operating", "500000")
    page.fill("#line_materials", "300000")
    page.fill("#self_cash_krw", "100000")
    page.get_by_role("button", name="제출", exact=True).click()
    expect(page).to_have_url(re.compile(r"/paperwork/applications/\d+\?saved=application$"))
    expect(page.locator("#application-status")).to_have_text("제출")
    application_url = page.url.split("?")[0]

    staff = page.context.browser.new_context(locale="ko-KR").new_page()  # type: ignore[union-attr]
    _log_in(staff, base_url, STAFF)
    staff.goto(application_url)
    _move(staff, "보완 요청", "주민 3명 이상이 필요합니다")

    page.goto(application_url)
    expect(page.get_by_text("주민 3명 이상이 필요합니다")).to_be_visible()
    page.get_by_role("link", name="신청서 고치기").click()
    _person(page, 3, "박참여", "1990", "참여자")
    page.get_by_role("button", name="제출", exact=True).click()
    expect(page.locator("#application-status")).to_have_text("제출")

    staff.goto(application_url)
    staff.get_by_role("button", name="기록으로 자격 확인").click()
    expect(staff.locator("#application-status")).to_have_text("자격 충족")
    expect(staff.get_by_text("자치구 주민 3명이 참여합니다(기준 3명 이상)")).to_be_visible()
    staff.fill("#points_plan", "35")
    staff.fill("#points_people", "25")
    staff.fill("#points_budget", "20")
    staff.get_by_role("button", name="점수 저장").click()
    expect(staff.get_by_text("평균 80.0점")).to_be_visible()
    _move(staff, "선정", "주민 참여 계획이 구체적임")
    expect(staff.get_by_role("link", name=re.compile(r"사업 \d+번"))).to_be_visible()

    # The representative sees the decision, with no way to change it.
    page.goto(application_url)
    expect(page.locator("#application-status")).to_have_text("선정")
    expect(page.locator("select#to")).to_have_count(0)

    _hand_in_and_settle(page, staff, application_url, tmp_path)


def _receipts(tmp_path: Path) -> tuple[Path, Path]:
    pdf = tmp_path / "receipt-1.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    png = tmp_path / "receipt-2.png"
    out = io.BytesIO()
    Image.new("RGB", (10, 10), (0, 120, 60)).save(out, format="PNG")
    png.write_bytes(out.getvalue())
    return pdf, png


def _expense(page: Page, payee: str, amount: str, line: str, file: Path) -> None:
    # The project runs from its selection day (Asia/Seoul), so the receipts are dated today there.
    page.fill("#expense-spent_on", datetime.now(ZoneInfo("Asia/Seoul")).date().isoformat())
    page.fill("#expense-payee", payee)
    page.select_option("#expense-line", label=line)
    page.fill("#expense-amount_krw", amount)
    page.set_input_files("#expense-file", str(file))
    page.get_by_role("button", name="집행 내역 추가").click()
    expect(page.get_by_role("status")).to_have_text("집행 내역을 추가했습니다.")


def _act(page: Page, button: str) -> None:
    page.locator("#state-form").get_by_role("button", name=button).click()


def _hand_in_and_settle(page: Page, staff: Page, application_url: str, tmp_path: Path) -> None:
    pdf, png = _receipts(tmp_path)
    _move(staff, "협약", "협약서 접수")
    _move(staff, "사업 진행", "사업 시작")
    href = staff.get_by_role("link", name=re.compile(r"사업 \d+번")).get_attribute("href")
    project_url = application_url.split("/paperwork/")[0] + str(href)

    # The representative reaches the report from the application and hands it in.
    page.goto(application_url)
    page.get_by_role("link", name="결과보고").click()
    page.fill("#narrative", "이웃 스무 명이 매달 함께 밥을 지었습니다.")
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_role("status")).to_have_text("사업 내용을 저장했습니다.")
    _act(page, "제출")
    expect(page.locator("#report-state")).to_have_text("제출")

    # The settlement, from the menu's paperwork list: two expenses, each with its receipt.
    page.get_by_role("navigation", name="주 메뉴").get_by_role(
        "link", name="사업 보고·정산"
    ).click()
    page.get_by_role("link", name="작성 중").click()
    _expense(page, "골목식자재", "300000", "재료비", pdf)
    _expense(page, "마을인쇄소", "150000", "운영비", png)
    expect(page.locator("#expenses")).to_contain_text("(2건)")
    _act(page, "제출")
    expect(page.locator("#settlement-state")).to_have_text("제출")
    expect(page.locator("#state-form").get_by_role("button", name="승인")).to_have_count(0)

    # Staff accept and settle, then close the application.
    staff.goto(f"{project_url}/settlement")
    _act(staff, "승인")
    expect(staff.locator("#settlement-state")).to_have_text("검토 완료")
    _act(staff, "정산 확정")
    expect(staff.locator("#settlement-state")).to_have_text("정산 확정")
    staff.goto(application_url)
    expect(staff.locator("#application-status")).to_have_text("정산 완료")
    _move(staff, "종료", "정산 확정 후 종료")
    history = staff.locator("ol.history")
    for step in ("사업 진행 → 결과보고 제출", "결과보고 제출 → 정산 완료", "정산 완료 → 종료"):
        expect(history).to_contain_text(step)
    staff.goto(project_url)
    expect(staff.locator("#paperwork-settlement")).to_contain_text("정산 확정")
    expect(staff.locator("#paperwork-report")).to_contain_text("제출")
    _timeline_shows_it_all(page, staff, project_url)


def _timeline_shows_it_all(page: Page, staff: Page, project_url: str) -> None:
    """The project's timeline, from the project page: every step, oldest first, who and why."""
    staff.get_by_role("link", name="신청부터 정산까지 사업 연표").click()
    expect(staff).to_have_url(f"{project_url}/timeline")
    rows = staff.locator("#timeline tbody tr")
    returned = staff.locator('#timeline tr[data-kind="application"][data-code="returned"]')
    expect(returned).to_contain_text("주민 3명 이상이 필요합니다")
    expect(staff.locator('#timeline tr[data-code="selected"]')).to_contain_text(
        "주민 참여 계획이 구체적임"
    )
    expect(staff.locator('#timeline tr[data-code="created_from_application"]')).to_contain_text(
        "청운 이웃 밥상"
    )
    expect(staff.locator('#timeline tr[data-code="joined"]')).to_contain_text("김대표")
    expect(staff.locator('#timeline tr[data-kind="report"][data-code="submitted"]')).to_have_count(
        1
    )
    expect(staff.locator('#timeline tr[data-kind="settlement"]')).to_have_count(3)
    # Oldest first: the application's first step opens the list, its closing ends it.
    expect(rows.first).to_contain_text("신청서")
    expect(rows.last).to_contain_text("정산 확정 후 종료")
    # The representative reaches it from the settlement page; the people are a count there.
    page.goto(f"{project_url}/settlement")
    page.get_by_role("link", name="사업 연표").click()
    expect(page.locator('#timeline tr[data-kind="settlement"][data-code="settled"]')).to_have_count(
        1
    )
    expect(page.locator('#timeline tr[data-code="joined"]')).not_to_contain_text("김대표")
