from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from maeul_db.errors import Conflict, InvalidInput, NotFound
from maeul_db.groups import service as group_service
from maeul_db.groups.schemas import MembershipCreate
from maeul_db.models import ParticipationRole, Role
from maeul_db.projects import service as project_service
from maeul_db.projects.schemas import ParticipationCreate
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    make_group,
    make_person,
    make_project,
    make_user,
)


def test_membership_as_of_follows_the_interval(session: Session) -> None:
    staff = make_user(session, district_code=DISTRICT_A)
    group = make_group(session)
    alice, bora = make_person(session), make_person(session)
    m1 = group_service.add_member(
        session,
        user=staff,
        group_id=group.id,
        data=MembershipCreate(person_id=alice.id, valid_from=date(2019, 1, 1)),
    )
    group_service.add_member(
        session,
        user=staff,
        group_id=group.id,
        data=MembershipCreate(person_id=bora.id, valid_from=date(2020, 6, 1)),
    )
    group_service.close_membership(
        session, user=staff, membership_id=m1.id, valid_to=date(2021, 1, 1)
    )

    def members(on: date) -> list[int]:
        rows = group_service.members_as_of(session, user=staff, group_id=group.id, on=on)
        return [r.person_id for r in rows]

    assert members(date(2018, 12, 31)) == []
    assert members(date(2019, 1, 1)) == [alice.id]  # valid_from is inclusive
    assert members(date(2020, 6, 1)) == [alice.id, bora.id]
    assert members(date(2020, 12, 31)) == [alice.id, bora.id]
    assert members(date(2021, 1, 1)) == [bora.id]  # valid_to is exclusive
    assert m1.valid_to == date(2021, 1, 1)  # ended, not deleted


def test_close_twice_and_backwards_interval_are_refused(session: Session) -> None:
    staff = make_user(session, district_code=DISTRICT_A)
    group, person = make_group(session), make_person(session)
    m = group_service.add_member(
        session,
        user=staff,
        group_id=group.id,
        data=MembershipCreate(person_id=person.id, valid_from=date(2019, 5, 1)),
    )
    with pytest.raises(InvalidInput):
        group_service.close_membership(
            session, user=staff, membership_id=m.id, valid_to=date(2019, 4, 1)
        )
    group_service.close_membership(
        session, user=staff, membership_id=m.id, valid_to=date(2020, 1, 1)
    )
    with pytest.raises(Conflict):
        group_service.close_membership(
            session, user=staff, membership_id=m.id, valid_to=date(2021, 1, 1)
        )


def test_voided_membership_is_kept_but_not_counted(session: Session) -> None:
    staff = make_user(session, district_code=DISTRICT_A)
    group, person = make_group(session), make_person(session)
    m = group_service.add_member(
        session,
        user=staff,
        group_id=group.id,
        data=MembershipCreate(person_id=person.id, valid_from=date(2019, 5, 1)),
    )
    group_service.void_membership(session, user=staff, membership_id=m.id, reason="잘못 입력")
    assert (
        group_service.members_as_of(session, user=staff, group_id=group.id, on=date(2019, 6, 1))
        == []
    )
    assert m.voided_at is not None and m.valid_to is None  # a correction is not an end


def test_participants_and_counts_as_of_with_roles(session: Session) -> None:
    staff = make_user(session, district_code=DISTRICT_A)
    project = make_project(session, year=2019)
    lead, p1, p2 = make_person(session), make_person(session), make_person(session)
    add = project_service.add_participant
    add(
        session,
        user=staff,
        project_id=project.id,
        data=ParticipationCreate(
            person_id=lead.id,
            role=ParticipationRole.lead_proposer,
            valid_from=date(2019, 3, 1),
            valid_to=date(2019, 12, 1),
        ),
    )
    add(
        session,
        user=staff,
        project_id=project.id,
        data=ParticipationCreate(person_id=p1.id, valid_from=date(2019, 3, 1)),
    )
    row = add(
        session,
        user=staff,
        project_id=project.id,
        data=ParticipationCreate(person_id=p2.id, valid_from=date(2019, 7, 1)),
    )
    project_service.close_participation(
        session, user=staff, participation_id=row.id, valid_to=date(2019, 9, 1)
    )

    def count(on: date) -> int:
        return project_service.count_participants_as_of(session, user=staff, on=on)

    assert count(date(2019, 2, 28)) == 0
    assert count(date(2019, 3, 1)) == 2
    assert count(date(2019, 8, 1)) == 3
    assert count(date(2019, 10, 1)) == 2
    assert count(date(2019, 12, 1)) == 1
    leads = project_service.participants_as_of(
        session,
        user=staff,
        project_id=project.id,
        on=date(2019, 4, 1),
        role=ParticipationRole.lead_proposer,
    )
    assert [r.person_id for r in leads] == [lead.id]
    other = make_user(session, district_code=DISTRICT_B)
    assert project_service.count_participants_as_of(session, user=other, on=date(2019, 8, 1)) == 0
    with pytest.raises(NotFound):
        project_service.participants_as_of(
            session, user=other, project_id=project.id, on=date(2019, 8, 1)
        )
    admin = make_user(session, role=Role.city_admin)
    assert (
        project_service.count_participants_as_of(
            session, user=admin, on=date(2019, 8, 1), district_code=DISTRICT_A
        )
        == 3
    )
