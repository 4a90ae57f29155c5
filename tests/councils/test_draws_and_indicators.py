"""The public lottery re-runs from its seed; the experience share from hand-built histories;
absences flagged from meeting attendance; subcommittees take non-members (both databases)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from maeul_db.councils import draws, indicators, meetings, rules, views
from maeul_db.councils.schemas import (
    ApplicantCreate,
    DrawCreate,
    MeetingCreate,
    SubcommitteeCreate,
    SubcommitteeMemberCreate,
)
from maeul_db.errors import InvalidInput
from maeul_db.models import CouncilDrawResult, DrawOutcome, JobType
from tests.builders import (
    complete_program,
    make_career,
    make_council,
    make_council_seat,
    make_participation,
    make_person,
    make_program,
    make_project,
    make_user,
)

TERM = date(2021, 4, 1)


def _applicants(session: Session, council_id: int) -> tuple[list[int], list[int], int]:
    staff = make_user(session)
    school = make_program(session, stage="council_school", hours=(6,))
    women = [make_person(session, gender="F") for _ in range(6)]
    men = [make_person(session, gender="M") for _ in range(5)]
    untrained = make_person(session, gender="F")
    for person in [*women, *men, untrained]:
        if person is not untrained:
            complete_program(session, program=school, person=person, on=date(2021, 2, 1))
        draws.add_applicant(
            session,
            user=staff,
            council_id=council_id,
            data=ApplicantCreate(person_id=person.id, applied_on=date(2021, 1, 5), term_start=TERM),
        )
    return [p.id for p in women], [p.id for p in men], untrained.id  # type: ignore[misc]


def test_lottery_with_the_same_seed_gives_the_same_winners_and_reserve(session: Session) -> None:
    council = make_council(session)
    staff = make_user(session)
    women, men, untrained = _applicants(session, council.id)
    data = DrawCreate(
        term_start=TERM, drawn_on=date(2021, 3, 2), women_seats=3, men_seats=2, seed="청운-2021"
    )
    first = draws.run_draw(session, user=staff, council_id=council.id, data=data)
    second = draws.run_draw(session, user=staff, council_id=council.id, data=data)
    assert first.id != second.id and first.seed == second.seed == "청운-2021"
    assert [e.person_id for e in first.selected] == [e.person_id for e in second.selected]
    assert [e.person_id for e in first.reserve] == [e.person_id for e in second.reserve]
    # Quotas by gender; the untrained applicant takes no part; everyone else is on the reserve.
    assert sorted(e.gender for e in first.selected) == ["F", "F", "F", "M", "M"]
    drawn = [e.person_id for e in first.selected + first.reserve]
    assert sorted(drawn) == sorted(women + men) and untrained not in drawn
    assert [e.rank for e in first.reserve] == list(range(1, 7))
    assert first.reproduced
    # Anyone can re-run it: the same seed over the same people in another order agrees.
    again = rules.draw(
        [rules.Applicant(e.person_id, e.gender) for e in reversed(first.selected + first.reserve)],
        seed="청운-2021",
        women=3,
        men=2,
    )
    assert again.selected == [e.person_id for e in first.selected]
    assert again.reserve == [e.person_id for e in first.reserve]


def test_a_tampered_draw_no_longer_reproduces(session: Session) -> None:
    council = make_council(session)
    staff = make_user(session)
    _applicants(session, council.id)
    data = DrawCreate(term_start=TERM, drawn_on=date(2021, 3, 2), women_seats=2, men_seats=2)
    draw = draws.run_draw(session, user=staff, council_id=council.id, data=data)
    assert len(draw.seed) == 32 and draw.reproduced
    # Swap the first winner with the first reserve in the stored result.
    rows = {
        r.person_id: r
        for r in session.exec(select(CouncilDrawResult).where(CouncilDrawResult.draw_id == draw.id))
    }
    winner, reserve = rows[draw.selected[0].person_id], rows[draw.reserve[0].person_id]
    winner.outcome, reserve.outcome = DrawOutcome.reserve, DrawOutcome.selected
    session.add_all([winner, reserve])
    session.flush()
    view = views.council_view(session, user=staff, council_id=council.id, as_of=TERM)
    assert view.draws[0].reproduced is False


def test_different_seeds_give_different_orders() -> None:
    pool = [rules.Applicant(i, "F" if i % 2 else "M") for i in range(1, 41)]
    one = rules.draw(pool, seed="a", women=5, men=5)
    two = rules.draw(pool, seed="b", women=5, men=5)
    assert one != two


def test_draw_without_trained_applicants_is_refused(session: Session) -> None:
    council = make_council(session)
    with pytest.raises(InvalidInput):
        draws.run_draw(
            session,
            user=make_user(session),
            council_id=council.id,
            data=DrawCreate(term_start=TERM, drawn_on=TERM, women_seats=1, men_seats=1),
        )


def test_experience_share_from_hand_built_histories(session: Session) -> None:
    council = make_council(session, founded_on=date(2017, 4, 1))
    project = make_project(session)
    before = make_person(session, gender="F")  # project 2018, seat 2020: counts
    after = make_person(session, gender="F")  # seat 2020, first project 2021: does not
    never = make_person(session, gender="M")  # no project: does not
    earlier_seat = make_person(session, gender="M")  # seat 2017, project 2019, seat 2020: no
    next_year = make_person(session, gender="F")  # project 2018, seat only from 2021: not a member
    make_participation(session, project=project, person=before, valid_from=date(2018, 5, 1))
    make_participation(session, project=project, person=after, valid_from=date(2021, 5, 1))
    make_participation(session, project=project, person=earlier_seat, valid_from=date(2019, 5, 1))
    make_participation(session, project=project, person=next_year, valid_from=date(2018, 5, 1))
    for person in (before, after, never):
        make_council_seat(session, council=council, person=person, valid_from=date(2020, 4, 1))
    make_council_seat(session, council=council, person=earlier_seat, valid_from=date(2017, 4, 1))
    make_council_seat(session, council=council, person=next_year, valid_from=date(2021, 4, 1))
    share = indicators.experience_share(session, year=2020, district_code=None)
    assert (share.members, share.experienced, share.share_percent) == (4, 1, 25.0)
    assert share.by_gender == {"F": (2, 1), "M": (2, 0)}
    assert indicators.experience_share(session, year=2020, district_code="11140").members == 0


def test_three_missed_meetings_in_a_row_are_flagged(session: Session) -> None:
    council = make_council(session)
    staff = make_user(session)
    absent, once, steady = (make_person(session) for _ in range(3))
    for person in (absent, once, steady):
        make_council_seat(session, council=council, person=person, valid_from=date(2020, 1, 1))
    came = {1: [once.id, steady.id], 2: [steady.id], 3: [once.id, steady.id], 4: [steady.id]}
    for month, present in came.items():
        meetings.record_meeting(
            session,
            user=staff,
            council_id=council.id,
            data=MeetingCreate(
                held_on=date(2020, month, 10),
                title=f"{month}월 정기회의",
                present_person_ids=present,
            ),
        )
    view = views.council_view(session, user=staff, council_id=council.id, as_of=date(2020, 5, 1))
    assert [(f.person_id, f.since) for f in view.absences] == [(absent.id, date(2020, 3, 10))]
    assert [(m.present, m.absent) for m in view.meetings] == [(2, 1), (1, 2), (2, 1), (1, 2)]


def test_subcommittees_take_residents_who_are_not_members(session: Session) -> None:
    council = make_council(session)
    staff = make_user(session)
    member, resident = make_person(session), make_person(session)
    make_council_seat(session, council=council, person=member, valid_from=date(2020, 1, 1))
    sub = meetings.create_subcommittee(
        session, user=staff, council_id=council.id, data=SubcommitteeCreate(name="환경분과")
    )
    for person in (member, resident):
        meetings.add_subcommittee_member(
            session,
            user=staff,
            council_id=council.id,
            subcommittee_id=sub.id,
            data=SubcommitteeMemberCreate(person_id=person.id, valid_from=date(2020, 2, 1)),
        )
    view = views.council_view(session, user=staff, council_id=council.id, as_of=date(2020, 3, 1))
    assert [(m.person_id, m.council_member) for m in view.subcommittees[0].members] == [
        (member.id, True),
        (resident.id, False),
    ]


def test_the_dong_autonomy_officer_is_the_dongs_career_of_that_type(session: Session) -> None:
    council = make_council(session)
    staff = make_user(session)
    officer = make_person(session, name="지원관한명")
    make_career(
        session,
        person=officer,
        job_type=JobType.dong_autonomy_officer,
        valid_from=date(2020, 1, 1),
        valid_to=date(2021, 1, 1),
    )
    during = views.council_view(session, user=staff, council_id=council.id, as_of=date(2020, 6, 1))
    after = views.council_view(session, user=staff, council_id=council.id, as_of=date(2021, 6, 1))
    assert during.officers == ["지원관한명"] and after.officers == []
