"""Expert pool eligibility (with reasons), placements and coverage on crafted cases."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.models import Person, Role
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_A,
    DONG_B,
    bearer,
    complete_program,
    make_person,
    make_placement,
    make_program,
    make_user,
)

DONG_A2 = "1111053000"  # 사직동 (종로구)


def _trained(
    session: Session, stages: tuple[str, ...] = ("basic", "lecture_practice", "expert_activist")
) -> Person:
    person = make_person(session)
    for stage in stages:
        complete_program(session, program=make_program(session, stage=stage), person=person)
    return person


def test_eligibility_explains_each_rule(client: TestClient, session: Session) -> None:
    admin = make_user(session, role=Role.city_admin)
    partial = _trained(session, ("basic", "lecture_practice"))
    body = client.get(
        f"/api/experts/eligibility/{partial.id}", headers=bearer(client, admin.username)
    ).json()
    assert body["eligible"] is False
    assert [(c["rule"], c["met"]) for c in body["checks"]] == [
        ("basic", True),
        ("lecture_practice", True),
        ("expert_activist", False),
    ]
    assert "미이수" in body["checks"][2]["detail"]
    full = _trained(session)
    body = client.get(
        f"/api/experts/eligibility/{full.id}", headers=bearer(client, admin.username)
    ).json()
    assert body["eligible"] is True and body["eligible_since"] == "2019-06-01"


def test_pool_lists_only_eligible_without_contact(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    eligible = _trained(session)
    _trained(session, ("basic",))
    response = client.get("/api/experts/pool", headers=bearer(client, staff.username))
    assert response.status_code == 200
    assert [m["person_id"] for m in response.json()] == [eligible.id]
    assert "phone" not in response.text and (eligible.phone or "x") not in response.text


def test_place_requires_pool_and_own_district(client: TestClient, session: Session) -> None:
    staff = make_user(session, district_code=DISTRICT_A)
    headers = bearer(client, staff.username)
    untrained = make_person(session)
    response = client.post(
        "/api/experts/placements",
        headers=headers,
        json={"person_id": untrained.id, "dong_code": DONG_A, "valid_from": "2022-01-01"},
    )
    assert response.status_code == 422 and response.json()["code"] == "expert.not_eligible"
    expert = _trained(session)
    response = client.post(
        "/api/experts/placements",
        headers=headers,
        json={"person_id": expert.id, "dong_code": DONG_B, "valid_from": "2022-01-01"},
    )
    assert response.status_code == 403
    response = client.post(
        "/api/experts/placements",
        headers=headers,
        json={"person_id": expert.id, "dong_code": DONG_A, "valid_from": "2022-01-01"},
    )
    assert response.status_code == 201, response.text
    again = client.post(
        "/api/experts/placements",
        headers=headers,
        json={"person_id": expert.id, "dong_code": DONG_A2, "valid_from": "2022-06-01"},
    )
    assert again.status_code == 409


def test_coverage_gaps_and_ending_soon(client: TestClient, session: Session) -> None:
    staff = make_user(session, district_code=DISTRICT_A)
    as_of = date(2022, 6, 1)
    two = [_trained(session), _trained(session)]
    for person in two:
        make_placement(session, person=person, dong_code=DONG_A, valid_from=date(2021, 1, 1))
    ending = _trained(session)
    make_placement(
        session,
        person=ending,
        dong_code=DONG_A2,
        valid_from=date(2021, 1, 1),
        valid_to=date(2022, 6, 20),
    )
    ended = _trained(session)
    make_placement(
        session,
        person=ended,
        dong_code=DONG_A2,
        valid_from=date(2020, 1, 1),
        valid_to=date(2022, 5, 1),
    )
    response = client.get(
        f"/api/experts/coverage/{DISTRICT_A}",
        params={"as_of": as_of.isoformat(), "within_days": 30},
        headers=bearer(client, staff.username),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    dongs = {d["dong_code"]: d for d in body["dongs"]}
    assert dongs[DONG_A]["placed"] == 2 and dongs[DONG_A]["gap"] == 0
    assert dongs[DONG_A2]["placed"] == 1 and dongs[DONG_A2]["gap"] == 1  # the ended one is gone
    assert [p["person_id"] for p in dongs[DONG_A2]["ending_soon"]] == [ending.id]
    empty = [d for code, d in dongs.items() if code not in (DONG_A, DONG_A2)]
    assert empty and all(d["placed"] == 0 and d["gap"] == 2 for d in empty)
    assert body["dongs_without_expert"] == len(empty)
    assert body["total_gap"] == 1 + 2 * len(empty)


def test_coverage_other_district_forbidden(client: TestClient, session: Session) -> None:
    staff = make_user(session, district_code=DISTRICT_A)
    response = client.get(
        f"/api/experts/coverage/{DISTRICT_B}", headers=bearer(client, staff.username)
    )
    assert response.status_code == 403


def test_close_placement_ends_interval(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    row = make_placement(session, person=_trained(session), valid_from=date(2021, 1, 1))
    response = client.post(
        f"/api/experts/placements/{row.id}/close",
        headers=bearer(client, staff.username),
        json={"valid_to": "2022-01-01"},
    )
    assert response.status_code == 200 and response.json()["valid_to"] == "2022-01-01"
    other = make_user(session, district_code=DISTRICT_B)
    response = client.post(
        f"/api/experts/placements/{row.id}/close",
        headers=bearer(client, other.username),
        json={"valid_to": "2022-01-01"},
    )
    assert response.status_code == 404
