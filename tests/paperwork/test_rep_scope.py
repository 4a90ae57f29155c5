"""A group representative sees only their own groups' applications (and their groups' projects
through the core scope the report and settlement pages use); other paperwork users as staff."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from maeul_db.core.scope import visible_group_projects
from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.kit.pagination import Page
from maeul_db.models import Role
from maeul_db.paperwork import applications, calls
from maeul_db.paperwork.schemas import ApplicationCreate
from tests.builders import DISTRICT_B, make_group, make_project, make_user
from tests.paperwork.helpers import application_data, make_call, make_rep


def test_a_representative_sees_only_their_groups(session: Session) -> None:
    staff = make_user(session)
    mine, theirs = make_group(session), make_group(session)
    rep = make_rep(session, mine)
    other_rep = make_rep(session, theirs)
    call = make_call(session, staff)
    own = applications.create(
        session, user=rep, data=ApplicationCreate.model_validate(application_data(call, mine))
    )
    other = applications.create(
        session,
        user=other_rep,
        data=ApplicationCreate.model_validate(application_data(call, theirs)),
    )
    rows, count = applications.list_(session, user=rep, page=Page(50))
    assert [r.id for r in rows] == [own.id] and count == 1
    with pytest.raises(NotFound):
        applications.get(session, user=rep, application_id=other.id)
    # Applying for a group the account is not linked to is a missing group, not a new row.
    with pytest.raises(NotFound):
        applications.create(
            session, user=rep, data=ApplicationCreate.model_validate(application_data(call, theirs))
        )
    staff_rows, _ = applications.list_(session, user=staff, page=Page(50))
    assert {r.id for r in staff_rows} >= {own.id, other.id}
    # The calls of their groups' district are visible; another district's are not.
    outside = make_user(session, district_code=DISTRICT_B)
    b_call = make_call(session, outside, district_code=DISTRICT_B)
    visible, _ = calls.list_(session, user=rep, page=Page(50))
    assert call.id in {c.id for c in visible} and b_call.id not in {c.id for c in visible}
    # Projects: the group's, not another group's (the scope reports and settlements start from).
    p_mine, p_theirs = (
        make_project(session, group_id=mine.id),
        make_project(session, group_id=theirs.id),
    )
    seen = {p.id for p in session.exec(visible_group_projects(rep)).all()}
    assert p_mine.id in seen and p_theirs.id not in seen


def test_a_representative_enters_details_not_person_numbers(session: Session) -> None:
    staff = make_user(session)
    group = make_group(session)
    rep = make_rep(session, group)
    call = make_call(session, staff)
    data = application_data(call, group)
    data["people"][0] = {"person_id": 1, "role": "lead_proposer"}
    with pytest.raises(InvalidInput):
        applications.create(session, user=rep, data=ApplicationCreate.model_validate(data))


def test_experts_and_analysts_are_refused(session: Session) -> None:
    for role in (Role.analyst,):
        user = make_user(session, role=role)
        with pytest.raises(Forbidden):
            applications.list_(session, user=user, page=Page(10))


def test_the_admin_links_a_representative_to_groups(session: Session) -> None:
    from maeul_db.paperwork import reps

    admin = make_user(session, role=Role.city_admin)
    staff = make_user(session)
    rep = make_user(session, role=Role.group_rep)
    first, second = make_group(session), make_group(session)
    assert reps.link_groups(
        session, user=admin, account_id=rep.id, group_ids=[second.id, first.id, first.id]
    ) == sorted([first.id, second.id])
    assert {g.id for g in reps.linked_groups(session, user=admin, account_id=rep.id)} == {
        first.id,
        second.id,
    }
    seen = {g.id for g in applications.applicant_groups(session, user=rep)}
    assert seen == {first.id, second.id}
    with pytest.raises(InvalidInput):  # only representatives speak for groups
        reps.link_groups(session, user=admin, account_id=staff.id, group_ids=[first.id])
    with pytest.raises(Forbidden):  # only the city admin links
        reps.link_groups(session, user=staff, account_id=rep.id, group_ids=[])
    reps.link_groups(session, user=admin, account_id=rep.id, group_ids=[first.id])
    assert {g.id for g in applications.applicant_groups(session, user=rep)} == {first.id}
