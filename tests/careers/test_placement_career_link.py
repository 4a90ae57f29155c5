"""A placement creates or links the matching career entry, and ending it ends that job (issue 16).
Runs on SQLite and PostgreSQL through the ``session`` fixture."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from maeul_db.careers import review
from maeul_db.careers.schemas import CareerClose
from maeul_db.errors import InvalidInput
from maeul_db.experts import service as expert_service
from maeul_db.experts.schemas import PlacementCreate
from maeul_db.models import AuditLog, Career, JobType, Person
from tests.builders import (
    DISTRICT_A,
    DONG_A,
    complete_program,
    make_career,
    make_person,
    make_program,
    make_user,
)

DONG_A2 = "1111053000"  # 사직동 (종로구)


def _eligible(session: Session) -> Person:
    person = make_person(session)
    for stage in ("basic", "lecture_practice", "expert_activist"):
        complete_program(session, program=make_program(session, stage=stage), person=person)
    return person


def _careers(session: Session, person: Person) -> list[Career]:
    return list(session.exec(select(Career).where(Career.person_id == person.id)).all())


def _place(session: Session, person: Person, **overrides: object) -> int:
    staff = make_user(session, district_code=DISTRICT_A)
    values = {"person_id": person.id, "dong_code": DONG_A, "valid_from": date(2024, 3, 1)}
    placed = expert_service.place(
        session, user=staff, data=PlacementCreate.model_validate(values | overrides)
    )
    return placed.id


def test_place_creates_verified_career_entry(session: Session) -> None:
    person = _eligible(session)
    placement_id = _place(session, person, valid_to=date(2025, 3, 1))
    [career] = _careers(session, person)
    assert career.placement_id == placement_id
    assert career.job_type == JobType.village_autonomy_expert
    assert (career.district_code, career.dong_code) == (DISTRICT_A, DONG_A)
    assert (career.valid_from, career.valid_to) == (date(2024, 3, 1), date(2025, 3, 1))
    # The placement is the evidence: the entry prints on a certificate without a second step.
    assert career.verified_at is not None and career.verified_by_user_id is not None
    assert "종로구" in career.employer and "청운효자동" in career.employer


def test_place_links_self_reported_entry_instead_of_a_second_one(session: Session) -> None:
    person = _eligible(session)
    reported = make_career(
        session,
        person=person,
        verified=False,
        valid_from=date(2024, 2, 15),
        valid_to=None,
        employer="청운효자동 주민센터",
    )
    placement_id = _place(session, person)
    assert [c.id for c in _careers(session, person)] == [reported.id]
    session.refresh(reported)
    assert reported.placement_id == placement_id
    # Linking does not verify: the dates the expert typed are still for staff to check.
    assert reported.verified_at is None
    actions = session.exec(
        select(AuditLog.action).where(
            AuditLog.entity == "career", AuditLog.entity_id == str(reported.id)
        )
    ).all()
    assert "link_placement" in actions


def test_place_ignores_entry_of_another_dong(session: Session) -> None:
    person = _eligible(session)
    other = make_career(session, person=person, dong_code=DONG_A2, valid_from=date(2024, 1, 1))
    placement_id = _place(session, person)
    careers = _careers(session, person)
    assert len(careers) == 2
    assert [c.placement_id for c in careers if c.id != other.id] == [placement_id]


def test_close_placement_ends_linked_career(session: Session) -> None:
    person = _eligible(session)
    placement_id = _place(session, person)
    staff = make_user(session, district_code=DISTRICT_A)
    expert_service.close(session, user=staff, placement_id=placement_id, valid_to=date(2025, 1, 1))
    [career] = _careers(session, person)
    assert career.valid_to == date(2025, 1, 1)


def test_void_linked_career_refused(session: Session) -> None:
    person = _eligible(session)
    _place(session, person)
    [career] = _careers(session, person)
    staff = make_user(session, district_code=DISTRICT_A)
    with pytest.raises(InvalidInput) as refused:
        review.void(session, user=staff, career_id=career.id or 0, data=CareerClose(why="잘못"))
    assert refused.value.code == "career.placement_linked"
    session.refresh(career)
    assert career.voided_at is None


def test_place_ineligible_creates_no_career(session: Session) -> None:
    person = make_person(session)
    complete_program(session, program=make_program(session, stage="basic"), person=person)
    with pytest.raises(InvalidInput) as refused:
        _place(session, person)
    assert "강의실습 미이수" in refused.value.message
    assert _careers(session, person) == []


def test_void_placement_voids_the_career_it_created(session: Session) -> None:
    person = _eligible(session)
    placement_id = _place(session, person)
    staff = make_user(session, district_code=DISTRICT_A)
    expert_service.void(session, user=staff, placement_id=placement_id, reason="다른 사람")
    [career] = _careers(session, person)
    # Never held: it leaves the certificate's jobs with the placement.
    assert career.voided_at is not None and career.void_reason == "다른 사람"
    assert career.placement_id is None


def test_void_placement_keeps_a_self_reported_job_unverified(session: Session) -> None:
    person = _eligible(session)
    reported = make_career(
        session,
        person=person,
        verified=True,
        valid_from=date(2024, 2, 15),
        valid_to=None,
        employer="청운효자동 주민센터",
    )
    placement_id = _place(session, person)
    session.refresh(reported)
    assert reported.placement_id == placement_id
    staff = make_user(session, district_code=DISTRICT_A)
    expert_service.void(session, user=staff, placement_id=placement_id, reason="착오")
    session.refresh(reported)
    # The expert's own report may still be true: unlinked, back in the review list, not voided.
    assert reported.voided_at is None
    assert reported.placement_id is None and reported.verified_at is None
