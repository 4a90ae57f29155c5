"""Training requests: staff file for a person of their district, a representative for a member
of their group; accepting enrols the person exactly once (twice accepted, already enrolled);
another district's staff neither see nor act; refusals need a reason."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, func, select

from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.kit.pagination import Page
from maeul_db.models import Enrolment, SupportRequestEvent
from maeul_db.support_requests import training
from tests.builders import DISTRICT_A, DISTRICT_B, make_person, make_program, make_user
from tests.support_requests.helpers import group_with_rep, training_request


def _enrolments(session: Session, person_id: int, program_id: int) -> int:
    return session.exec(
        select(func.count()).where(
            Enrolment.person_id == person_id, Enrolment.program_id == program_id
        )
    ).one()


def test_accepting_enrols_once_even_when_accepted_twice(session: Session) -> None:
    staff = make_user(session)
    person = make_person(session)
    program = make_program(session, district_code=DISTRICT_A)
    request = training_request(session, staff, program_id=program.id, person_id=person.id)
    assert request.status == "submitted" and request.district_code == DISTRICT_A
    training.accept(session, user=staff, request_id=request.id)
    again = training.change_status(session, user=staff, request_id=request.id, to="accepted")
    assert again.status == "accepted" and again.enrolment_id is not None
    assert _enrolments(session, person.id, program.id) == 1
    accepted = session.exec(
        select(func.count()).where(
            SupportRequestEvent.request_id == request.id,
            SupportRequestEvent.to_status == "accepted",
        )
    ).one()
    assert accepted == 1


def test_an_existing_enrolment_is_linked_not_doubled(session: Session) -> None:
    staff = make_user(session)
    person = make_person(session)
    program = make_program(session, district_code=DISTRICT_A)
    existing = Enrolment(
        program_id=program.id, person_id=person.id, district_code=DISTRICT_A,
        enrolled_on=date(2024, 3, 1),
    )  # fmt: skip
    session.add(existing)
    session.flush()
    request = training_request(session, staff, program_id=program.id, person_id=person.id)
    training.accept(session, user=staff, request_id=request.id)
    assert request.enrolment_id == existing.id
    assert _enrolments(session, person.id, program.id) == 1


def test_a_second_open_request_for_the_same_course_is_refused(session: Session) -> None:
    staff = make_user(session)
    person = make_person(session)
    program = make_program(session)
    training_request(session, staff, program_id=program.id, person_id=person.id)
    with pytest.raises(InvalidInput) as refused:
        training_request(session, staff, program_id=program.id, person_id=person.id)
    assert refused.value.field == "program_id"


def test_a_representative_files_for_a_member_and_may_only_withdraw(session: Session) -> None:
    group, rep, member = group_with_rep(session)
    program = make_program(session, district_code=DISTRICT_A)
    with pytest.raises(InvalidInput) as stranger:
        training_request(
            session, rep, program_id=program.id, group_id=group.id, name="남남", birth_year=1990
        )
    assert stranger.value.field == "name"
    request = training_request(
        session, rep, program_id=program.id, group_id=group.id,
        name=member.name, birth_year=member.birth_year,
    )  # fmt: skip
    assert request.person_id == member.id and request.group_id == group.id
    with pytest.raises(Forbidden):
        training.accept(session, user=rep, request_id=request.id)
    assert _enrolments(session, member.id, program.id) == 0
    training.change_status(session, user=rep, request_id=request.id, to="withdrawn")
    assert request.status == "withdrawn"


def test_another_districts_staff_cannot_see_or_act(session: Session) -> None:
    staff = make_user(session)
    outsider = make_user(session, district_code=DISTRICT_B)
    request = training_request(
        session, staff, program_id=make_program(session).id, person_id=make_person(session).id
    )
    with pytest.raises(NotFound):
        training.get(session, user=outsider, request_id=request.id)
    with pytest.raises(NotFound):
        training.accept(session, user=outsider, request_id=request.id)
    rows, count = training.list_(session, user=outsider, page=Page(50))
    assert count == 0 and rows == []
    assert training.list_(session, user=staff, page=Page(50))[1] == 1
    assert request.status == "submitted"


def test_refusing_needs_a_reason_and_another_districts_programme_is_refused(
    session: Session,
) -> None:
    staff = make_user(session)
    person = make_person(session)
    with pytest.raises(InvalidInput):
        training_request(
            session, staff, program_id=make_program(session, district_code=DISTRICT_B).id,
            person_id=person.id,
        )  # fmt: skip
    request = training_request(
        session, staff, program_id=make_program(session).id, person_id=person.id
    )
    with pytest.raises(InvalidInput) as refused:
        training.change_status(session, user=staff, request_id=request.id, to="refused")
    assert refused.value.message == "반려 사유를 적어 주세요"
    training.change_status(
        session, user=staff, request_id=request.id, to="refused", reason="정원 초과"
    )
    assert request.status == "refused" and request.enrolment_id is None
