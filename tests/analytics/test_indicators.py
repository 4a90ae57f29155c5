"""Every indicator on the hand-built world (tests/analytics/world.py), answers worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from maeul_db.analytics import service
from maeul_db.analytics.schemas import Count
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.models import District, Dong, ExpertTarget, Role, UserAccount
from tests.analytics.world import build_world
from tests.builders import DISTRICT_A, DISTRICT_B, bearer, make_user

START, END = date(2019, 1, 1), date(2019, 12, 31)
ADMIN = UserAccount(username="admin", password_hash="", role=Role.city_admin)


def _count(total: int, female: int, male: int, unstated: int) -> Count:
    return Count(total=total, female=female, male=male, unstated=unstated)


def _dongs(session: Session, district: str | None = None) -> int:
    stmt = (
        select(func.count())
        .select_from(Dong)
        .where(
            Dong.valid_from.is_(None) | (Dong.valid_from <= END),
            Dong.valid_to.is_(None) | (Dong.valid_to > END),
        )
    )
    if district:
        stmt = stmt.where(Dong.district_code == district)
    return int(session.exec(stmt).one())


def test_kpi_city_counts_match_hand_worked_answers(session: Session) -> None:
    build_world(session)
    report = service.kpi(session, user=ADMIN, start=START, end=END)
    city = report.city
    # p1..p5 took part in 2019 (p3's A2 row is voided, p4's A0 ended in 2017, p6 never took part).
    assert city.participants == _count(5, 3, 1, 1)
    # p1 (A1, A2) and p2 (A1, B1) are in two distinct projects.
    assert city.repeat_participants == _count(2, 1, 1, 0)
    assert city.lead_proposers == _count(2, 1, 1, 0)
    # Ages at the end of 2019: p5 18, p3 29, p1 34, p2 44, p4 69.
    bands = {band: count.total for band, count in city.participants_by_age_band.items()}
    assert bands == {"under_20": 1, "20s": 1, "30s": 1, "40s": 1, "50s": 0, "60s": 1, "70_plus": 0}
    # A0 was funded in 2017, so three projects in 2019.
    assert city.projects == 3
    assert city.projects_by_stage == {
        "activity_support": 1,
        "group_formation": 1,
        "village_network": 1,
    }
    assert city.projects_by_programme == {"parent_community": 1, "village_community": 2}
    # Council: p4 (took part in 2017, before her 2019 seat) and p6 (never): 1 of 2.
    assert city.council_members == _count(2, 1, 1, 0)
    assert city.council_members_with_project_experience == _count(1, 1, 0, 0)
    assert city.council_experience_share == 0.5
    # p2 completed all three expert stages in 2019; p1 is placed on 31 December.
    assert city.experts_trained == _count(1, 0, 1, 0)
    assert city.experts_pool == _count(1, 0, 1, 0)
    assert city.experts_placed == _count(1, 1, 0, 0)
    assert city.expert_target == 2 * _dongs(session)
    assert city.training_hours.total == 6.0 and city.training_hours.male == 6.0
    population = session.exec(select(func.sum(District.population_korean))).one()
    assert city.participant_share_of_population == round(5 / population, 6)
    assert report.suppression_threshold is None


def test_kpi_per_district_and_spread(session: Session) -> None:
    build_world(session)
    report = service.kpi(session, user=ADMIN, start=START, end=END)
    rows = {row.district_code: row for row in report.districts}
    assert len(rows) == 25
    a, b = rows[DISTRICT_A], rows[DISTRICT_B]
    assert a.participants == _count(4, 3, 1, 0)  # p1..p4
    assert a.repeat_participants.total == 1  # p1 only: p2's second project is in 중구
    assert a.lead_proposers.total == 1 and a.projects == 2
    assert a.experts_placed.total == 1 and a.expert_target == 2 * _dongs(session, DISTRICT_A)
    assert b.participants == _count(2, 0, 1, 1)  # p2, p5
    assert b.repeat_participants.total == 0 and b.lead_proposers.total == 1 and b.projects == 1
    assert b.participant_share_of_population == round(2 / b.population_korean, 6)  # type: ignore[operator]
    spread = {item.metric: item for item in report.spread}
    # Districts with none are left out of the minimum.
    assert (spread["participants"].max_district, spread["participants"].min_district) == (
        "종로구",
        "중구",
    )
    assert spread["participants"].ratio == 2.0
    assert spread["projects"].ratio == 2.0
    assert spread["lead_proposers"].ratio == 1.0
    assert spread["repeat_participants"].ratio == 1.0  # only 종로구 has one


def test_kpi_district_scope_counts_only_that_district(session: Session) -> None:
    build_world(session)
    report = service.kpi(session, user=ADMIN, start=START, end=END, district_code=DISTRICT_B)
    assert [row.district_code for row in report.districts] == [DISTRICT_B]
    assert report.city.participants.total == 2 and report.spread == []
    assert report.city.council_members.total == 1  # p6
    assert report.city.council_experience_share == 0.0


def test_kpi_rejects_reversed_period(session: Session) -> None:
    with pytest.raises(InvalidInput):
        service.kpi(session, user=ADMIN, start=END, end=START)


def test_kpi_staff_forced_to_own_district(session: Session) -> None:
    build_world(session)
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    report = service.kpi(session, user=staff, start=START, end=END)
    assert report.district_code == DISTRICT_A and report.city.participants.total == 4
    with pytest.raises(Forbidden):
        service.kpi(session, user=staff, start=START, end=END, district_code=DISTRICT_B)


def test_kpi_api_roles(client: TestClient, session: Session) -> None:
    build_world(session)
    analyst = make_user(session, role=Role.analyst)
    staff_b = make_user(session, role=Role.district_staff, district_code=DISTRICT_B)
    url = "/api/analytics/kpi?from=2019-01-01&to=2019-12-31"
    assert client.get(url).status_code == 401
    response = client.get(url, headers=bearer(client, analyst.username))
    assert response.status_code == 200
    body = response.json()
    assert body["suppression_threshold"] == 5
    # 5 participants: the total shows, every gender cell (3, 1, 1) is hidden and marked.
    assert body["city"]["participants"] == {
        "total": 5,
        "female": None,
        "male": None,
        "unstated": None,
        "suppressed": True,
    }
    assert body["city"]["repeat_participants"]["total"] is None
    assert body["city"]["council_experience_share"] is None
    staff_headers = bearer(client, staff_b.username)
    assert client.get(url + f"&district={DISTRICT_A}", headers=staff_headers).status_code == 403
    own = client.get(url, headers=staff_headers).json()
    assert own["district_code"] == DISTRICT_B and own["city"]["participants"]["total"] == 2


def test_kpi_api_expert_forbidden(client: TestClient, session: Session) -> None:
    world = build_world(session)
    expert = make_user(session, role=Role.expert, person_id=world.people["p1"].id)
    response = client.get(
        "/api/analytics/kpi?from=2019-01-01&to=2019-12-31", headers=bearer(client, expert.username)
    )
    assert response.status_code == 403


def test_kpi_expert_target_uses_stored_district_target(session: Session) -> None:
    build_world(session)
    session.add(ExpertTarget(district_code=DISTRICT_A, per_dong=3))
    session.flush()
    report = service.kpi(session, user=ADMIN, start=START, end=END)
    rows = {row.district_code: row for row in report.districts}
    assert rows[DISTRICT_A].expert_target == 3 * _dongs(session, DISTRICT_A)
    assert rows[DISTRICT_B].expert_target == 2 * _dongs(session, DISTRICT_B)
    assert report.city.expert_target == 2 * _dongs(session) + _dongs(session, DISTRICT_A)
