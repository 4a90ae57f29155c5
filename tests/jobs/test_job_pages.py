"""The job pages and downloads through the web door (both databases): an analyst starts a job,
the worker's steps (claim, run, finish) store its result and the page shows it with the time it was
computed; staff of another district never see it; the indicator table downloads as a real xlsx
with the page's suppression."""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlmodel import Session

from maeul_db.jobs import service as jobs
from maeul_db.models import Role
from tests.analytics.world import build_world
from tests.builders import DISTRICT_A, DISTRICT_B, make_user
from tests.web_login import csrf_token, log_in


def test_analyst_starts_a_job_and_sees_the_stored_result(
    client: TestClient, session: Session
) -> None:
    build_world(session)
    analyst = make_user(session, role=Role.analyst)
    log_in(client, analyst.username)
    token = csrf_token(client.get("/analytics/jobs").text)
    form = {"kind": "network_growth", "from": "2019-01-01", "to": "2019-12-31", "district": ""}
    started = client.post(
        "/analytics/jobs", data={**form, "csrf_token": token}, follow_redirects=False
    )
    assert started.status_code == 303
    job_id = int(started.headers["location"].rsplit("/", 1)[1])
    waiting = client.get(f"/analytics/jobs/{job_id}")
    assert 'data-status="queued"' in waiting.text and 'http-equiv="refresh"' in waiting.text
    # The same request again returns the same queued job, not a second one.
    again = client.post(
        "/analytics/jobs", data={**form, "csrf_token": token}, follow_redirects=False
    )
    assert again.headers["location"] == started.headers["location"]
    # What the worker does (tests/jobs/test_worker.py runs the real one).
    assert jobs.claim(session, job_id=job_id)
    outcome = jobs.run(session, job_id=job_id, progress=lambda _p: None)
    jobs.finish(session, job_id=job_id, outcome=outcome)
    page = client.get(f"/analytics/jobs/{job_id}")
    assert 'data-status="done"' in page.text and "(한국 시간)" in page.text
    # 2019: p1..p5 and 5 ties, published in multiples of 5 for an analyst.
    assert '<tr data-year="2019"><th scope="row">2019년</th><td>5</td><td>5</td>' in page.text
    network = client.get("/analytics/network", params={"from": "2019-01-01", "to": "2019-12-31"})
    assert 'data-year="2019"' in network.text
    other = make_user(session, role=Role.district_staff, district_code=DISTRICT_B)
    log_in(client, other.username)
    assert client.get(f"/analytics/jobs/{job_id}").status_code == 404


def test_indicator_table_downloads_as_xlsx_with_suppression(
    client: TestClient, session: Session
) -> None:
    build_world(session)
    analyst = make_user(session, role=Role.analyst)
    log_in(client, analyst.username)
    response = client.get(
        "/analytics/indicators.xlsx", params={"from": "2019-01-01", "to": "2019-12-31"}
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header, city = rows[0], rows[1]
    assert header[:5] == ["지역", "참여자 전체", "참여자 여성", "참여자 남성", "참여자 밝히지 않음"]
    # 5 participants in 2019 (p1..p5): the total is shown, the gender cells (3, 1, 1) are hidden.
    assert city[1] == 5 and city[2:5] == ["가림", "가림", "가림"]
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    log_in(client, staff.username)
    csv = client.get("/analytics/indicators.csv", params={"from": "2019-01-01", "to": "2019-12-31"})
    assert csv.status_code == 200 and csv.content.startswith(b"\xef\xbb\xbf")
    assert "가림" not in csv.content.decode("utf-8-sig")  # staff work with the records
