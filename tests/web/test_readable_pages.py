"""Readable pages (issue 14 item 4): people search filters (page and API), group and project
search, group pages listing their projects, dong and a paged member list, masked contact data in
lists. Both databases."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.models import ParticipationRole
from tests.builders import (
    DISTRICT_B,
    DONG_A,
    bearer,
    make_group,
    make_membership,
    make_participation,
    make_person,
    make_project,
    make_user,
)
from tests.web_login import log_in


def _world(session: Session) -> dict[str, int]:
    lead = make_person(session, name="박제안", birth_year=1971, home_dong_code=DONG_A)
    member = make_person(session, name="박회원", birth_year=1971)
    other = make_person(session, name="박다른", birth_year=1988)
    group = make_group(session, name="청운 골목 정원 모임", dong_code=DONG_A)
    make_membership(session, group=group, person=member)
    project = make_project(session, name="2021 골목 화단", year=2021, group_id=group.id)
    make_participation(session, project=project, person=lead, role=ParticipationRole.lead_proposer)
    make_participation(session, project=project, person=other)
    # Another district's lead proposer with the same name start: never found by A's staff.
    b_person = make_person(session, name="박중구", registered_district_code=DISTRICT_B)
    b_project = make_project(session, name="중구 사업", district_code=DISTRICT_B)
    make_participation(
        session, project=b_project, person=b_person, role=ParticipationRole.lead_proposer
    )
    ids = {"lead": lead.id, "member": member.id, "other": other.id, "group": group.id}
    return {k: v for k, v in ids.items() if v is not None} | {"project": project.id or 0}


def _names(rows: list[dict[str, object]]) -> set[object]:
    return {r["name"] for r in rows}


def test_search_people_by_birth_year_dong_group_and_role_through_api(
    client: TestClient, session: Session
) -> None:
    ids = _world(session)
    headers = bearer(client, make_user(session).username)

    def names(**params: object) -> set[object]:
        response = client.get("/api/people", headers=headers, params={"q": "박", **params})
        assert response.status_code == 200, response.text
        return _names(response.json()["data"])

    assert names(birth_year=1971) == {"박제안", "박회원"}
    assert names(dong_code=DONG_A) == {"박제안"}
    assert names(group_id=ids["group"]) == {"박회원"}
    assert names(role="lead_proposer") == {"박제안"}
    assert names(role="lead_proposer", birth_year=1988) == set()
    bad = client.get("/api/people", headers=headers, params={"dong_code": "123"})
    assert bad.status_code == 422


def test_search_people_with_filters_on_the_page(client: TestClient, session: Session) -> None:
    ids = _world(session)
    assert log_in(client, make_user(session).username).status_code == 303
    page = client.get("/people", params={"q": "박", "role": "lead_proposer"}).text
    assert "박제안" in page and "박회원" not in page and "박중구" not in page
    page = client.get("/people", params={"group_id": str(ids["group"])}).text
    assert "박회원" in page and "박제안" not in page
    # Options are offered as words: the group's name and the dongs' names, roles in Korean.
    assert "청운 골목 정원 모임" in page and "청운효자동" in page and "대표제안자" in page
    refused = client.get("/people", params={"birth_year": "천구백"})
    assert refused.status_code == 200 and "입력값을 확인해 주세요" in refused.text


def test_people_list_masks_phone_and_email(client: TestClient, session: Session) -> None:
    make_person(session, name="가면인물", phone="01012345678", email="mask@example.kr")
    assert log_in(client, make_user(session).username).status_code == 303
    page = client.get("/people", params={"q": "가면"}).text
    assert "010-****-5678" in page and "m***@example.kr" in page
    assert "1234" not in page and "mask@" not in page


def test_search_groups_and_projects_by_name(client: TestClient, session: Session) -> None:
    _world(session)
    make_group(session, name="다른 모임")
    staff = make_user(session)
    headers = bearer(client, staff.username)
    groups = client.get("/api/groups", headers=headers, params={"q": "골목정원"}).json()
    assert _names(groups["data"]) == {"청운 골목 정원 모임"}
    projects = client.get("/api/projects", headers=headers, params={"q": "화단"}).json()
    assert _names(projects["data"]) == {"2021 골목 화단"}
    assert client.get("/api/projects", headers=headers, params={"q": "중구"}).json()["count"] == 0
    assert log_in(client, staff.username).status_code == 303
    page = client.get("/groups", params={"q": "정원"}).text
    assert "청운 골목 정원 모임" in page and "다른 모임" not in page
    page = client.get("/projects", params={"q": "화단"}).text
    assert "2021 골목 화단" in page


def test_group_page_lists_projects_dong_and_pages_members(
    client: TestClient, session: Session
) -> None:
    ids = _world(session)
    group = ids["group"]
    from maeul_db.models import Group

    row = session.get(Group, group)
    assert row is not None
    for n in range(55):
        make_membership(
            session,
            group=row,
            person=make_person(session, name=f"회원{n:02d}"),
            valid_from=date(2020, 1, 1),
        )
    assert log_in(client, make_user(session).username).status_code == 303
    page = client.get(f"/groups/{group}").text
    assert "2021 골목 화단" in page and "청운효자동" in page and DONG_A not in page
    assert "56명" in page and "1 / 2 쪽" in page
    second = client.get(f"/groups/{group}", params={"page": 2}).text
    assert "2 / 2 쪽" in second
    first_names = {f"회원{n:02d}" for n in range(55) if f"회원{n:02d}" in page}
    second_names = {f"회원{n:02d}" for n in range(55) if f"회원{n:02d}" in second}
    assert first_names and second_names and not first_names & second_names
    assert len(first_names | second_names) == 55
