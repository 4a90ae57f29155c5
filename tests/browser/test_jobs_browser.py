"""Issue 11 in a real browser: an analyst opens the dashboard for 2013–2024, searches a person by
pseudonym, opens their ego network and follows a tie to another person, then starts a city-wide
job that a real worker (``maeul-db jobs worker``, SQLite queue) computes, and sees its result."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
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
ANALYST = "jobs.analyst"
SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture(scope="module")
def jobs_app(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[LiveApp, list[str], dict[str, str]]]:
    directory = tmp_path_factory.mktemp("jobs_browser")
    url = f"sqlite:///{directory / 'maeul.db'}"
    _seed(url)
    engine = make_engine(url)
    with Session(engine) as session:
        auth_service.create(
            session,
            data=UserCreate(
                username=ANALYST, password=PASSWORD, role=Role.analyst, display_name="분석가 B"
            ),
        )
        world = build_world(session)
        names = [person.name for person in world.people.values()]
        key = get_settings().analytics_key
        refs = {n: pseudonym(key, "person", int(p.id or 0)) for n, p in world.people.items()}
        session.commit()
    engine.dispose()
    env = {"MAEUL_JOBS_URL": f"sqlite:///{directory / 'queue.db'}"}
    worker_env = {**os.environ, "PYTHONPATH": str(SRC), "MAEUL_DATABASE_URL": url, **env}
    with serve_app(directory, url, env=env) as base_url:
        # The worker starts once the server answers (two cold starts at once can miss 30 s).
        worker = subprocess.Popen(
            [sys.executable, "-c", "from maeul_db.cli import app; app()", "jobs", "worker"],
            env=worker_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            yield LiveApp(base_url, ANALYST, PASSWORD), names, refs
        finally:
            worker.send_signal(signal.SIGINT)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()


def test_analyst_searches_ego_and_runs_a_city_job(
    jobs_app: tuple[LiveApp, list[str], dict[str, str]], page: Page
) -> None:
    app, names, refs = jobs_app
    # A shared 2-core machine under load answers slowly; the timeouts are generous, not the steps.
    page.set_default_timeout(60_000)
    expect.set_options(timeout=30_000)
    try:
        _walk(page, app, names, refs)
    finally:
        expect.set_options(timeout=5_000)


def _walk(page: Page, app: LiveApp, names: list[str], refs: dict[str, str]) -> None:
    page.goto(app.base_url + "/analytics?from=2013-01-01&to=2024-12-31")
    page.fill("#username", app.username)
    page.fill("#password", app.password)
    page.get_by_role("button", name="로그인").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("분석 대시보드")
    expect(page.locator("#from")).to_have_value("2013-01-01")
    # Search p4 by pseudonym: p4's only tie in the period is p1 (project A2), by hand.
    page.fill("#ego-person", refs["p4"])
    page.get_by_role("button", name="관계망 보기").click()
    expect(page).to_have_url(re.compile(rf"/analytics/people/{refs['p4']}/ego\?radius=1$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("관계망 (반경 1)")
    nodes = page.locator("svg.ego a.node")
    expect(nodes).to_have_count(2)
    assert not any(name in page.locator("main").inner_text() for name in names)
    # Click p1's node: p1's own ego network at radius 1 is p1, p2, p3, p4.
    page.locator(f'svg.ego a.node[data-node="{refs["p1"]}"]').click()
    expect(page).to_have_url(re.compile(rf"/analytics/people/{refs['p1']}/ego"))
    expect(nodes).to_have_count(4)
    page.get_by_role("link", name="반경 2 보기").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("관계망 (반경 2)")
    expect(nodes).to_have_count(5)
    # A city-wide job: network growth 2013–2024, computed by the worker, shown with its time.
    page.goto(app.base_url + "/analytics/jobs")
    page.select_option("#job-kind", "network_growth")
    page.get_by_role("button", name="계산 시작").click()
    expect(page).to_have_url(re.compile(r"/analytics/jobs/\d+$"))
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "done", timeout=120_000)
    expect(page.locator("[data-computed]")).to_contain_text("한국 시간")
    # 2019: 5 people and 5 ties, published in multiples of 5 for an analyst; none before.
    expect(page.locator('tr[data-year="2019"] td').first).to_have_text("5")
    expect(page.locator('tr[data-year="2013"] td').first).to_have_text("0")
