"""Readable records in a real browser (issue 14): an officer registers someone another district
already knows and attaches them; the person timeline at 1280 px and 390 px shows every code in
Korean (each cell is checked against the label catalogue) and keeps Korean words whole."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from maeul_db.db import make_engine
from maeul_db.identity.keys import fill_keys
from maeul_db.models import (
    Activity,
    ActivityKind,
    Attendance,
    Career,
    CouncilSeat,
    Gender,
    JobType,
    Person,
)
from maeul_db.wording.labels import LABELS
from tests.browser.conftest import STAFF_PERSON, LiveApp, _seed, serve_app
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_A,
    PASSWORD,
    make_group,
    make_membership,
    make_participation,
    make_project,
)

pytestmark = pytest.mark.browser

ELSEWHERE_NAME, ELSEWHERE_BIRTH, ELSEWHERE_PHONE = "한다른", 1969, "01024681357"
ELSEWHERE_PROJECT = "중구비밀사업"
PROJECT_NAME = "2021 청운 골목정원"
# Codes that must never reach the page as they are stored (issue 14's examples among them).
RAW_CODES = (
    "meeting",
    "village_autonomy_expert",
    "lead_proposer",
    "member",
    "participation",
    DONG_A,
    DISTRICT_A,
)


def _timeline_world(session: Session) -> int:
    """STAFF_PERSON's facts in district A (one of each kind with a code), and a person in B with
    an exact key and a fact in B."""
    person = session.exec(select(Person).where(Person.name == STAFF_PERSON)).one()
    person.home_dong_code = DONG_A
    session.add(person)
    project = make_project(session, name=PROJECT_NAME, year=2021)
    make_participation(session, project=project, person=person, role="lead_proposer")
    group = make_group(session, name="청운 골목모임", dong_code=DONG_A)
    make_membership(session, group=group, person=person)
    activity = Activity(
        title="골목 정원 모임",
        kind=ActivityKind.meeting,
        held_on=date(2021, 5, 1),
        district_code=DISTRICT_A,
        project_id=project.id,
    )
    session.add(activity)
    session.flush()
    session.add(Attendance(activity_id=activity.id, person_id=person.id, district_code=DISTRICT_A))
    session.add(
        Career(
            person_id=person.id,
            job_type=JobType.village_autonomy_expert,
            employer="종로구 마을자치센터",
            district_code=DISTRICT_A,
            dong_code=DONG_A,
            valid_from=date(2022, 1, 1),
        )
    )
    session.add(
        CouncilSeat(
            person_id=person.id,
            district_code=DISTRICT_A,
            dong_code=DONG_A,
            valid_from=date(2023, 1, 1),
        )
    )
    other = Person(
        name=ELSEWHERE_NAME,
        gender=Gender.male,
        birth_year=ELSEWHERE_BIRTH,
        phone=ELSEWHERE_PHONE,
        registered_district_code=DISTRICT_B,
    )
    fill_keys(other)
    session.add(other)
    session.flush()
    secret = make_project(session, name=ELSEWHERE_PROJECT, district_code=DISTRICT_B)
    make_participation(session, project=secret, person=other)
    assert person.id is not None
    return person.id


@pytest.fixture(scope="module")
def pages_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveApp, int]]:
    directory = tmp_path_factory.mktemp("pages")
    url = f"sqlite:///{directory / 'maeul.db'}"
    _seed(url)
    engine = make_engine(url)
    with Session(engine) as session:
        person_id = _timeline_world(session)
        session.commit()
    engine.dispose()
    with serve_app(directory, url) as base_url:
        yield LiveApp(base_url, "jongno.staff", PASSWORD), person_id


def _log_in(page: Page, app: LiveApp) -> None:
    page.goto(app.base_url + "/login")
    page.fill("#username", app.username)
    page.fill("#password", app.password)
    page.get_by_role("button", name="로그인").click()
    expect(page).to_have_url(app.base_url + "/")


def test_officer_registers_a_person_known_elsewhere_and_attaches_them(
    pages_app: tuple[LiveApp, int], page: Page
) -> None:
    app, _ = pages_app
    _log_in(page, app)
    page.goto(app.base_url + "/people/new")
    page.fill("#name", ELSEWHERE_NAME)
    page.select_option("#gender", "M")
    page.fill("#birth_year", str(ELSEWHERE_BIRTH))
    page.fill("#phone", "010-2468-1357")
    page.get_by_role("button", name="등록", exact=True).click()
    notice = page.locator('[data-resolution="elsewhere"]')
    expect(notice).to_contain_text("다른 자치구에 알려진 인물입니다")
    page.get_by_role("button", name="우리 자치구에 연결").click()
    expect(page).to_have_url(re.compile(r"/people/\d+\?saved=person_attached$"))
    expect(page.get_by_role("status")).to_contain_text("우리 자치구에 연결했습니다")
    expect(page.locator("h1")).to_have_text(ELSEWHERE_NAME)
    expect(page.locator("[data-known-elsewhere]")).to_be_visible()
    body = page.locator("main").inner_text()
    assert ELSEWHERE_PROJECT not in body and "2468" not in body
    # Registering again is "already registered" with a link, not a second person.
    page.goto(app.base_url + "/people/new")
    page.fill("#name", ELSEWHERE_NAME)
    page.select_option("#gender", "M")
    page.fill("#birth_year", str(ELSEWHERE_BIRTH))
    page.fill("#phone", "010-2468-1357")
    page.get_by_role("button", name="등록", exact=True).click()
    expect(page.locator('[data-resolution="existing"]')).to_contain_text("이미 등록된 인물입니다")


def _catalogue_words() -> set[str]:
    return {pair[0] for kind in LABELS.values() for pair in kind.values()}


def _check_timeline_cells(page: Page) -> None:
    words = _catalogue_words()
    rows = page.locator("table.timeline tbody tr")
    assert rows.count() >= 5
    for i in range(rows.count()):
        cells = [c.strip() for c in rows.nth(i).locator("td").all_inner_texts()]
        start, end, kind, title, role, district, rung = cells
        assert re.fullmatch(r"\d{4}\. \d{1,2}\. \d{1,2}\.", start), start
        assert end == "진행 중" or re.fullmatch(r"\d{4}\. \d{1,2}\. \d{1,2}\.", end), end
        assert kind in words, kind
        assert role == "" or role in words, role
        assert district == "종로구", district
        assert rung == "" or rung.removeprefix("▲ ") in words, rung
        assert not re.search(r"[a-z_]{4,}|\d{5,}", title), title
        assert not title.startswith("2021 2021"), title
    text = page.locator("main").inner_text()
    for code in RAW_CODES:
        assert code not in text, code


@pytest.mark.parametrize("width", [1280, 390])
def test_timeline_shows_no_raw_code_at_desktop_and_phone_width(
    pages_app: tuple[LiveApp, int], page: Page, width: int
) -> None:
    app, person_id = pages_app
    page.set_viewport_size({"width": width, "height": 900})
    _log_in(page, app)
    page.goto(f"{app.base_url}/people/{person_id}")
    expect(page.locator("[data-as-of]")).to_contain_text("기준")
    expect(page.locator("[data-home-dong]")).to_have_text("청운효자동")
    expect(page.locator("[data-district]")).to_have_text("종로구")
    _check_timeline_cells(page)
    expect(page.locator("ol.ladder li").first).to_have_text("참여자")
    expect(page.locator("tr.reached").first).to_be_visible()
    # Korean words are kept whole and nothing overflows the screen.
    assert page.evaluate("getComputedStyle(document.body).wordBreak") == "keep-all"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The kind filter narrows the table.
    page.select_option("#kind", "attendance")
    page.get_by_role("button", name="보기").click()
    expect(page.locator("table.timeline tbody tr")).to_have_count(1)
    expect(page.locator("table.timeline tbody td").nth(2)).to_have_text("활동 참석")
    expect(page.locator("table.timeline tbody td").nth(4)).to_have_text("모임")


def test_import_page_uses_the_screen_width(pages_app: tuple[LiveApp, int], page: Page) -> None:
    app, _ = pages_app
    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, app)
    page.goto(app.base_url + "/imports")
    width = page.evaluate("document.querySelector('section.card').getBoundingClientRect().width")
    assert width > 800, width
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(app.base_url + "/imports")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
