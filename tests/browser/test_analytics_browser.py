"""An analyst logs in through a real browser and opens the analytics dashboard: indicators with
suppression marks, an inline chart, and no names anywhere."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session

from maeul_db.auth import service as auth_service
from maeul_db.auth.schemas import UserCreate
from maeul_db.db import make_engine
from maeul_db.models import Role
from tests.analytics.world import build_world
from tests.browser.conftest import LiveApp, _free_port, _seed, _wait_until_serving
from tests.builders import PASSWORD

pytestmark = pytest.mark.browser
ANALYST = "city.analyst"


@pytest.fixture(scope="module")
def analytics_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveApp, list[str]]]:
    directory = tmp_path_factory.mktemp("analytics_browser")
    url = f"sqlite:///{directory / 'maeul.db'}"
    _seed(url)
    engine = make_engine(url)
    with Session(engine) as session:
        auth_service.create(session, data=UserCreate(username=ANALYST, password=PASSWORD,
                                                     role=Role.analyst, display_name="분석가 A"))
        names = [person.name for person in build_world(session).people.values()]
        session.commit()
    engine.dispose()
    port = _free_port()
    env = {**os.environ, "MAEUL_DATABASE_URL": url, "MAEUL_ENVIRONMENT": "test"}
    log = directory / "uvicorn.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "maeul_db.app:create_app", "--factory",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_until_serving(port, process, log)
        yield LiveApp(f"http://127.0.0.1:{port}", ANALYST, PASSWORD), names
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_analyst_opens_dashboard(analytics_app: tuple[LiveApp, list[str]], page: Page,
                                 tmp_path: Path) -> None:
    app, names = analytics_app
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
    page.get_by_role("button", name="보기").click()
    expect(page.locator('#kpi-districts tr[data-district="11110"]')).to_be_visible()
    shot = tmp_path / "analytics.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 0
