"""The dong choropleth: one SVG path per current dong, participants per population by hand, and
analysts' small cells drawn with the suppressed class."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.analytics import choropleth, map_service, queries
from maeul_db.models import Dong, Role
from tests.analytics.world import World, build_world
from tests.builders import DISTRICT_B, DONG_A, DONG_B, make_user
from tests.web_login import log_in

START, END = date(2019, 1, 1), date(2019, 12, 31)
DONG_PATH = re.compile(r'<path class="dong( suppressed)?" data-code="(\d{10})" d="M[^"]+"')


def _placed_world(session: Session) -> World:
    """world.py with A1 (p1, p2, p3) placed in DONG_A and B1 (p2, p5) in DONG_B."""
    world = build_world(session)
    world.projects["A1"].dong_code = DONG_A
    world.projects["B1"].dong_code = DONG_B
    session.add_all([world.projects["A1"], world.projects["B1"]])
    session.flush()
    return world


def test_projection_fits_width_and_closes_rings() -> None:
    square = {"x": [[(127.0, 37.5), (127.1, 37.5), (127.1, 37.6), (127.0, 37.6), (127.0, 37.5)]]}
    paths, height = choropleth.project(square, width=108, margin=4)
    assert paths["x"].startswith("M4,") and paths["x"].endswith("Z")
    # 0.1° of longitude is cos(37.55°) of 0.1° of latitude: the square is taller than wide.
    assert height == pytest.approx(8 + 100 / 0.79262, abs=0.2)
    assert choropleth.shade(None, 1.0) == 0 and choropleth.shade(1.0, 1.0) == 5
    # 일원2동 became 개포3동 (2022): an old dong is drawn with its successor's boundary.
    assert choropleth.borrow_rings(square, ["old", "gone"], {"old": ["x"]}) == {"old": square["x"]}
    assert choropleth.per_dong([(1, "d"), (1, "d"), (2, "d"), (3, "e")]) == {"d": 2, "e": 1}


def test_dong_map_admin_counts_by_hand(session: Session) -> None:
    _placed_world(session)
    admin = make_user(session, role=Role.city_admin)
    result = map_service.dong_map(session, user=admin, start=START, end=END)
    current = queries.dongs(session, on=END)
    assert [cell.code for cell in result.dongs] == [row.code for row in current]
    assert all(cell.path.startswith("M") for cell in result.dongs)
    cells = {cell.code: cell for cell in result.dongs}
    dong = session.get(Dong, DONG_A)
    assert dong is not None and dong.population_korean
    population = dong.population_korean
    assert cells[DONG_A].participants == 3 and cells[DONG_B].participants == 2
    assert cells[DONG_A].per_thousand == pytest.approx(round(3000 / population, 3))
    assert not any(cell.suppressed for cell in result.dongs)
    assert sum(cell.shade > 0 for cell in result.dongs) == 2


def test_dashboard_map_one_path_per_dong_suppressed_class(
    client: TestClient, session: Session
) -> None:
    _placed_world(session)
    analyst = make_user(session, role=Role.analyst)
    log_in(client, analyst.username)
    page = client.get("/analytics", params={"from": START.isoformat(), "to": END.isoformat()})
    assert page.status_code == 200 and 'class="choropleth"' in page.text
    drawn = {code: bool(hidden) for hidden, code in DONG_PATH.findall(page.text)}
    current = {row.code for row in queries.dongs(session, on=END)}
    assert len(DONG_PATH.findall(page.text)) == len(current) and set(drawn) == current
    # 3 and 2 people: both under 5, so hidden and hatched; dongs with 0 stay shown.
    assert {code for code, hidden in drawn.items() if hidden} == {DONG_A, DONG_B}
    assert "url(#hatch)" in page.text


def test_dong_map_staff_sees_own_district(session: Session) -> None:
    _placed_world(session)
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_B)
    result = map_service.dong_map(session, user=staff, start=START, end=END)
    assert {cell.district_code for cell in result.dongs} == {DISTRICT_B}
    assert {c.code: c.participants for c in result.dongs if c.participants} == {DONG_B: 2}
