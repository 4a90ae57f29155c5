"""Group members are personal data: listing them writes one access-log row through the API and
through the group page alike, and users who do not log facts are refused by the service."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.errors import Forbidden
from maeul_db.groups import service as group_service
from maeul_db.kit.pagination import Page
from maeul_db.models import AccessLog, Role
from tests.builders import bearer, make_group, make_membership, make_person
from tests.web_login import log_in, user_for


def _new_rows(session: Session, after: int) -> list[AccessLog]:
    return list(session.exec(select(AccessLog).where(col(AccessLog.id) > after)))


def _last_id(session: Session) -> int:
    return session.exec(select(AccessLog.id).order_by(col(AccessLog.id).desc())).first() or 0


def test_group_members_are_logged_once_through_either_door(
    client: TestClient, session: Session
) -> None:
    group = make_group(session)
    members = [make_person(session), make_person(session)]
    for person in members:
        make_membership(session, group=group, person=person)
    expected = "," + ",".join(str(p.id) for p in sorted(members, key=lambda p: p.id or 0)) + ","
    staff = user_for(session, Role.district_staff)

    before = _last_id(session)
    api = client.get(f"/api/groups/{group.id}/members", headers=bearer(client, staff.username))
    assert api.status_code == 200 and len(api.json()) == 2
    rows = _new_rows(session, before)
    assert [(r.action, r.person_ids) for r in rows] == [("group.members", expected)]

    assert log_in(client, staff.username).status_code == 303
    before = _last_id(session)
    assert client.get(f"/groups/{group.id}").status_code == 200
    rows = _new_rows(session, before)
    assert [(r.action, r.person_ids) for r in rows] == [("group.members", expected)]


@pytest.mark.parametrize("role", [Role.analyst, Role.expert])
def test_group_reads_refuse_users_who_do_not_log_facts(session: Session, role: Role) -> None:
    group = make_group(session)
    user = user_for(session, role)
    assert group.id is not None
    with pytest.raises(Forbidden):
        group_service.list_(session, user=user, page=Page())
    with pytest.raises(Forbidden):
        group_service.get(session, user=user, group_id=group.id)
