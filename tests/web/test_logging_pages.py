"""The logging pages: people, groups and memberships, projects and participations, activities and
attendance. Each form: a saved write redirects (303), a refused one re-renders with the entered
values and a Korean message (422), another district's object is a 404 page, anonymous visitors
go to /login, and experts and analysts are refused."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db import wording
from maeul_db.kit.time import format_ko_date
from maeul_db.kit.time import today as seoul_today
from maeul_db.models import (
    AccessLog,
    Activity,
    ActivityKind,
    Attendance,
    Group,
    GroupMembership,
    Participation,
    ParticipationRole,
    Person,
    PersonVersion,
    Project,
    Role,
    UserAccount,
)
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_A,
    DONG_B,
    make_group,
    make_membership,
    make_participation,
    make_person,
    make_project,
    make_user,
)
from tests.web_login import csrf_token, log_in, user_for


def _staff(client: TestClient, session: Session, district: str = DISTRICT_A) -> UserAccount:
    user = make_user(session, district_code=district)
    assert log_in(client, user.username).status_code == 303
    return user


def _post(client: TestClient, path: str, data: dict[str, Any]) -> httpx.Response:
    token = csrf_token(client.get("/").text)
    response: httpx.Response = client.post(
        path, data={**data, "csrf_token": token}, follow_redirects=False
    )
    return response


def _activity(session: Session, **values: Any) -> Activity:
    row = Activity(title="정기모임", kind=ActivityKind.meeting, held_on=date(2019, 5, 1), **values)
    session.add(row)
    session.flush()
    return row


# --- people ------------------------------------------------------------------------------------


def test_new_person_form_offers_only_own_district_dongs(
    client: TestClient, session: Session
) -> None:
    _staff(client, session)
    page = client.get("/people/new")
    assert page.status_code == 200 and "인물 등록" in page.text
    assert DONG_A in page.text and DONG_B not in page.text
    assert 'name="csrf_token"' in page.text


def test_create_person_redirects_to_person_page(client: TestClient, session: Session) -> None:
    _staff(client, session)
    response = _post(
        client,
        "/people/new",
        {
            "name": "홍 길동",
            "gender": "F",
            "birth_year": "1985",
            "phone": "010-2222-3333",
            "email": "",
            "home_dong_code": DONG_A,
        },
    )
    assert response.status_code == 303
    person = session.exec(select(Person).where(Person.name == "홍길동")).one()
    assert response.headers["location"] == f"/people/{person.id}?saved=person"
    assert person.registered_district_code == DISTRICT_A and person.home_dong_code == DONG_A
    assert person.phone == "01022223333" and person.email is None
    shown = client.get(response.headers["location"])
    assert shown.status_code == 200 and "인물을 등록했습니다" in shown.text


def test_create_person_invalid_keeps_input_with_korean_message(
    client: TestClient, session: Session
) -> None:
    _staff(client, session)
    response = _post(
        client,
        "/people/new",
        {"name": "박입력", "gender": "M", "birth_year": "1850", "phone": "010-4444-5555"},
    )
    assert response.status_code == 422
    assert (
        "입력값을 확인해 주세요" in response.text
        and wording.message("form.greater_than_equal", ge=1900) in response.text
    )
    assert 'value="박입력"' in response.text and 'value="1850"' in response.text
    assert 'value="010-4444-5555"' in response.text
    assert 'aria-invalid="true" aria-describedby="birth_year-error"' in response.text
    assert session.exec(select(Person).where(Person.name == "박입력")).first() is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "gender": "F", "birth_year": "1980"}, wording.message("form.missing")),
        ({"name": "최성별", "gender": "", "birth_year": "1980"}, wording.message("form.missing")),
        (
            {"name": "최숫자", "gender": "F", "birth_year": "천구백"},
            wording.message("form.not_a_number"),
        ),
        (
            {"name": "최전화", "gender": "F", "birth_year": "1980", "phone": "12"},
            "전화번호 형식이 아닙니다",
        ),
        (
            {"name": "최번호", "gender": "F", "birth_year": "1980", "phone": "800101-1234567"},
            "주민등록번호 형식의 값은 저장할 수 없습니다",
        ),
        (
            {"name": "최동", "gender": "F", "birth_year": "1980", "home_dong_code": "1100000000"},
            "알 수 없는 행정동 코드",
        ),
    ],
)
def test_create_person_refused_shows_korean_message(
    client: TestClient, session: Session, data: dict[str, str], message: str
) -> None:
    _staff(client, session)
    response = _post(client, "/people/new", data)
    assert response.status_code == 422 and message in response.text


def test_edit_person_correction_keeps_history(client: TestClient, session: Session) -> None:
    person = make_person(session, name="김오타", birth_year=1980)
    _staff(client, session)
    form = client.get(f"/people/{person.id}/edit")
    assert form.status_code == 200 and 'value="김오타"' in form.text
    response = _post(
        client,
        f"/people/{person.id}/edit",
        {
            "name": "김정타",
            "gender": "F",
            "birth_year": "1981",
            "phone": person.phone or "",
            "email": "",
            "home_dong_code": "",
            "reason": "correction",
        },
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/people/{person.id}?saved=person_updated"
    session.refresh(person)
    assert person.name == "김정타" and person.birth_year == 1981 and person.version == 2
    versions = session.exec(select(PersonVersion).where(PersonVersion.person_id == person.id)).all()
    assert [v.reason for v in versions] == ["correction"]


def test_edit_person_invalid_keeps_input(client: TestClient, session: Session) -> None:
    person = make_person(session, name="김그대로")
    _staff(client, session)
    response = _post(
        client,
        f"/people/{person.id}/edit",
        {"name": "김바뀜", "gender": "F", "birth_year": "2100", "reason": "change"},
    )
    assert response.status_code == 422
    assert (
        wording.message("form.less_than_equal", le=2030) in response.text
        and 'value="김바뀜"' in response.text
    )
    session.refresh(person)
    assert person.name == "김그대로"


def test_city_admin_registers_person_in_chosen_district(
    client: TestClient, session: Session
) -> None:
    admin = make_user(session, role=Role.city_admin)
    log_in(client, admin.username)
    assert "자치구 선택" in client.get("/people/new").text
    missing = _post(client, "/people/new", {"name": "정시청", "gender": "F", "birth_year": "1970"})
    assert (
        missing.status_code == 422 and wording.message("person.district_required") in missing.text
    )
    saved = _post(
        client,
        "/people/new",
        {
            "name": "정시청",
            "gender": "F",
            "birth_year": "1970",
            "registered_district_code": DISTRICT_B,
        },
    )
    assert saved.status_code == 303
    person = session.exec(select(Person).where(Person.name == "정시청")).one()
    assert person.registered_district_code == DISTRICT_B


# --- groups ------------------------------------------------------------------------------------


def test_create_group_redirects_to_group_page(client: TestClient, session: Session) -> None:
    _staff(client, session)
    assert client.get("/groups/new").status_code == 200
    response = _post(
        client,
        "/groups/new",
        {
            "name": "청운 책모임",
            "theme": "culture",
            "founded_on": "2020-03-01",
            "dong_code": DONG_A,
        },
    )
    assert response.status_code == 303
    group = session.exec(select(Group).where(Group.name == "청운 책모임")).one()
    assert group.district_code == DISTRICT_A and group.dong_code == DONG_A
    page = client.get(response.headers["location"])
    assert "모임을 등록했습니다" in page.text and "문화예술" in page.text


def test_create_group_invalid_keeps_input(client: TestClient, session: Session) -> None:
    _staff(client, session)
    blank_date = _post(
        client, "/groups/new", {"name": "날짜없는모임", "theme": "care", "founded_on": ""}
    )
    assert blank_date.status_code == 422
    assert (
        wording.message("form.missing") in blank_date.text
        and 'value="날짜없는모임"' in blank_date.text
    )
    other_dong = _post(
        client,
        "/groups/new",
        {"name": "남의동모임", "founded_on": "2020-01-01", "dong_code": DONG_B},
    )
    assert other_dong.status_code == 422
    assert "행정동이 자치구에 속하지 않습니다" in other_dong.text
    assert f'<option value="{DONG_A}"' in other_dong.text
    assert (
        session.exec(
            select(Group).where(col(Group.name).in_(["날짜없는모임", "남의동모임"]))
        ).first()
        is None
    )


def test_groups_list_is_paginated_and_district_scoped(client: TestClient, session: Session) -> None:
    for n in range(51):
        make_group(session, name=f"목록모임{n:02d}")
    make_group(session, name="중구모임", district_code=DISTRICT_B)
    _staff(client, session)
    first = client.get("/groups").text
    assert "총 51개" in first and "1 / 2 쪽" in first and "중구모임" not in first
    assert "목록모임50" in client.get("/groups", params={"page": 2}).text


def test_group_page_shows_members_as_of_date(client: TestClient, session: Session) -> None:
    group = make_group(session)
    past = make_person(session, name="이지난")
    current = make_person(session, name="이지금")
    make_membership(
        session, group=group, person=past, valid_from=date(2019, 1, 1), valid_to=date(2020, 1, 1)
    )
    make_membership(session, group=group, person=current, valid_from=date(2019, 6, 1))
    _staff(client, session)
    today = client.get(f"/groups/{group.id}").text
    assert "이지금" in today and "이지난" not in today
    then = client.get(f"/groups/{group.id}", params={"as_of": "2019-03-01"}).text
    assert "이지난" in then and "이지금" not in then and "2019. 3. 1. 기준 1명" in then
    logged = session.exec(
        select(AccessLog)
        .where(AccessLog.action == "group.members")
        .order_by(col(AccessLog.id).desc())
    ).first()
    assert logged is not None and logged.person_ids == f",{past.id},"


def test_add_member_by_name_then_close(client: TestClient, session: Session) -> None:
    group = make_group(session)
    person = make_person(session, name="윤회원")
    _staff(client, session)
    added = _post(
        client,
        f"/groups/{group.id}/members",
        {"person": "윤회원", "role": "secretary", "valid_from": "2021-01-01"},
    )
    assert added.status_code == 303 and added.headers["location"].endswith("?saved=member")
    membership = session.exec(
        select(GroupMembership).where(GroupMembership.group_id == group.id)
    ).one()
    assert membership.person_id == person.id and membership.role == "secretary"
    assert "회원을 추가했습니다" in client.get(added.headers["location"]).text

    early = _post(
        client, f"/groups/{group.id}/members/{membership.id}/close", {"last_day": "2020-12-31"}
    )
    assert early.status_code == 422 and "종료일이 시작일보다 앞섭니다" in early.text
    closed = _post(
        client, f"/groups/{group.id}/members/{membership.id}/close", {"last_day": "2021-12-31"}
    )
    assert closed.status_code == 303
    session.refresh(membership)
    assert membership.valid_to == date(2022, 1, 1)  # 종료일 is the last day; storage is exclusive


def test_add_member_ambiguous_name_offers_choices(client: TestClient, session: Session) -> None:
    group = make_group(session)
    first = make_person(session, name="한동명", birth_year=1970)
    make_person(session, name="한동명", birth_year=1990)
    _staff(client, session)
    response = _post(
        client, f"/groups/{group.id}/members", {"person": "한동명", "valid_from": "2021-01-01"}
    )
    assert response.status_code == 422
    assert (
        wording.message("form.person_ambiguous", count=2) in response.text
        and "1990년생" in response.text
    )
    assert 'value="한동명"' in response.text
    picked = _post(
        client,
        f"/groups/{group.id}/members",
        {"person": "한동명", "person_pick": str(first.id), "valid_from": "2021-01-01"},
    )
    assert picked.status_code == 303
    assert (
        session.exec(
            select(GroupMembership.person_id).where(GroupMembership.group_id == group.id)
        ).one()
        == first.id
    )


def test_add_member_from_other_district_is_refused(client: TestClient, session: Session) -> None:
    group = make_group(session)
    other = make_person(session, name="남구민", registered_district_code=DISTRICT_B)
    _staff(client, session)
    for person in ("남구민", str(other.id)):
        response = _post(
            client, f"/groups/{group.id}/members", {"person": person, "valid_from": "2021-01-01"}
        )
        assert response.status_code == 422
        assert "볼 수 있는 인물 중에 찾는 사람이 없습니다" in response.text
    assert (
        session.exec(select(GroupMembership).where(GroupMembership.group_id == group.id)).first()
        is None
    )


# --- projects ----------------------------------------------------------------------------------


def test_create_project_with_group_redirects(client: TestClient, session: Session) -> None:
    group = make_group(session, name="사업할모임")
    _staff(client, session)
    form = client.get("/projects/new", params={"group_id": group.id}).text
    assert "모임형성" in form and "마을공동체 지원사업" in form and "사업할모임" in form
    assert f'<option value="{group.id}" selected>' in form
    response = _post(
        client,
        "/projects/new",
        {
            "name": "골목 정원",
            "year": "2021",
            "programme": "village_community",
            "stage": "activity_support",
            "group_id": str(group.id),
            "grant_krw": "1000000",
        },
    )
    assert response.status_code == 303
    project = session.exec(select(Project).where(Project.name == "골목 정원")).one()
    assert project.group_id == group.id and project.stage == "activity_support"
    assert project.grant_krw == 1_000_000 and project.district_code == DISTRICT_A
    page = client.get(response.headers["location"]).text
    assert "사업을 등록했습니다" in page and "활동지원" in page and "사업할모임" in page


def test_create_project_invalid_keeps_input(client: TestClient, session: Session) -> None:
    _staff(client, session)
    response = _post(
        client,
        "/projects/new",
        {
            "name": "연도틀린사업",
            "year": "1999",
            "programme": "village_media",
            "stage": "nope",
            "grant_krw": "-5",
        },
    )
    assert response.status_code == 422
    for text in (
        wording.message("form.greater_than_equal", ge=2000),
        wording.message("form.choose_from_list"),
        wording.message("form.greater_than_equal", ge=0),
        'value="연도틀린사업"',
        '<option value="village_media" selected>',
    ):
        assert text in response.text
    assert session.exec(select(Project).where(Project.name == "연도틀린사업")).first() is None


def test_projects_list_filters_by_year(client: TestClient, session: Session) -> None:
    make_project(session, name="이천십구사업", year=2019)
    make_project(session, name="이천이십사업", year=2020)
    make_project(session, name="중구사업", year=2019, district_code=DISTRICT_B)
    _staff(client, session)
    everything = client.get("/projects").text
    assert "총 2건" in everything and "중구사업" not in everything
    only_2019 = client.get("/projects", params={"year": 2019}).text
    assert "이천십구사업" in only_2019 and "이천이십사업" not in only_2019


def test_add_lead_proposer_and_close_participation(client: TestClient, session: Session) -> None:
    project = make_project(session)
    person = make_person(session, name="서대표")
    _staff(client, session)
    assert "대표제안자" in client.get(f"/projects/{project.id}").text
    added = _post(
        client,
        f"/projects/{project.id}/participants",
        {"person": str(person.id), "role": "lead_proposer", "valid_from": "2019-04-01"},
    )
    assert added.status_code == 303
    row = session.exec(select(Participation).where(Participation.project_id == project.id)).one()
    assert row.role == ParticipationRole.lead_proposer and row.person_id == person.id
    page = client.get(f"/projects/{project.id}").text
    assert "참여자를 추가했습니다" not in page and "서대표" in page
    closed = _post(
        client, f"/projects/{project.id}/participants/{row.id}/close", {"last_day": "2019-12-30"}
    )
    assert closed.status_code == 303
    session.refresh(row)
    assert row.valid_to == date(2019, 12, 31)
    assert "서대표" not in client.get(f"/projects/{project.id}").text
    assert "서대표" in client.get(f"/projects/{project.id}", params={"as_of": "2019-06-01"}).text


def test_add_participant_invalid_keeps_input(client: TestClient, session: Session) -> None:
    project = make_project(session)
    make_person(session, name="서날짜")
    _staff(client, session)
    response = _post(
        client,
        f"/projects/{project.id}/participants",
        {"person": "서날짜", "role": "co_proposer", "valid_from": "2019-13-45"},
    )
    assert response.status_code == 422
    assert wording.message("form.bad_date") in response.text
    assert 'value="2019-13-45"' in response.text
    assert '<option value="co_proposer" selected>' in response.text


# --- activities --------------------------------------------------------------------------------


def test_add_project_activity_and_tick_attendance(client: TestClient, session: Session) -> None:
    project = make_project(session)
    present = make_person(session, name="출석자")
    absent = make_person(session, name="결석자")
    for person in (present, absent):
        make_participation(session, project=project, person=person)
    _staff(client, session)
    created = _post(
        client,
        f"/projects/{project.id}/activities",
        {"title": "네트워크 파티", "kind": "network_party", "held_on": "2019-10-05", "hours": "3"},
    )
    assert created.status_code == 303
    activity = session.exec(select(Activity).where(Activity.project_id == project.id)).one()
    assert created.headers["location"] == f"/activities/{activity.id}?saved=activity"
    page = client.get(created.headers["location"]).text
    assert "활동을 등록했습니다" in page and "출석자" in page and "결석자" in page

    none_ticked = _post(client, f"/activities/{activity.id}/attendance", {})
    assert none_ticked.status_code == 422 and wording.message("form.too_short") in none_ticked.text
    ticked = _post(client, f"/activities/{activity.id}/attendance", {"person_ids": str(present.id)})
    assert ticked.status_code == 303
    rows = session.exec(select(Attendance).where(Attendance.activity_id == activity.id)).all()
    assert [r.person_id for r in rows] == [present.id] and rows[0].hours == 3
    assert "네트워크 파티" in client.get(f"/projects/{project.id}").text


def test_add_activity_invalid_keeps_input(client: TestClient, session: Session) -> None:
    group = make_group(session)
    _staff(client, session)
    response = _post(
        client,
        f"/groups/{group.id}/activities",
        {"title": "긴 모임", "kind": "meeting", "held_on": "2021-05-01", "hours": "30"},
    )
    assert response.status_code == 422
    assert (
        wording.message("form.less_than_equal", le=24) in response.text
        and 'value="긴 모임"' in response.text
    )
    assert session.exec(select(Activity).where(Activity.group_id == group.id)).first() is None


def test_group_activity_attendance_offers_members_of_that_day(
    client: TestClient, session: Session
) -> None:
    group = make_group(session)
    member = make_person(session, name="모임회원")
    later = make_person(session, name="나중회원")
    make_membership(session, group=group, person=member, valid_from=date(2019, 1, 1))
    make_membership(session, group=group, person=later, valid_from=date(2020, 1, 1))
    _staff(client, session)
    created = _post(
        client,
        f"/groups/{group.id}/activities",
        {"title": "봄 소풍", "kind": "event", "held_on": "2019-04-20", "hours": "2"},
    )
    assert created.status_code == 303
    page = client.get(created.headers["location"]).text
    assert "모임회원" in page and "나중회원" not in page and "행사" in page


# --- access ------------------------------------------------------------------------------------


def _other_district_objects(session: Session) -> dict[str, Any]:
    person = make_person(session, registered_district_code=DISTRICT_B)
    group = make_group(session, district_code=DISTRICT_B)
    project = make_project(session, district_code=DISTRICT_B)
    membership = make_membership(session, group=group, person=person)
    participation = make_participation(session, project=project, person=person)
    activity = _activity(session, district_code=DISTRICT_B, project_id=project.id)
    return {
        "person": person.id,
        "group": group.id,
        "project": project.id,
        "membership": membership.id,
        "participation": participation.id,
        "activity": activity.id,
    }


OTHER_DISTRICT_GETS = [
    "/people/{person}/edit",
    "/groups/{group}",
    "/projects/{project}",
    "/activities/{activity}",
]
OTHER_DISTRICT_POSTS: list[tuple[str, dict[str, str]]] = [
    ("/people/{person}/edit", {"name": "바꿈", "gender": "F", "birth_year": "1980"}),
    ("/groups/{group}/members", {"person": "{person}", "valid_from": "2021-01-01"}),
    ("/groups/{group}/members/{membership}/close", {"last_day": "2023-12-31"}),
    ("/groups/{group}/activities", {"title": "남의활동", "held_on": "2021-01-01", "hours": "1"}),
    ("/projects/{project}/participants", {"person": "{person}", "valid_from": "2021-01-01"}),
    ("/projects/{project}/participants/{participation}/close", {"last_day": "2023-12-31"}),
    (
        "/projects/{project}/activities",
        {"title": "남의활동", "held_on": "2021-01-01", "hours": "1"},
    ),
    ("/activities/{activity}/attendance", {"person_ids": "{person}"}),
]


@pytest.mark.parametrize("path", OTHER_DISTRICT_GETS)
def test_other_district_object_is_404_page(client: TestClient, session: Session, path: str) -> None:
    ids = _other_district_objects(session)
    _staff(client, session)
    response = client.get(path.format(**ids))
    assert response.status_code == 404 and "찾을 수 없습니다" in response.text


@pytest.mark.parametrize(("path", "data"), OTHER_DISTRICT_POSTS)
def test_other_district_write_is_404_and_changes_nothing(
    client: TestClient, session: Session, path: str, data: dict[str, str]
) -> None:
    ids = _other_district_objects(session)
    _staff(client, session)
    before = _snapshot(session)
    response = _post(client, path.format(**ids), {k: v.format(**ids) for k, v in data.items()})
    assert response.status_code == 404 and "찾을 수 없습니다" in response.text
    session.expire_all()
    assert _snapshot(session) == before


def _snapshot(session: Session) -> tuple[Any, ...]:
    return (
        session.exec(select(Person.name, Person.version).order_by(col(Person.id))).all(),
        session.exec(select(GroupMembership.id, GroupMembership.valid_to)).all(),
        session.exec(select(Participation.id, Participation.valid_to)).all(),
        session.exec(select(Activity.id)).all(),
        session.exec(select(Attendance.person_id)).all(),
    )


PAGES = ["/people/new", "/groups", "/groups/new", "/projects", "/projects/new"]


@pytest.mark.parametrize(
    "path", [*PAGES, "/groups/1", "/projects/1", "/activities/1", "/people/1/edit"]
)
def test_anonymous_is_redirected_to_login(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")


def test_anonymous_post_is_refused(client: TestClient) -> None:
    client.get("/login")
    response = _post(client, "/groups/new", {"name": "익명모임", "founded_on": "2020-01-01"})
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


@pytest.mark.parametrize("role", [Role.analyst, Role.expert])
@pytest.mark.parametrize("path", PAGES)
def test_wrong_role_is_403_page(
    client: TestClient, session: Session, role: Role, path: str
) -> None:
    user = user_for(session, role)
    log_in(client, user.username)
    response = client.get(path)
    assert response.status_code == 403 and "접근 권한이 없습니다" in response.text


@pytest.mark.parametrize("role", [Role.analyst, Role.expert])
def test_wrong_role_cannot_open_or_write_records(
    client: TestClient, session: Session, role: Role
) -> None:
    group = make_group(session)
    user = user_for(session, role)
    log_in(client, user.username)
    assert client.get(f"/groups/{group.id}").status_code == 403
    response = _post(client, "/groups/new", {"name": "권한없는모임", "founded_on": "2020-01-01"})
    assert response.status_code == 403
    assert session.exec(select(Group).where(Group.name == "권한없는모임")).first() is None


def test_nav_offers_groups_and_projects_to_staff_only(client: TestClient, session: Session) -> None:
    _staff(client, session)
    header = client.get("/").text.split("</header>")[0]
    assert 'href="/groups"' in header and 'href="/projects"' in header
    analyst = make_user(session, role=Role.analyst)
    log_in(client, analyst.username)
    header = client.get("/").text.split("</header>")[0]
    assert 'href="/groups"' not in header


def test_unreadable_as_of_falls_back_to_today(client: TestClient, session: Session) -> None:
    group = make_group(session)
    _staff(client, session)
    page = client.get(f"/groups/{group.id}", params={"as_of": "어제"})
    assert page.status_code == 200
    assert f"{format_ko_date(seoul_today())} 기준" in page.text
    tomorrow = seoul_today() + timedelta(days=1)
    shown = client.get(f"/groups/{group.id}", params={"as_of": tomorrow.isoformat()}).text
    assert f"{format_ko_date(tomorrow)} 기준" in shown
