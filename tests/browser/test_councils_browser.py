"""Issue 12 in a real browser (uvicorn, Debian Chromium): district staff found a council, record
applicants and run a public draw, appoint members (one refused for missing council school, the
reason on the page), and read the council page as of a past date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
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
from tests.builders import DISTRICT_A, DONG_A, PASSWORD, complete_program, make_person, make_program

pytestmark = pytest.mark.browser

STAFF = "jongno.council"
TRAINED_WOMAN, TRAINED_MAN, UNTRAINED = "박이수", "최이수", "정미이수"


def _seed(url: str) -> dict[str, int]:
    migrate.upgrade(url=url)
    engine = make_engine(url)
    ids: dict[str, int] = {}
    with Session(engine) as session:
        load_refdata(session, Path(get_settings().refdata_dir))
        school = make_program(session, stage="council_school", hours=(3, 3))
        for name, gender, trained in (
            (TRAINED_WOMAN, "F", True),
            (TRAINED_MAN, "M", True),
            (UNTRAINED, "M", False),
        ):
            person = make_person(session, name=name, gender=gender, birth_year=1985)
            if trained:
                complete_program(session, program=school, person=person, on=date(2020, 1, 10))
            assert person.id is not None
            ids[name] = person.id
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
    return ids


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, int]]]:
    directory = tmp_path_factory.mktemp("councils-browser")
    url = f"sqlite:///{directory / 'maeul.db'}"
    ids = _seed(url)
    with serve_app(directory, url) as base_url:
        yield base_url, ids


def _log_in(page: Page, base_url: str) -> None:
    page.goto(base_url + "/login")
    page.fill("#username", STAFF)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(base_url + "/")


def _appoint(page: Page, person_id: int, valid_from: str, last_day: str = "") -> None:
    page.fill("#seat-person_id", str(person_id))
    page.select_option("#seat-chosen_by", "lottery")
    page.fill("#seat-valid_from", valid_from)
    if last_day:
        page.fill("#seat-last_day", last_day)
    page.get_by_role("button", name="위촉", exact=True).click()


def test_staff_found_draw_appoint_and_read_the_past(
    page: Page, served: tuple[str, dict[str, int]]
) -> None:
    base_url, ids = served
    _log_in(page, base_url)
    page.get_by_role("link", name="주민자치회").first.click()
    expect(page.get_by_role("heading", name="주민자치회 현황")).to_be_visible()
    page.select_option("#dong_code", DONG_A)
    page.fill("#founded_on", "2020-03-01")
    page.fill("#replaced_committee", "청운효자동 주민자치위원회")
    page.get_by_role("button", name="설립 등록").click()
    expect(page.get_by_role("heading", name="청운효자동 주민자치회")).to_be_visible()
    council_url = page.url.split("?")[0]

    # Applicants for the first term, then a public draw with a seed anyone can re-run.
    for name in (TRAINED_WOMAN, TRAINED_MAN, UNTRAINED):
        page.fill("#applicant-person_id", str(ids[name]))
        page.fill("#applicant-applied_on", "2020-02-01")
        page.fill("#applicant-term_start", "2020-04-01")
        page.get_by_role("button", name="신청자 등록").click()
        expect(page.get_by_role("status")).to_contain_text("신청자를 등록했습니다")
    expect(page.locator("table.applicants")).to_contain_text("미이수: 추첨 제외")
    page.fill("#draw-term_start", "2020-04-01")
    page.fill("#draw-drawn_on", "2020-03-15")
    page.fill("#draw-women_seats", "1")
    page.fill("#draw-men_seats", "1")
    page.fill("#draw-seed", "청운효자-2020")
    page.get_by_role("button", name="추첨", exact=True).click()
    draw = page.locator("section.draw")
    expect(draw).to_contain_text("청운효자-2020")
    expect(draw).to_contain_text("같은 시드로 다시 추첨하면 같은 결과입니다")
    expect(draw.locator(".selected")).to_contain_text(TRAINED_WOMAN)
    expect(draw.locator(".selected")).to_contain_text(TRAINED_MAN)
    expect(draw.locator(".selected")).not_to_contain_text(UNTRAINED)

    # The untrained applicant is refused with the reason; the drawn two are seated.
    _appoint(page, ids[UNTRAINED], "2020-04-01")
    expect(page.locator(".form-errors")).to_contain_text("주민자치학교 6시간 이수가 필요합니다")
    _appoint(page, ids[TRAINED_WOMAN], "2020-04-01")
    # One woman alone is 100% one gender: a warning from that day, never silent.
    expect(page.get_by_role("status")).to_contain_text("구성 기준을 벗어났습니다")
    expect(page.locator(".composition-warning")).to_contain_text("60% 이하 기준을 넘습니다")
    _appoint(page, ids[TRAINED_MAN], "2020-05-01", last_day="2020-12-31")
    expect(page.locator("table.members")).to_contain_text(TRAINED_MAN)

    # As of a past date: before the man's seat, one member; after it ended, one again.
    page.goto(council_url)
    page.fill("#as_of", "2020-04-15")
    page.get_by_role("button", name="이 날짜 기준으로 보기").click()
    expect(
        page.get_by_role("heading", name=re.compile(r"위원 \(2020\. 4\. 15\. 기준 1명\)"))
    ).to_be_visible()
    expect(page.locator("table.members")).to_contain_text(TRAINED_WOMAN)
    expect(page.locator("table.members")).not_to_contain_text(TRAINED_MAN)
    page.goto(council_url + "?as_of=2020-06-01")
    expect(page.get_by_role("heading", name=re.compile(r"기준 2명"))).to_be_visible()
    expect(page.locator(".composition-ok")).to_be_visible()
    expect(page.locator("ul.council-report")).to_contain_text("2020-04-01")
