"""Issue 12 in a real browser (uvicorn, Debian Chromium): district staff record a general assembly
with on-site and pre-votes and read its turnout and quorum, vote an agenda item of its plan, and
create a community space with an operator, who then shows on their timeline as a space operator."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session

from maeul_db import migrate
from maeul_db.auth import service as auth_service
from maeul_db.auth.schemas import UserCreate
from maeul_db.config import get_settings
from maeul_db.db import make_engine
from maeul_db.models import Role
from maeul_db.refdata.service import load_refdata
from tests.browser.conftest import serve_app
from tests.builders import DISTRICT_A, PASSWORD, make_person

pytestmark = pytest.mark.browser

STAFF = "jongno.autonomy"
OPERATOR = "공간지기"


def _seed(url: str) -> None:
    migrate.upgrade(url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        load_refdata(session, Path(get_settings().refdata_dir))
        make_person(session, name=OPERATOR, registered_district_code=DISTRICT_A)
        auth_service.create(
            session,
            data=UserCreate(
                username=STAFF,
                password=PASSWORD,
                role=Role.district_staff,
                district_code=DISTRICT_A,
            ),
        )
        session.commit()
    engine.dispose()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = tmp_path_factory.mktemp("assembly-browser")
    url = f"sqlite:///{directory / 'maeul.db'}"
    _seed(url)
    with serve_app(directory, url) as served:
        yield served


def _log_in(page: Page, base_url: str) -> None:
    page.goto(base_url + "/login")
    page.fill("#username", STAFF)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="로그인").click()
    expect(page).to_have_url(base_url + "/")


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width


def test_staff_record_an_assembly_and_read_turnout_and_quorum(base_url: str, page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, base_url)
    page.get_by_role("link", name="주민총회·자치계획", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("주민총회")
    page.select_option("#dong_code", label="사직동")
    page.fill("#held_on", "2021-06-12")
    page.fill("#present", "40")
    page.fill("#onsite_voters", "35")
    page.fill("#prevoters", "45")
    page.fill("#adult_population", "8000")
    page.get_by_role("button", name="기록").click()
    expect(page).to_have_url(re.compile(r"/assemblies/\d+\?saved=assembly$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("사직동 2021년 주민총회")
    # 35 on site + 45 pre-votes = 80 of 8,000 adults: 1.00%; 40 + 45 = 85 took part, 80 needed.
    expect(page.locator("[data-field=voters]")).to_have_text("80명")
    expect(page.locator("[data-field=turnout]")).to_have_text("1.00%")
    expect(page.locator("[data-field=quorum]")).to_contain_text("충족")
    expect(page.locator("[data-field=quorum]")).to_contain_text("필요 80명")
    _fits(page)

    # An impossible count is refused with the reason, and nothing is recorded.
    page.goto(base_url + "/assemblies")
    page.select_option("#dong_code", label="부암동")
    page.fill("#held_on", "2021-07-01")
    page.fill("#present", "5")
    page.fill("#onsite_voters", "9")
    page.fill("#prevoters", "0")
    page.get_by_role("button", name="기록").click()
    expect(page.get_by_role("alert")).to_contain_text("현장 투표자 수가 현장 참석자 수보다")
    expect(page.locator("table.assemblies tbody tr")).to_have_count(1)

    page.get_by_role("link", name="사직동 2021년").click()
    page.fill("#year", "2022")
    page.fill("#title", "사직동 2022 자치계획")
    page.get_by_role("button", name="만들기").click()
    expect(page).to_have_url(re.compile(r"/assemblies/plans/\d+\?saved=plan$"))
    page.fill("#title", "골목 안전 지도")
    page.fill("#subcommittee", "안전분과")
    page.select_option("#budget_source", label="동단위 시민참여예산")
    page.fill("#budget_requested_krw", "30000000")
    page.get_by_role("button", name="추가").click()
    row = page.locator("table.agenda-items tbody tr", has_text="골목 안전 지도")
    expect(row.locator("[data-field=votes]")).to_have_text("투표 전")
    row.get_by_text("투표 결과").click()
    row.get_by_label("찬성").fill("60")
    row.get_by_label("반대").fill("12")
    row.get_by_label("기권").fill("8")
    row.get_by_role("button", name="투표 저장").click()
    row = page.locator("table.agenda-items tbody tr", has_text="골목 안전 지도")
    expect(row.locator("[data-field=votes]")).to_contain_text("60 / 12 / 8 (합계 80)")
    expect(row.locator("[data-field=votes]")).to_contain_text("가결")

    page.goto(base_url + "/assemblies/turnout?year=2021")
    expect(page.locator("[data-field=quorum_met]")).to_contain_text("1개 (100.00%)")
    _fits(page)


def test_staff_create_a_space_with_an_operator(base_url: str, page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, base_url)
    page.get_by_role("link", name="공동체 공간", exact=True).click()
    page.fill("#name", "사직 마을활력소")
    page.fill("#address", "서울 종로구 사직로 1")
    page.select_option("#kind", label="마을활력소")
    page.select_option("#dong_code", label="사직동")
    page.fill("#valid_from", "2019-03-01")
    page.get_by_role("button", name="등록").click()
    expect(page).to_have_url(re.compile(r"/spaces/\d+\?saved=space$"))
    page.fill("#person", OPERATOR)
    page.fill("#valid_from", "2019-04-01")
    page.get_by_role("button", name="추가").click()
    expect(page.get_by_role("status")).to_contain_text("운영자를 기록했습니다")
    expect(page.locator("table.operators")).to_contain_text(OPERATOR)
    expect(page.locator("[data-field=current_operators]")).to_have_text("1 / 3명")
    _fits(page)
    page.get_by_role("link", name=OPERATOR).click()
    expect(page.locator("main")).to_contain_text("사직 마을활력소")
    expect(page.locator("main")).to_contain_text("공동체 공간 운영자")
