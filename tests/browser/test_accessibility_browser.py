"""Accessibility (issue 14 item 7, KWCAG 2.2): every page each role can open, read from the web
router's route table (a new page is visited the moment it exists), passes axe-core with no serious
or critical violation, at 1280 px and at 360 px, where no page may be wider than the screen. Ids come from the door matrices' world (tests/doors/world.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page
from sqlmodel import Session

from maeul_db import migrate
from maeul_db.app import create_app
from maeul_db.config import get_settings
from maeul_db.db import make_engine
from maeul_db.models import Role
from maeul_db.refdata.service import load_refdata
from tests.browser.conftest import serve_app
from tests.builders import PASSWORD
from tests.doors.routes import web_routes
from tests.doors.web_rules import WEB_RULES
from tests.doors.world import ROLES, World, seed

pytestmark = pytest.mark.browser

# GET routes that answer with something other than an HTML page of ours.
NOT_PAGES = {
    "/me/certificates/{certificate_id}.pdf": "a PDF download",
    "/certificates/{certificate_id}/pdf": "a PDF download",
    "/privacy/people/{person_id}/export.pdf": "a PDF download",
    "/privacy/people/{person_id}/export.json": "a JSON download",
    "/imports/template.xlsx": "a spreadsheet download",
    "/analytics/graph/export": "a JSON/GraphML download",
    "/imports/batches/{batch_id}/rejected": "a spreadsheet download (404 for a clean batch)",
    "/docs/oauth2-redirect": "FastAPI's Swagger helper, no content of ours",
    "/paperwork/calls.xlsx": "a spreadsheet download",
    "/paperwork/applications.xlsx": "a spreadsheet download",
    "/requests/training.xlsx": "a spreadsheet download",
    "/requests/consulting.xlsx": "a spreadsheet download",
    "/projects/{project_id}/report.pdf": "a PDF download",
    "/paperwork/applications/{application_id}/application.pdf": "a PDF download",
    "/projects/{project_id}/attachments/{attachment_id}": "a stored file download",
    "/projects/{project_id}/settlement.pdf": "a PDF download",
    "/projects/{project_id}/settlement.xlsx": "a spreadsheet download",
    "/projects/{project_id}/settlement.csv": "a CSV download (보탬e)",
    "/settlements.xlsx": "a spreadsheet download",
    "/imports/uploads/{upload_id}/mapping.json": "a JSON download (the wizard's mapping)",
    "/analytics/jobs/{job_id}/file": "a job's file download (xlsx, PDF)",
    "/analytics/indicators.{fmt}": "a CSV/xlsx download",
    "/analytics/ego": "a redirect to the ego network page (visited as such)",
}
SERIOUS = {"serious", "critical"}
AXE = Axe()


def _pages(role: Role | None) -> list[str]:
    """The GET pages ``role`` may open (None: the public ones), from the route table."""
    found = []
    for method, path in sorted(web_routes(create_app())):
        rule = WEB_RULES.get((method, path))
        if method != "GET" or path in NOT_PAGES or rule is None:
            continue
        if (role is None and rule.public) or (
            role is not None and not rule.public and (role in rule.roles or role in rule.own)
        ):
            found.append(path)
    return found


@pytest.fixture(scope="module")
def a11y_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, World]]:
    directory = tmp_path_factory.mktemp("a11y")
    url = f"sqlite:///{directory / 'maeul.db'}"
    migrate.upgrade(url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        load_refdata(session, Path(get_settings().refdata_dir))
        world = seed(session)
        session.commit()
        for user in (*world.users.values(), world.outsider):
            session.refresh(user)
    engine.dispose()
    with serve_app(directory, url) as base_url:
        yield base_url, world


def _log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(base_url + "/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(base_url + "/")


def _url(world: World, role: Role | None, path: str) -> str:
    rule = WEB_RULES[("GET", path)]
    full = world.url(path, own=role == Role.expert)
    query = {k: str(world.fill(v)) for k, v in rule.query.items()}
    return full + ("?" + urlencode(query) if query else "")


def _violations(page: Page) -> list[dict[str, Any]]:
    response = AXE.run(page).response
    return [v for v in response["violations"] if v.get("impact") in SERIOUS]


def _describe(where: str, violations: list[dict[str, Any]]) -> str:
    lines = [where]
    for v in violations:
        targets = [n.get("target") for n in v.get("nodes", [])][:3]
        lines.append(f"  {v['impact']} {v['id']}: {v['help']} {targets}")
    return "\n".join(lines)


# The door world's roles, the group representative among them: they open the paperwork pages of
# district A's group they speak for (applications, report, settlement, the project's timeline).
@pytest.mark.parametrize("role", [None, *ROLES], ids=lambda r: r.value if r else "anonymous")
def test_every_page_has_no_serious_axe_violation(
    a11y_app: tuple[str, World], browser: Browser, role: Role | None
) -> None:
    base_url, world = a11y_app
    pages = _pages(role)
    assert pages, f"no pages found for {role}"
    for width in (1280, 360):
        context = browser.new_context(locale="ko-KR", viewport={"width": width, "height": 900})
        page = context.new_page()
        if role is not None:
            _log_in(page, base_url, world.users[role].username)
        failures = []
        for path in pages:
            response = page.goto(base_url + _url(world, role, path))
            assert response is not None and response.status < 500, (path, response)
            # A page may refuse the seeded object for a role (an analyst's ego view by id): its
            # error page is checked too; staff and the representative must reach every page itself.
            if role in (Role.district_staff, Role.group_rep):
                assert response.status < 400, (path, response.status)
            found = _violations(page)
            if found:
                failures.append(_describe(f"{width}px {path}", found))
            # Small screens: nothing wider than the screen (tables scroll inside themselves).
            overflow = page.evaluate("document.documentElement.scrollWidth")
            if overflow > width:
                failures.append(f"{width}px {path}: page is {overflow}px wide")
        context.close()
        assert not failures, "\n".join(failures)


def test_axe_finds_a_planted_violation(browser: Browser) -> None:
    """The check can fail: a button without a name is a critical violation axe must report."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content(
        '<!doctype html><html lang="ko"><body><main><button></button></main></body></html>'
    )
    found = {v["id"] for v in _violations(page)}
    context.close()
    assert "button-name" in found
