"""The analysts' dashboard page: indicators with suppression marks, no names, role checks."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.analytics import network_service
from maeul_db.jobs import service as jobs
from maeul_db.models import Role
from tests.analytics.world import build_world
from tests.builders import DISTRICT_A, make_user
from tests.web_login import csrf_token, log_in


def test_dashboard_analyst_sees_suppressed_indicators(client: TestClient, session: Session) -> None:
    world = build_world(session)
    analyst = make_user(session, role=Role.analyst)
    log_in(client, analyst.username)
    page = client.get("/analytics", params={"from": "2019-01-01", "to": "2019-12-31"})
    assert page.status_code == 200
    assert "분석 대시보드" in page.text and "data-suppression" in page.text and "가림" in page.text
    assert "<svg" in page.text and "종로구" in page.text
    for person in world.people.values():
        assert person.name not in page.text
    assert 'href="/analytics"' in client.get("/").text


def test_dashboard_defaults_to_latest_project_year(client: TestClient, session: Session) -> None:
    build_world(session)
    admin = make_user(session, role=Role.city_admin)
    log_in(client, admin.username)
    page = client.get("/analytics")
    assert page.status_code == 200 and "2019-01-01 ~ 2019-12-31" in page.text


def test_dashboard_staff_other_district_forbidden(client: TestClient, session: Session) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    log_in(client, staff.username)
    assert client.get("/analytics", params={"district": "11140"}).status_code == 403
    assert client.get("/analytics").status_code == 200


def test_dashboard_anonymous_redirects_to_login(client: TestClient) -> None:
    response = client.get("/analytics", follow_redirects=False)
    assert response.status_code == 303 and "/login" in response.headers["location"]


def test_dashboard_splits_every_district_count_by_gender(
    client: TestClient, session: Session
) -> None:
    """성별분리통계: the district table too; and the plan's shares (worked out by hand)."""
    build_world(session)
    admin = make_user(session, role=Role.city_admin)
    log_in(client, admin.username)
    page = client.get("/analytics", params={"from": "2019-01-01", "to": "2019-12-31"}).text
    row = page.split('data-district="11110"')[1].split("</tr>")[0]
    # 종로구 in 2019: p1, p3, p4 (women) and p2 (man) take part; p1 is in A1 and A2 and leads A1.
    assert "<span data-total>4</span> <small data-gender>(3·1·0)</small>" in row
    assert row.count("<span data-total>1</span> <small data-gender>(1·0·0)</small>") == 2
    # Seoul: 3 women of 5 participants; p1 (34) and p2 (44) are in their 30s-40s.
    assert 'data-share="women">60.00%' in page
    assert 'data-share="ages_30s_40s">40.00%' in page
    assert (
        'data-metric="group_members"' in page and 'data-metric="repeat_participants_ever"' in page
    )


def test_dashboard_shows_the_stored_network_growth_never_computes_it(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Network growth on the dashboard is the stored result of the network-growth job: none yet
    means a button that starts that job; once the job ran, its result with when it was computed."""
    build_world(session)
    admin = make_user(session, role=Role.city_admin)
    log_in(client, admin.username)
    computed: list[object] = []
    real_growth = network_service.growth

    def counting(*args: Any, **kwargs: Any) -> Any:
        computed.append(kwargs)
        return real_growth(*args, **kwargs)

    monkeypatch.setattr(network_service, "growth", counting)
    period = {"from": "2019-01-01", "to": "2019-12-31"}
    page = client.get("/analytics", params=period).text
    assert 'id="growth-missing"' in page and 'id="growth-charts"' not in page
    assert computed == []
    form = page.split('id="growth-start"')[1].split("</form>")[0]
    assert 'name="kind" value="network_growth"' in form
    assert 'name="from" value="2019-01-01"' in form and 'name="to" value="2019-12-31"' in form
    started = client.post(
        "/analytics/jobs",
        data={
            "kind": "network_growth",
            "from": "2019-01-01",
            "to": "2019-12-31",
            "district": "",
            "csrf_token": csrf_token(page),
        },
        follow_redirects=False,
    )
    job_id = int(started.headers["location"].rsplit("/", 1)[1])
    assert client.get("/analytics", params=period).text.count('id="growth-missing"') == 1
    # What the worker does (tests/jobs/test_worker.py runs the real one).
    assert jobs.claim(session, job_id=job_id)
    jobs.finish(
        session, job_id=job_id, outcome=jobs.run(session, job_id=job_id, progress=lambda _p: None)
    )
    assert len(computed) == 1  # by the job, not by a page
    shown = client.get("/analytics", params=period).text
    assert 'id="growth-computed"' in shown and "(한국 시간)" in shown
    assert 'id="growth-charts"' in shown and f'href="/analytics/jobs/{job_id}"' in shown
    assert len(computed) == 1
