"""The dashboard's inline SVG charts: cohort retention lines, the ladder transition heat chart and
network growth, with Korean titles, suppression marks for analysts and never a name."""

from __future__ import annotations

import re
from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.analytics import cache, ladder, summary
from maeul_db.jobs import service as jobs
from maeul_db.models import JobKind, Role, UserAccount
from tests.analytics.world import build_world
from tests.builders import DISTRICT_B, make_user
from tests.web_login import log_in

PERIOD = {"from": "2017-01-01", "to": "2019-12-31"}


def _svg(page: str, css_class: str) -> list[str]:
    return re.findall(rf'<svg class="chart {css_class}".*?</svg>', page, flags=re.S)


def _page(
    client: TestClient, session: Session, role: Role, *, growth: bool = False, **params: str
) -> str:
    world = build_world(session)
    user = make_user(session, role=role)
    log_in(client, user.username)
    if growth:  # the dashboard shows the stored network-growth job, never computes it
        _run_growth_job(session, user, params.get("district"))
    response = client.get("/analytics", params=PERIOD | params)
    assert response.status_code == 200
    for person in world.people.values():
        assert person.name not in response.text
    text: str = response.text
    return text


def _run_growth_job(session: Session, user: UserAccount, district: str | None) -> None:
    """What the worker does (tests/jobs/test_worker.py runs the real one)."""
    job = jobs.start(
        session,
        user=user,
        kind=JobKind.network_growth,
        start=date.fromisoformat(PERIOD["from"]),
        end=date.fromisoformat(PERIOD["to"]),
        district_code=district,
    )
    assert job.id is not None and jobs.claim(session, job_id=job.id)
    outcome = jobs.run(session, job_id=job.id, progress=lambda _p: None)
    jobs.finish(session, job_id=job.id, outcome=outcome)


def test_cohort_chart_has_one_polyline_per_cohort(client: TestClient, session: Session) -> None:
    page = _page(client, session, Role.city_admin)
    (chart,) = re.findall(r'<div id="cohort-chart">.*?</div>', page, flags=re.S)
    assert "<title>첫 참여 연도별 코호트 유지율" in chart and 'aria-label="첫 참여 연도별' in chart
    cohorts = re.findall(r"<tr><td>(\d{4})</td>", page)
    assert cohorts == ["2017", "2019"]
    assert chart.count("<polyline") == len(cohorts)
    assert 'data-series="2017년 첫 참여"' in chart and 'data-series="2019년 첫 참여"' in chart
    assert 'class="suppressed"' not in chart


def test_heat_chart_has_rungs_squared_cells(client: TestClient, session: Session) -> None:
    page = _page(client, session, Role.city_admin)
    (chart,) = _svg(page, "heat")
    assert "<title>2018년 말에서 2019년 말까지 성장 사다리 단계 이동" in chart
    assert len(re.findall(r'<rect class="cell[ "]', chart)) == len(ladder.RUNGS) ** 2
    assert "cell suppressed" not in chart


def test_analyst_sees_suppressed_cells_marked_not_numbered(
    client: TestClient, session: Session
) -> None:
    page = _page(client, session, Role.analyst)
    (heat,) = _svg(page, "heat")
    cells = re.findall(r'<rect class="cell[^"]*".*?</rect>', heat, flags=re.S)
    assert len(cells) == len(ladder.RUNGS) ** 2
    hidden = [cell for cell in cells if 'class="cell suppressed"' in cell]
    assert hidden and all(
        "url(#heat-hatch)" in cell and ": 가림</title>" in cell for cell in hidden
    )
    # Every shown cell of this small world is zero: no small count is ever written out.
    assert not re.search(r"<text[^>]*>[1-4]</text>", heat)
    (cohort_chart,) = re.findall(r'<div id="cohort-chart">.*?</div>', page, flags=re.S)
    assert "<polyline" not in cohort_chart
    assert cohort_chart.count('class="series suppressed"') == 2 and "(가림)" in cohort_chart


def test_growth_charts_per_year(client: TestClient, session: Session) -> None:
    admin_page = _page(client, session, Role.city_admin, growth=True)
    (growth,) = re.findall(r'<div id="growth-charts".*?</div>', admin_page, flags=re.S)
    (bars,) = _svg(growth, "vbars")
    assert "<title>연도별 새로 생긴 관계 수</title>" in bars
    assert all(f"{year}년" in bars for year in (2017, 2018, 2019)) and "가림" not in bars
    (lines,) = _svg(growth, "lines")
    assert "<title>연도별 관계망 밀도" in lines and lines.count("<polyline") == 2


def test_analyst_growth_hides_small_new_ties(client: TestClient, session: Session) -> None:
    # District B's one project in 2019 makes a single new tie: too small to show an analyst.
    page = _page(client, session, Role.analyst, growth=True, district=DISTRICT_B)
    (growth,) = re.findall(r'<div id="growth-charts".*?</div>', page, flags=re.S)
    (bars,) = _svg(growth, "vbars")
    assert '<rect class="suppressed"' in bars and "가림" in bars
    assert not re.search(r"<text[^>]*>1</text>", bars)


def test_with_summaries_cohorts_and_stalls_are_shown_when_asked_for(
    client: TestClient, session: Session
) -> None:
    """Built summaries make the dashboard's ladder a read of the reach table, without cohorts;
    the page offers a link that computes them, and then shows the cohort chart and stalls."""
    build_world(session)
    summary.refresh_all(session)
    cache.clear()
    log_in(client, make_user(session, role=Role.city_admin).username)
    plain = client.get("/analytics", params=PERIOD).text
    assert 'id="cohort-chart"' not in plain
    link = plain.split('id="ladder-more"')[1].split("</p>")[0]
    assert "cohorts=true" in link and "from=2017-01-01" in link
    full = client.get("/analytics", params=PERIOD | {"cohorts": "true"}).text
    assert full.count('<div id="cohort-chart">') == 1 and 'id="ladder-more"' not in full
    assert re.findall(r"<tr><td>(\d{4})</td>", full) == ["2017", "2019"]
