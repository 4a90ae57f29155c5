"""Appointing under the plan's rules: council school before the seat, the city admin's audited
override, and composition breaches reported on the day they start (both databases)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from maeul_db.councils import seats, views
from maeul_db.councils.schemas import SeatCreate
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.models import AuditLog, CouncilRole, CouncilSeat, Role, SelectionMethod
from tests.builders import complete_program, make_council, make_person, make_program, make_user


def _seat(person_id: int, day: date, reason: str | None = None) -> SeatCreate:
    return SeatCreate(
        person_id=person_id,
        role=CouncilRole.member,
        chosen_by=SelectionMethod.open_call,
        valid_from=day,
        override_reason=reason,
    )


def _school(session: Session) -> object:
    # Two 3-hour modules: exactly the 6 hours the plan asks for.
    return make_program(session, stage="council_school", hours=(3, 3))


def test_seat_without_council_school_is_refused(session: Session) -> None:
    staff = make_user(session)
    council = make_council(session)
    untrained = make_person(session)
    late = make_person(session)
    complete_program(session, program=_school(session), person=late, on=date(2020, 5, 1))
    for person in (untrained, late):  # late: trained, but only after the seat would start
        with pytest.raises(InvalidInput) as refused:
            seats.appoint(
                session, user=staff, council_id=council.id, data=_seat(person.id, date(2020, 4, 1))
            )
        assert refused.value.code == "training.council_school_minimum"
    # A district's staff cannot override, reason or not.
    with pytest.raises(Forbidden):
        seats.appoint(
            session,
            user=staff,
            council_id=council.id,
            data=_seat(untrained.id, date(2020, 4, 1), "사정이 있음"),
        )
    assert session.exec(select(CouncilSeat)).all() == []
    # Trained by the first day: seated.
    seated = seats.appoint(
        session, user=staff, council_id=council.id, data=_seat(late.id, date(2020, 5, 1))
    )
    assert seated.seat.person_id == late.id


def test_city_admin_override_needs_a_reason_and_is_audited(session: Session) -> None:
    admin = make_user(session, role=Role.city_admin)
    council = make_council(session)
    person = make_person(session)
    with pytest.raises(InvalidInput):
        seats.appoint(
            session, user=admin, council_id=council.id, data=_seat(person.id, date(2020, 4, 1), " ")
        )
    reason = "2019년 타 자치구 주민자치학교 이수, 증빙 제출"
    result = seats.appoint(
        session, user=admin, council_id=council.id, data=_seat(person.id, date(2020, 4, 1), reason)
    )
    assert result.seat.override_reason == reason
    audit = session.exec(select(AuditLog).where(AuditLog.entity == "council_seat")).one()
    assert audit.action == "override_council_school"
    assert reason in (audit.after or "")
    assert audit.actor_user_id == admin.id


def _seat_many(session: Session, council: object, people: list[object], day: date) -> None:
    admin = make_user(session, role=Role.city_admin)
    school = _school(session)
    for person in people:
        complete_program(session, program=school, person=person, on=date(2019, 6, 1))
        seats.appoint(session, user=admin, council_id=council.id, data=_seat(person.id, day))  # type: ignore[attr-defined]


def test_sixty_one_percent_women_is_reported_from_the_day_it_starts(session: Session) -> None:
    council = make_council(session)
    staff = make_user(session)
    women = [make_person(session, gender="F", birth_year=1985) for _ in range(10)]
    men = [make_person(session, gender="M", birth_year=1985) for _ in range(7)]
    _seat_many(session, council, women + men, date(2020, 4, 1))  # 10 of 17: 58.8%
    eleventh = make_person(session, gender="F", birth_year=1985)
    complete_program(session, program=_school(session), person=eleventh, on=date(2019, 6, 1))
    result = seats.appoint(
        session, user=staff, council_id=council.id, data=_seat(eleventh.id, date(2020, 6, 1))
    )
    # 11 of 18 = 61.1%: a warning with the appointment, dated the day it starts.
    assert [(b.rule, b.since, b.gender, b.share_percent) for b in result.breaches] == [
        ("gender_share", date(2020, 6, 1), "F", 61.1)
    ]
    before = views.council_view(session, user=staff, council_id=council.id, as_of=date(2020, 5, 31))
    after = views.council_view(session, user=staff, council_id=council.id, as_of=date(2020, 6, 1))
    assert before.breaches == [] and len(before.members) == 17
    assert [b.rule for b in after.breaches] == ["gender_share"] and len(after.members) == 18
    assert "61.1%" in after.breaches[0].message
    assert [(b.rule, b.since) for b in after.report] == [("gender_share", date(2020, 6, 1))]


def test_fourteen_percent_young_is_reported_from_the_day_it_starts(session: Session) -> None:
    council = make_council(session)
    staff = make_user(session)
    # Born 1971: 49 in 2020, in their 40s (counts); born 1970: 50 (does not).
    young = [make_person(session, gender="F", birth_year=1971)]
    older = [make_person(session, gender=g, birth_year=1970) for g in "FFMMM"]
    _seat_many(session, council, young + older, date(2020, 4, 1))  # 1 of 6: 16.7%
    seventh = make_person(session, gender="F", birth_year=1960)
    complete_program(session, program=_school(session), person=seventh, on=date(2019, 6, 1))
    result = seats.appoint(
        session, user=staff, council_id=council.id, data=_seat(seventh.id, date(2020, 9, 1))
    )
    # 1 of 7 = 14.3%, below 15%; 4 women of 7 = 57%, no gender breach.
    assert [(b.rule, b.since, b.share_percent) for b in result.breaches] == [
        ("young_share", date(2020, 9, 1), 14.3)
    ]
    view = views.council_view(session, user=staff, council_id=council.id, as_of=date(2020, 8, 31))
    assert view.breaches == []
    assert [(b.rule, b.since) for b in view.report] == [("young_share", date(2020, 9, 1))]
