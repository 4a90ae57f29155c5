"""The Korean coverage page: every dong against the 2-per-dong target, gaps, placements ending
within 60 days; district staff see their own district, the city admin picks one."""

from __future__ import annotations

import re
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.kit.time import today as seoul_today
from maeul_db.models import Role
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_A,
    make_person,
    make_placement,
    make_user,
)
from tests.web_login import log_in

DONG_A2 = "1111053000"  # 사직동 (종로구)


def _web_login(client: TestClient, username: str) -> None:
    assert log_in(client, username).status_code == 303


def _row(html: str, dong_code: str) -> str:
    match = re.search(rf'<tr data-dong="{dong_code}"[^>]*>.*?</tr>', html, re.S)
    assert match is not None, dong_code
    return match.group(0)


def _placements(session: Session) -> None:
    today = seoul_today()
    for name in ("김하나", "이두리"):
        make_placement(
            session, person=make_person(session, name=name), valid_from=today - timedelta(days=400)
        )
    make_placement(
        session,
        person=make_person(session, name="박곧끝"),
        dong_code=DONG_A2,
        valid_from=today - timedelta(days=300),
        valid_to=today + timedelta(days=45),
    )
    make_placement(
        session,
        person=make_person(session, name="최지남"),
        dong_code=DONG_A2,
        valid_from=today - timedelta(days=700),
        valid_to=today - timedelta(days=10),
    )


def test_coverage_page_staff_sees_gaps_and_ending_soon(
    client: TestClient, session: Session
) -> None:
    _placements(session)
    staff = make_user(session, district_code=DISTRICT_A)
    _web_login(client, staff.username)
    page = client.get("/experts/coverage", params={"district": DISTRICT_B})  # ignored for staff
    assert page.status_code == 200, page.text
    assert 'href="/experts/coverage"' in page.text  # the nav link
    full = _row(page.text, DONG_A)
    assert 'data-placed="2"' in full and "충족" in full
    short = _row(page.text, DONG_A2)
    assert 'data-placed="1"' in short and "1명 부족" in short  # the ended placement is gone
    assert "박곧끝" in short and "최지남" not in page.text
    empty = re.findall(r'<tr data-dong="\d+" data-placed="0" data-gap="2"', page.text)
    assert empty  # dongs with no expert at all
    assert f'data-without="{len(empty)}"' in page.text
    assert "1114052000" not in page.text  # no dong of 중구


def test_coverage_page_city_admin_picks_district(client: TestClient, session: Session) -> None:
    _placements(session)
    admin = make_user(session, role=Role.city_admin)
    _web_login(client, admin.username)
    page = client.get("/experts/coverage")
    assert page.status_code == 200
    assert "자치구를 고르세요" in page.text and f'value="{DISTRICT_A}"' in page.text
    page = client.get("/experts/coverage", params={"district": DISTRICT_A})
    assert page.status_code == 200
    assert 'data-placed="2"' in _row(page.text, DONG_A)
    assert 'href="/experts/coverage"' in page.text


def test_coverage_page_expert_forbidden_anonymous_redirected(
    client: TestClient, session: Session
) -> None:
    expert = make_user(session, role=Role.expert, person_id=make_person(session).id)
    response = client.get("/experts/coverage", follow_redirects=False)
    assert response.status_code == 303 and "/login" in response.headers["location"]
    _web_login(client, expert.username)
    assert client.get("/experts/coverage").status_code == 403
