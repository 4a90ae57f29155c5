"""Training: completion is computed from attendance and prerequisites; council-school minimum."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from maeul_db.errors import InvalidInput
from maeul_db.models import Role, TrainingCompletion
from maeul_db.training import council_school, service
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    bearer,
    complete_program,
    make_person,
    make_program,
    make_user,
)


def _attend(
    client: TestClient, headers: dict[str, str], enrolment_id: int, hours: list[tuple[int, str]]
) -> dict[str, object]:
    body = [{"module_id": m, "hours_attended": h, "attended_on": "2019-05-01"} for m, h in hours]
    response = client.put(
        f"/api/training/enrolments/{enrolment_id}/attendance", json=body, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_completion_computed_at_80_percent(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    program = make_program(session, district_code=DISTRICT_A, hours=(5, 5))
    person = make_person(session)
    headers = bearer(client, staff.username)
    enrolled = client.post(
        "/api/training/enrolments",
        headers=headers,
        json={"program_id": program.id, "person_id": person.id, "enrolled_on": "2019-04-01"},
    )
    assert enrolled.status_code == 201, enrolled.text
    assert enrolled.json()["completed"] is False
    modules = service.modules_of(session, program_id=program.id)
    enrolment_id = enrolled.json()["enrolment_id"]

    below = _attend(client, headers, enrolment_id, [(modules[0].id, "5"), (modules[1].id, "2.5")])
    assert below["completed"] is False and below["attended_percent"] == "75.0"
    assert session.exec(select(TrainingCompletion)).all() == []

    done = _attend(client, headers, enrolment_id, [(modules[1].id, "3")])
    assert done["completed"] is True and done["completed_on"] == "2019-05-01"
    row = session.exec(
        select(TrainingCompletion).where(TrainingCompletion.person_id == person.id)
    ).one()
    assert row.hours == Decimal("8")

    # A correction below the threshold removes the derived completion again.
    _attend(client, headers, enrolment_id, [(modules[1].id, "1")])
    assert (
        session.exec(
            select(TrainingCompletion).where(TrainingCompletion.person_id == person.id)
        ).first()
        is None
    )


def test_completion_waits_for_prerequisite(session: Session) -> None:
    basic = make_program(session, stage="basic")
    practice = make_program(session, stage="lecture_practice", requires=(basic.id,))
    person = make_person(session)
    enrolment = complete_program(session, program=practice, person=person, on=date(2019, 5, 1))
    state = service.progress(session, enrolment=enrolment)
    assert not state.completed
    assert [c.rule for c in state.checks if not c.met] == ["prerequisites"]
    complete_program(session, program=basic, person=person, on=date(2019, 7, 1))
    state = service.progress(session, enrolment=enrolment)
    assert state.completed and state.completed_on == date(2019, 7, 1)


def test_council_school_six_hour_minimum(session: Session) -> None:
    short = make_program(session, stage="council_school", hours=(2, 2), district_code=DISTRICT_A)
    full = make_program(
        session, stage="council_school", hours=(2, 2, 2), min_hours=6, district_code=DISTRICT_A
    )
    person = make_person(session)
    complete_program(session, program=short, person=person)
    with pytest.raises(InvalidInput):
        council_school.require(session, person_id=person.id)
    complete_program(session, program=full, person=person)
    check = council_school.check(session, person_id=person.id)
    assert check.meets_minimum and check.hours == Decimal(10)
    council_school.require(session, person_id=person.id)


def test_enrol_other_district_programme_forbidden(client: TestClient, session: Session) -> None:
    staff = make_user(session, district_code=DISTRICT_A)
    program = make_program(session, district_code=DISTRICT_B)
    city_program = make_program(session, district_code=None)
    person = make_person(session)
    headers = bearer(client, staff.username)
    for target in (program, city_program):
        response = client.post(
            "/api/training/enrolments",
            headers=headers,
            json={"program_id": target.id, "person_id": person.id, "enrolled_on": "2019-04-01"},
        )
        assert response.status_code == 403, response.text


def test_read_training_other_district_staff_sees_nothing(
    client: TestClient, session: Session
) -> None:
    person = make_person(session, registered_district_code=DISTRICT_A)
    complete_program(
        session, program=make_program(session, district_code=DISTRICT_A), person=person
    )
    other = make_user(session, district_code=DISTRICT_B)
    response = client.get(
        f"/api/training/people/{person.id}", headers=bearer(client, other.username)
    )
    assert response.status_code == 404


def test_read_training_expert_sees_own_record(client: TestClient, session: Session) -> None:
    person = make_person(session)
    complete_program(session, program=make_program(session), person=person)
    expert = make_user(session, role=Role.expert, person_id=person.id)
    response = client.get(
        f"/api/training/people/{person.id}", headers=bearer(client, expert.username)
    )
    assert response.status_code == 200
    assert [p["completed"] for p in response.json()] == [True]


def test_create_program_analyst_forbidden(client: TestClient, session: Session) -> None:
    analyst = make_user(session, role=Role.analyst)
    response = client.post(
        "/api/training/programs",
        headers=bearer(client, analyst.username),
        json={
            "code": "X1",
            "name": "과정",
            "stage": "basic",
            "modules": [{"name": "m", "hours": "3"}],
        },
    )
    assert response.status_code == 403
