"""An analyst logs in through a real browser and opens the analytics dashboard: indicators with
suppression marks, an inline chart, and no names anywhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session

from maeul_db.analytics.pseudonym import pseudonym
from maeul_db.auth import service as auth_service
from maeul_db.auth.schemas import UserCreate
from maeul_db.config import get_settings
from maeul_db.db import make_engine
from maeul_db.models import Role
from tests.analytics.world import build_world
from tests.browser.conftest import LiveApp, _seed, serve_app
from tests.builders import PASSWORD

pytestmark = pytest.mark.browser
ANALYST = "city.analyst"


@pytest.fixture(scope="module")
def analytics_app(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[LiveApp, list[str], str]]:
    directory = tmp_path_factory.mktemp("analytics_browser")
    url = f"sqlite:///{directory / 'maeul.db'}"
    _seed(url)
    engine = make_engine(url)
    with Session(engine) as session:
        auth_service.create(
            session,
            data=UserCreate(
                username=ANALYST, password=PASSWORD, role=Role.analyst, display_name="분석가 A"
            ),
        )
        world = build_world(session)
        names = [person.name for person in world.people.values()]
        p1_id = world.people["p1"].id
        session.commit()
    engine.dispose()
    ego_ref = pseudonym(get_settings().analytics_key, "person", int(p1_id or 0))
    with serve_app(directory, url) as base_url:
        yield LiveApp(base_url, ANALYST, PASSWORD), names, ego_ref


def test_analyst_opens_dashboard(
    analytics_app: tuple[LiveApp, list[str], str], page: Page, tmp_path: Path
) -> None:
    app, names, ego_ref = analytics_app
    page.goto(app.base_url + "/analytics")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fanalytics$"))
    page.fill("#username", app.username)
    page.fill("#password", app.password)
    page.get_by_role("button", name="로그인").click()
    expect(page).to_have_url(app.base_url + "/analytics")
    expect(page.get_by_role("heading", level=1)).to_have_text("분석 대시보드")
    # The default period is the latest project year (2019); 5 participants, gender cells hidden.
    row = page.locator('#kpi-city tr[data-metric="participants"]')
    expect(row.locator("td").first).to_have_text("5")
    expect(row).to_contain_text("가림")
    expect(page.locator("[data-suppression]")).to_be_visible()
    assert page.locator("svg.chart").count() >= 2
    text = page.locator("main").inner_text()
    assert not any(name in text for name in names)
    page.select_option("#district", "11110")
    page.get_by_role("button", name="보기", exact=True).click()
    expect(page.locator('#kpi-districts tr[data-district="11110"]')).to_be_visible()
    shot = tmp_path / "analytics.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 0
    # The map, scoped to the chosen district: one path per dong of 종로구 (17 in the reference data).
    expect(page.locator("svg.choropleth")).to_be_visible()
    assert page.locator("svg.choropleth path.dong").count() == 17
    # One person's ego network, addressed by pseudonym; the drawing carries no names.
    page.goto(f"{app.base_url}/analytics/people/{ego_ref}/ego")
    expect(page.locator("svg.ego")).to_be_visible()
    assert page.locator("svg.ego circle").count() >= 2
    ego_text = page.locator("main").inner_text()
    assert ego_ref in page.content() and not any(name in ego_text for name in names)
    page.screenshot(path=str(tmp_path / "ego.png"), full_page=True)
