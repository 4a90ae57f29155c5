"""The people list and the person page through both doors: one rule (the participants service),
one access-log row per read with the same action name whichever door was used."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.models import AccessLog, Role
from tests.builders import DISTRICT_A, DISTRICT_B, bearer, make_person
from tests.web_login import log_in, user_for

_PERSON_LINK = re.compile(r'href="/people/(\d+)"')


def _log_rows(session: Session, after: int) -> list[AccessLog]:
    return list(
        session.exec(select(AccessLog).where(col(AccessLog.id) > after).order_by(col(AccessLog.id)))
    )


def _last_id(session: Session) -> int:
    return session.exec(select(AccessLog.id).order_by(col(AccessLog.id).desc())).first() or 0


def test_analyst_is_refused_the_people_list_on_both_doors(
    client: TestClient, session: Session
) -> None:
    make_person(session)
    analyst = user_for(session, Role.analyst)
    assert client.get("/api/people", headers=bearer(client, analyst.username)).status_code == 403
    assert log_in(client, analyst.username).status_code == 303
    assert client.get("/people").status_code == 403


@pytest.mark.parametrize("role", list(Role))
def test_web_people_list_and_api_list_agree_for_each_role(
    client: TestClient, session: Session, role: Role
) -> None:
    make_person(session, registered_district_code=DISTRICT_A)
    make_person(session, registered_district_code=DISTRICT_B)
    user = user_for(session, role)
    api = client.get("/api/people?limit=50", headers=bearer(client, user.username))
    assert log_in(client, user.username).status_code == 303
    web = client.get("/people")
    assert api.status_code == web.status_code
    if api.status_code == 200:
        api_ids = {row["id"] for row in api.json()["data"]}
        web_ids = {int(i) for i in _PERSON_LINK.findall(web.text)}
        assert api_ids == web_ids and api_ids, f"{role}: API {api_ids} vs page {web_ids}"


def test_one_read_writes_one_row_with_the_same_action_through_either_door(
    client: TestClient, session: Session
) -> None:
    person = make_person(session)
    staff = user_for(session, Role.district_staff)
    headers = bearer(client, staff.username)
    assert log_in(client, staff.username).status_code == 303
    reads = [
        ("/api/people", "/people", "people.list"),
        (f"/api/people/{person.id}/timeline", f"/people/{person.id}", "timeline.read"),
    ]
    for api_path, page_path, action in reads:
        before = _last_id(session)
        assert client.get(api_path, headers=headers).status_code == 200
        via_api = _log_rows(session, before)
        before = _last_id(session)
        assert client.get(page_path).status_code == 200
        via_page = _log_rows(session, before)
        assert [r.action for r in via_api] == [r.action for r in via_page] == [action]
        assert f",{person.id}," in via_api[0].person_ids
        assert via_api[0].person_ids == via_page[0].person_ids
