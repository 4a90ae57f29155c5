"""Per-district targets in the coverage, the pool's filters and reasons, and the pool and
coverage pages (issue 16)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.experts import pool_view, service, targets
from maeul_db.kit import time as clock
from maeul_db.models import Person, TrainingStage
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    complete_program,
    make_person,
    make_placement,
    make_program,
    make_user,
)
from tests.web_login import csrf_token, log_in


def _trained(session: Session, *stages: str, district: str = DISTRICT_A) -> Person:
    person = make_person(session, registered_district_code=district)
    for stage in stages:
        complete_program(session, program=make_program(session, stage=stage), person=person)
    return person


def test_set_target_changes_coverage_gap(session: Session) -> None:
    staff = make_user(session)
    make_placement(session, person=make_person(session))
    before = service.coverage(session, user=staff, district_code=DISTRICT_A, as_of=clock.today())
    targets.set_target(session, user=staff, district_code=DISTRICT_A, per_dong=3)
    after = service.coverage(session, user=staff, district_code=DISTRICT_A, as_of=clock.today())
    assert before.target_per_dong == 2 and after.target_per_dong == 3
    assert after.total_gap == before.total_gap + len(after.dongs)


def test_set_target_out_of_range_or_other_district_refused(session: Session) -> None:
    staff = make_user(session)
    with pytest.raises(InvalidInput):
        targets.set_target(session, user=staff, district_code=DISTRICT_A, per_dong=0)
    with pytest.raises(Forbidden):
        targets.set_target(session, user=staff, district_code=DISTRICT_B, per_dong=3)
    assert targets.target_for(session, district_code=DISTRICT_A) == 2


def test_pool_candidates_filter_by_stage_and_district(session: Session) -> None:
    full = _trained(session, "basic", "lecture_practice", "expert_activist")
    partial = _trained(session, "basic")
    elsewhere = _trained(
        session, "basic", "lecture_practice", "expert_activist", district=DISTRICT_B
    )
    hidden_partial = _trained(session, "basic", district=DISTRICT_B)
    staff = make_user(session)
    everyone = pool_view.candidates(session, user=staff, as_of=clock.today())
    # Eligible members city-wide; part-way people only when visible to the staff member.
    assert {c.person_id for c in everyone} == {full.id, partial.id, elsewhere.id}
    assert hidden_partial.id not in {c.person_id for c in everyone}
    assert [c.eligibility.eligible for c in everyone][-1] is False
    staged = pool_view.candidates(
        session, user=staff, as_of=clock.today(), stage=TrainingStage.expert_activist
    )
    assert {c.person_id for c in staged} == {full.id, elsewhere.id}
    local = pool_view.candidates(session, user=staff, as_of=clock.today(), district_code=DISTRICT_B)
    assert [c.person_id for c in local] == [elsewhere.id]
    [row] = [c for c in everyone if c.person_id == partial.id]
    assert [(ch.rule, ch.met) for ch in row.eligibility.checks] == [
        ("basic", True),
        ("lecture_practice", False),
        ("expert_activist", False),
    ]


def test_pool_page_refuses_ineligible_with_reasons(client: TestClient, session: Session) -> None:
    partial = _trained(session, "basic")
    staff = make_user(session)
    assert log_in(client, staff.username).status_code == 303
    page = client.get("/experts/pool")
    assert page.status_code == 200
    response = client.post(
        "/experts/placements",
        data={
            "csrf_token": csrf_token(page.text),
            "person_id": str(partial.id),
            "dong_code": "1111051500",
            "valid_from": "2024-01-01",
        },
        follow_redirects=False,
    )
    assert response.status_code == 422
    assert "강의실습 미이수" in response.text and "전문가과정(활동가) 미이수" in response.text
    assert service.list_placements(session, user=staff) == []


def test_coverage_page_sets_target_and_ends_placement(client: TestClient, session: Session) -> None:
    placement = make_placement(session, person=make_person(session, name="배치끝"))
    staff = make_user(session)
    assert log_in(client, staff.username).status_code == 303
    page = client.get("/experts/coverage")
    assert "배치끝" in page.text
    # The map: the placed dong is drawn short of its target, the others with nobody.
    assert re.search(r'<path class="dong short" data-code="1111051500" d="M', page.text)
    assert 'class="dong none" data-code="1111053000"' in page.text
    token = csrf_token(page.text)
    saved = client.post(
        "/experts/targets",
        data={"csrf_token": token, "district_code": DISTRICT_A, "per_dong": "4"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert 'data-target="4"' in client.get(saved.headers["location"]).text
    bad = client.post(
        "/experts/targets",
        data={"csrf_token": token, "district_code": DISTRICT_A, "per_dong": "9"},
    )
    assert bad.status_code == 422 and "1명에서 5명 사이" in bad.text
    closed = client.post(
        f"/experts/placements/{placement.id}/close",
        data={"csrf_token": token, "last_day": "2024-12-31"},
        follow_redirects=False,
    )
    assert closed.status_code == 303
    session.refresh(placement)
    assert placement.valid_to is not None and placement.valid_to.isoformat() == "2025-01-01"
