"""One group per name in a district and one membership per person and group at any time; a wrong
membership is voided (it never held) apart from ended (it stopped), on the API and the page, and
each is audited and changes the counts as docs/indicators.md says."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from maeul_db.groups import service as group_service
from maeul_db.models import AuditLog, Group, GroupMembership
from tests.builders import (
    DISTRICT_B,
    bearer,
    make_group,
    make_membership,
    make_person,
    make_user,
)
from tests.web_login import csrf_token, log_in


def test_create_group_twice_is_a_conflict_on_api_and_page(
    client: TestClient, session: Session
) -> None:
    existing = make_group(session, name="햇살모임")
    make_group(session, name="햇살모임", district_code=DISTRICT_B)  # another district: allowed
    user = make_user(session)
    api = client.post(
        "/api/groups",
        json={"name": "햇살모임", "founded_on": "2020-01-01"},
        headers=bearer(client, user.username),
    )
    assert api.status_code == 409, api.text
    assert api.json()["code"] == "group.duplicate" and api.json()["existing_id"] == existing.id
    assert log_in(client, user.username).status_code == 303
    page = client.post(
        "/groups/new",
        data={
            "name": "햇살모임",
            "founded_on": "2020-01-01",
            "theme": "other",
            "csrf_token": csrf_token(client.get("/groups/new").text),
        },
        follow_redirects=False,
    )
    assert page.status_code == 422
    assert "같은 이름의 모임" in page.text and f'href="/groups/{existing.id}"' in page.text


def test_database_refuses_a_second_group_of_the_same_name(session: Session) -> None:
    make_group(session, name="달빛모임")
    with pytest.raises(IntegrityError), session.begin_nested():
        make_group(session, name="달빛모임")


def test_add_member_twice_is_a_conflict_naming_the_existing(
    client: TestClient, session: Session
) -> None:
    group, person = make_group(session), make_person(session)
    first = make_membership(session, group=group, person=person)
    headers = bearer(client, make_user(session).username)
    again = client.post(
        f"/api/groups/{group.id}/members",
        json={"person_id": person.id, "valid_from": "2020-01-01", "role": "secretary"},
        headers=headers,
    )
    assert again.status_code == 409, again.text
    assert again.json()["code"] == "membership.duplicate"
    assert again.json()["existing_id"] == first.id


def test_database_refuses_a_second_open_membership(session: Session) -> None:
    group, person = make_group(session), make_person(session)
    make_membership(session, group=group, person=person)
    with pytest.raises(IntegrityError), session.begin_nested():
        make_membership(session, group=group, person=person, valid_from=date(2020, 1, 1))


def test_void_and_end_change_the_member_counts_as_documented(
    client: TestClient, session: Session
) -> None:
    group = make_group(session)
    kept, ended, wrong = (make_person(session) for _ in range(3))
    for person in (kept, ended, wrong):
        make_membership(session, group=group, person=person, valid_from=date(2019, 1, 1))
    memberships = {
        m.person_id: m.id
        for m in session.exec(
            select(GroupMembership).where(GroupMembership.group_id == group.id)
        ).all()
    }
    staff = make_user(session)
    headers = bearer(client, staff.username)
    end = client.post(
        f"/api/groups/memberships/{memberships[ended.id]}/close",
        json={"valid_to": "2020-01-01"},
        headers=headers,
    )
    void = client.post(
        f"/api/groups/memberships/{memberships[wrong.id]}/void",
        json={"reason": "다른 사람을 잘못 입력"},
        headers=headers,
    )
    assert end.status_code == 200 and void.status_code == 200, (end.text, void.text)

    def members(on: date) -> set[int]:
        rows = group_service.members_as_of(session, user=staff, group_id=group.id, on=on)
        return {r.person_id for r in rows}

    # Ended: still a member before the end (history kept); voided: never a member.
    assert members(date(2019, 6, 1)) == {kept.id, ended.id}
    assert members(date(2020, 6, 1)) == {kept.id}
    actions = session.exec(
        select(AuditLog.action).where(AuditLog.entity == "group_membership")
    ).all()
    assert sorted(actions) == ["close", "void"]
    timeline = client.get(f"/api/people/{wrong.id}/timeline", headers=headers)
    assert timeline.status_code == 200 and group.name not in timeline.text


def test_page_voids_a_wrong_membership_with_a_reason(client: TestClient, session: Session) -> None:
    group, person = make_group(session), make_person(session, name="잘못회원")
    membership = make_membership(session, group=group, person=person)
    assert log_in(client, make_user(session).username).status_code == 303
    page = client.get(f"/groups/{group.id}").text
    assert f'id="membership-{membership.id}"' in page and "기록 취소" in page
    token = csrf_token(page)
    url = f"/groups/{group.id}/members/{membership.id}/void"
    blank = client.post(url, data={"reason": "", "csrf_token": token}, follow_redirects=False)
    assert blank.status_code == 422
    done = client.post(
        url, data={"reason": "중복 입력", "csrf_token": token}, follow_redirects=False
    )
    assert done.status_code == 303 and "member_voided" in done.headers["location"]
    session.expire_all()
    row = session.get(GroupMembership, membership.id)
    assert row is not None and row.voided_at is not None and row.void_reason == "중복 입력"
    assert "잘못회원" not in client.get(f"/groups/{group.id}").text


def test_page_changes_a_member_role_into_a_new_interval(
    client: TestClient, session: Session
) -> None:
    group, person = make_group(session), make_person(session)
    membership = make_membership(session, group=group, person=person)
    assert log_in(client, make_user(session).username).status_code == 303
    token = csrf_token(client.get(f"/groups/{group.id}").text)
    done = client.post(
        f"/groups/{group.id}/members/{membership.id}/role",
        data={"role": "representative", "on": "2021-01-01", "csrf_token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    session.expire_all()
    rows = session.exec(
        select(GroupMembership)
        .where(GroupMembership.group_id == group.id)
        .order_by(col(GroupMembership.id))
    ).all()
    assert [(r.role, r.valid_to) for r in rows] == [
        ("member", date(2021, 1, 1)),
        ("representative", None),
    ]
    assert session.exec(select(Group).where(Group.id == group.id)).one()
