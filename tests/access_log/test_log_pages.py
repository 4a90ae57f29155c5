"""Issue 16, item 6: the access log and the audit trail read back — district staff their
district's, the admin all — with filters (person, actor, period, action), paging, Korean labels,
KST times, and the chain check as a button. On both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log_service
from maeul_db.audit import service as audit_service
from maeul_db.audit.filters import LogFilter
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.kit.pagination import Page
from maeul_db.kit.time import frozen_at
from maeul_db.models import AccessLog, Role
from maeul_db.participants import service as participant_service
from maeul_db.participants.schemas import PersonUpdate
from tests.builders import DISTRICT_B, bearer, make_person, make_user
from tests.web_login import log_in

PAGE = Page(limit=50)
# 23:30 UTC on 1 March is 08:30 on 2 March in Seoul: the day filter must use the Seoul day.
LATE_UTC = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
NEXT_WEEK = datetime(2026, 3, 9, 3, 0, tzinfo=UTC)


def _reads(session: Session):  # type: ignore[no-untyped-def]
    staff = make_user(session, username="jongno.a")
    colleague = make_user(session, username="jongno.b")
    outsider = make_user(session, username="junggu.c", district_code=DISTRICT_B)
    p1, p2 = make_person(session), make_person(session)
    assert p1.id is not None and p2.id is not None
    with frozen_at(LATE_UTC):
        participant_service.read(session, user=staff, person_id=p1.id)
    with frozen_at(NEXT_WEEK):
        participant_service.read(session, user=colleague, person_id=p2.id)
        participant_service.list_(session, user=colleague, page=PAGE)
    return staff, outsider, p1, p2


def test_list_access_log_filters_by_person_actor_action_and_seoul_day(session: Session) -> None:
    staff, _, p1, p2 = _reads(session)

    def actions(**kwargs: object) -> list[tuple[str, str]]:
        person = kwargs.pop("person_id", None)
        rows, _ = access_log_service.list_for(
            session,
            user=staff,
            page=PAGE,
            person_id=person,
            filters=LogFilter(**kwargs),  # type: ignore[arg-type]
        )
        return [(r.actor_username, r.action) for r in rows]

    # The colleague's list showed p1 too.
    assert actions(person_id=p1.id) == [("jongno.b", "people.list"), ("jongno.a", "person.read")]
    assert actions(actor="JONGNO.B") == [("jongno.b", "people.list"), ("jongno.b", "person.read")]
    assert actions(action="people.list") == [("jongno.b", "people.list")]
    assert actions(date_from=date(2026, 3, 2), date_to=date(2026, 3, 2)) == [
        ("jongno.a", "person.read")
    ]
    assert actions(date_from=date(2026, 3, 1), date_to=date(2026, 3, 1)) == []
    assert actions(person_id=p2.id, date_to=date(2026, 3, 8)) == []


def test_list_access_log_shows_other_district_staff_nothing_of_district_a(
    session: Session,
) -> None:
    _, outsider, p1, _ = _reads(session)
    rows, count = access_log_service.list_for(session, user=outsider, page=PAGE, person_id=p1.id)
    assert (rows, count) == ([], 0)
    rows, _ = access_log_service.list_for(session, user=outsider, page=PAGE)
    assert all(r.district_code == DISTRICT_B for r in rows)


def test_list_access_log_refuses_a_reversed_period(session: Session) -> None:
    staff = make_user(session)
    reversed_period = LogFilter(date_from=date(2026, 3, 2), date_to=date(2026, 3, 1))
    with pytest.raises(InvalidInput):
        access_log_service.list_for(session, user=staff, page=PAGE, filters=reversed_period)


def test_list_audit_scopes_staff_to_their_district_and_logs_person_rows(
    session: Session,
) -> None:
    staff = make_user(session, username="jongno.a")
    outsider = make_user(session, district_code=DISTRICT_B)
    admin = make_user(session, role=Role.city_admin)
    person = make_person(session)
    assert person.id is not None
    participant_service.update(
        session,
        user=staff,
        person_id=person.id,
        data=PersonUpdate(name="새이름", gender=person.gender, birth_year=1980, reason="change"),
    )
    entries, _ = audit_service.list_for(
        session, user=staff, page=PAGE, filters=LogFilter(actor="jongno.a", action="change")
    )
    assert [(e.row.entity, e.row.entity_id, e.actor_username) for e in entries] == [
        ("person", str(person.id), "jongno.a")
    ]
    # Showing a person's audit rows is a read of their details: logged.
    last = session.exec(select(AccessLog).order_by(col(AccessLog.id).desc())).first()
    assert last is not None and (last.action, last.person_ids) == ("audit.read", f",{person.id},")
    theirs, _ = audit_service.list_for(session, user=outsider, page=PAGE, entity="person")
    assert theirs == []
    # The admin also sees changes with no district (an analyst's account being created).
    analyst = make_user(session, role=Role.analyst)
    every, _ = audit_service.list_for(
        session, user=admin, page=PAGE, entity="user_account", entity_id=str(analyst.id)
    )
    assert [e.row.action for e in every] == ["create"]
    staffs, _ = audit_service.list_for(
        session, user=staff, page=PAGE, entity="user_account", entity_id=str(analyst.id)
    )
    assert staffs == []


@pytest.mark.parametrize("role", [Role.analyst, Role.expert])
def test_list_audit_refused_for_analysts_and_experts(session: Session, role: Role) -> None:
    person_id = make_person(session).id if role == Role.expert else None
    user = make_user(session, role=role, person_id=person_id)
    with pytest.raises(Forbidden):
        audit_service.list_for(session, user=user, page=PAGE)
    with pytest.raises(Forbidden):
        access_log_service.verify(session, user=user)


def test_verify_access_log_answers_district_staff(client: TestClient, session: Session) -> None:
    staff, _, _, _ = _reads(session)
    response = client.get("/api/access-log/verify", headers=bearer(client, staff.username))
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True and body["rows"] >= 3


def test_api_audit_filters_by_period(client: TestClient, session: Session) -> None:
    admin = make_user(session, role=Role.city_admin)
    with frozen_at(LATE_UTC):
        make_user(session, role=Role.analyst, username="made.on.the.2nd")
    headers = bearer(client, admin.username)
    day = client.get(
        "/api/audit", params={"from": "2026-03-02", "to": "2026-03-02"}, headers=headers
    )
    assert day.status_code == 200
    assert [row["after"] for row in day.json()["data"]] == [
        '{"district_code": null, "person_id": null, "role": "analyst", '
        '"username": "made.on.the.2nd"}'
    ]


def test_access_log_page_shows_a_persons_reads_in_kst_with_korean_labels(
    client: TestClient, session: Session
) -> None:
    staff, _, p1, _ = _reads(session)
    assert log_in(client, staff.username).status_code == 303
    page = client.get("/logs/access", params={"person": str(p1.id)})
    assert page.status_code == 200
    assert "2026-03-02 08:30" in page.text and "인물 상세 조회" in page.text
    # p2's own read (by the colleague, a week later) is filtered out; their list showed p1.
    assert "2026-03-09 12:00" in page.text and "총 2건" in page.text
    verify = client.get("/logs/access/verify")
    assert verify.status_code == 200 and 'data-ok="true"' in verify.text


def test_access_log_page_reports_an_unreadable_filter_instead_of_failing(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session)
    assert log_in(client, staff.username).status_code == 303
    page = client.get("/logs/access", params={"person": "kim", "from": "2026-13-01"})
    assert page.status_code == 200
    assert "인물 번호" in page.text and "날짜" in page.text


def test_audit_page_shows_korean_actions_for_district_staff(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session)
    person = make_person(session)
    assert person.id is not None
    participant_service.update(
        session,
        user=staff,
        person_id=person.id,
        data=PersonUpdate(name="새이름", gender=person.gender, birth_year=1980, reason="change"),
    )
    assert log_in(client, staff.username).status_code == 303
    page = client.get("/logs/audit", params={"entity": "person"})
    assert page.status_code == 200
    assert "정보 변경" in page.text and "새이름" in page.text


def test_audit_page_refused_for_analysts(client: TestClient, session: Session) -> None:
    analyst = make_user(session, role=Role.analyst)
    assert log_in(client, analyst.username).status_code == 303
    assert client.get("/logs/audit").status_code == 403
    assert client.get("/logs/access/verify").status_code == 403


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_api_logs_refuse_days_outside_the_window_instead_of_failing(
    client: TestClient, session: Session, day: str
) -> None:
    staff = make_user(session)
    headers = bearer(client, staff.username)
    for path in ("/api/access-log", "/api/audit"):
        response = client.get(path, params={"from": day, "to": day}, headers=headers)
        assert response.status_code == 422, (path, response.text)
        assert response.json()["code"] == "input.period_out_of_range"
