"""Staff review of job entries (issue 16): correct, end and void, each audited with who and why;
only the job's district reviews it; experts add but never review. Both databases."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import Session, select

from maeul_db.careers import review
from maeul_db.careers.schemas import CareerClose, CareerCorrect
from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.models import AuditLog, Career, Role
from tests.builders import DISTRICT_B, make_career, make_person, make_user


def _audit(session: Session, career: Career, action: str) -> AuditLog:
    row = session.exec(
        select(AuditLog).where(
            AuditLog.entity == "career",
            AuditLog.entity_id == str(career.id),
            AuditLog.action == action,
        )
    ).one()
    return row


def test_correct_career_records_before_after_and_reason(session: Session) -> None:
    career = make_career(session, person=make_person(session), verified=False)
    staff = make_user(session)
    review.correct(
        session,
        user=staff,
        career_id=career.id,
        data=CareerCorrect(employer="종로구 마을센터", valid_from=date(2020, 2, 1), why="오타"),
    )
    session.refresh(career)
    assert (career.employer, career.valid_from) == ("종로구 마을센터", date(2020, 2, 1))
    entry = _audit(session, career, "correct")
    assert entry.actor_user_id == staff.id
    assert json.loads(entry.before or "{}")["employer"] == "종로구 마을자치센터"
    assert json.loads(entry.after or "{}")["reason"] == "오타"


def test_correct_career_start_after_end_refused_unchanged(session: Session) -> None:
    career = make_career(session, person=make_person(session))
    with pytest.raises(InvalidInput):
        review.correct(
            session,
            user=make_user(session),
            career_id=career.id,
            data=CareerCorrect(valid_from=date(2023, 1, 1), why="x"),
        )


def test_close_and_void_career_audited(session: Session) -> None:
    person = make_person(session)
    open_job = make_career(session, person=person, valid_to=None)
    wrong = make_career(session, person=person, valid_from=date(2022, 1, 1), valid_to=None)
    staff = make_user(session)
    review.close(
        session,
        user=staff,
        career_id=open_job.id,
        data=CareerClose(valid_to=date(2023, 1, 1), why="계약 종료"),
    )
    review.void(session, user=staff, career_id=wrong.id, data=CareerClose(why="중복 입력"))
    session.refresh(open_job)
    session.refresh(wrong)
    assert open_job.valid_to == date(2023, 1, 1)
    assert wrong.voided_at is not None and wrong.void_reason == "중복 입력"
    assert json.loads(_audit(session, wrong, "void").after or "{}")["reason"] == "중복 입력"
    listed = review.list_for_review(session, user=staff, pending_only=False)
    assert [r.career.id for r in listed] == [open_job.id]


def test_review_other_district_not_found_expert_forbidden(session: Session) -> None:
    person = make_person(session)
    career = make_career(session, person=person, verified=False)
    other = make_user(session, district_code=DISTRICT_B)
    with pytest.raises(NotFound):
        review.void(session, user=other, career_id=career.id, data=CareerClose(why="x"))
    assert review.list_for_review(session, user=other, pending_only=False) == []
    expert = make_user(session, role=Role.expert, person_id=person.id)
    with pytest.raises(Forbidden):
        review.list_for_review(session, user=expert, pending_only=False)
    with pytest.raises(Forbidden):
        review.close(
            session,
            user=expert,
            career_id=career.id,
            data=CareerClose(valid_to=date(2023, 1, 1), why="x"),
        )
