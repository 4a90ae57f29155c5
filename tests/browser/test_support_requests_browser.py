"""Issue 15, item 9 in a real browser (uvicorn, Debian Chromium): a group representative asks
for consulting from their home page; staff assign an expert of the pool, record two meetings
with their hours and close the request; the representative sees the expert and the hours."""

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
from maeul_db.models import GroupRepLink, Role
from maeul_db.refdata.service import load_refdata
from tests.browser.conftest import serve_app
from tests.builders import DISTRICT_A, DONG_A, PASSWORD, make_group
from tests.support_requests.helpers import make_pool_expert

pytestmark = pytest.mark.browser

STAFF = "jongno.consult"
REP = "consult.rep"
GROUP = "청운 텃밭모임"
EXPERT = "전문가나"


def _seed(url: str) -> None:
    migrate.upgrade(url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        load_refdata(session, Path(get_settings().refdata_dir))
        auth_service.create(
            session,
            data=UserCreate(
                username=STAFF, password=PASSWORD, role=Role.district_staff,
                district_code=DISTRICT_A,
            ),
        )  # fmt: skip
        rep = auth_service.create(
            session, data=UserCreate(username=REP, password=PASSWORD, role=Role.group_rep)
        )
        group = make_group(session, name=GROUP, dong_code=DONG_A)
        session.add(GroupRepLink(account_id=rep.id, group_id=group.id))
        make_pool_expert(session, name=EXPERT)
        session.commit()
    engine.dispose()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = tmp_path_factory.mktemp("requests-browser")
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


def _record(page: Page, day: str, hours: str) -> None:
    page.fill("#held_on", day)
    page.fill("#hours", hours)
    page.get_by_role("button", name="기록", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?saved=status$"))


def test_representative_asks_and_staff_assign_record_and_finish(base_url: str, page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, base_url, REP)
    page.get_by_role("main").get_by_role("link", name="컨설팅 요청", exact=True).first.click()
    page.get_by_role("link", name="컨설팅 요청하기").click()
    page.select_option("#group_id", label=GROUP)
    page.fill("#topic", "텃밭 운영 규약 만들기")
    page.get_by_role("button", name="요청", exact=True).click()
    expect(page).to_have_url(re.compile(r"/requests/consulting/\d+\?saved=request$"))
    expect(page.locator("#request-status")).to_have_text("요청")
    request_url = page.url.split("?")[0]

    staff = page.context.browser.new_context(locale="ko-KR").new_page()  # type: ignore[union-attr]
    _log_in(staff, base_url, STAFF)
    staff.goto(request_url)
    staff.select_option("#expert_person_id", label=f"{EXPERT} (1980년생)")
    staff.get_by_role("button", name="배정").click()
    expect(staff.locator("#request-status")).to_have_text("전문가 배정")
    _record(staff, "2025-04-03", "2")
    _record(staff, "2025-04-10", "1.5")
    staff.select_option("#to", label="완료")
    staff.get_by_role("button", name="바꾸기").click()
    expect(staff.locator("#request-status")).to_have_text("완료")

    page.goto(request_url)
    expect(page.locator("#request-status")).to_have_text("완료")
    expect(page.locator("#request-expert")).to_have_text(EXPERT)
    expect(page.locator("#request-hours")).to_have_text("3.5시간")
    expect(page.locator("ol.history li")).to_have_count(3)
