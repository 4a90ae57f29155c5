"""The request pages end to end over HTTP: a representative files consulting for their group,
staff assign a pool expert, record hours and close it; staff file and accept a training request
and the enrolment shows on the programme page; bad input re-renders the form with a message."""

from __future__ import annotations

import io
import re

import httpx
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlmodel import Session, func, select

from maeul_db.models import Enrolment
from tests.builders import DISTRICT_A, bearer, make_person, make_program, make_user
from tests.support_requests.helpers import group_with_rep, make_pool_expert
from tests.web_login import csrf_token, log_in


def _post(client: TestClient, page: str, url: str, data: dict[str, str]) -> httpx.Response:
    token = csrf_token(client.get(page).text)
    response: httpx.Response = client.post(
        url, data=data | {"csrf_token": token}, follow_redirects=False
    )
    return response


def _sheet(client: TestClient, url: str) -> list[list[object]]:
    response = client.get(url)
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.active is not None
    return [[cell.value for cell in row] for row in book.active.iter_rows()]


def _id(response: httpx.Response) -> int:
    found = re.search(r"/(\d+)\?saved", response.headers["location"])
    assert found, response.headers.get("location")
    return int(found.group(1))


def test_a_representative_asks_and_staff_assign_and_record_hours(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session)
    group, rep, _ = group_with_rep(session)
    expert = make_pool_expert(session, name="전문가가")
    assert log_in(client, rep.username).status_code == 303
    home = client.get("/").text
    assert "/requests/consulting" in home and "/requests/training" in home
    blank = _post(client, "/requests/consulting/new", "/requests/consulting/new",
                  {"group_id": str(group.id), "topic": ""})  # fmt: skip
    assert blank.status_code == 422 and "컨설팅 주제" in blank.text
    sent = _post(client, "/requests/consulting/new", "/requests/consulting/new",
                 {"group_id": str(group.id), "topic": "마을 의제 찾기", "detail": "주민 설문"})  # fmt: skip
    assert sent.status_code == 303
    request_id = _id(sent)
    page = f"/requests/consulting/{request_id}"
    mine = client.get(page).text
    assert "요청" in mine and "expert_person_id" not in mine and 'value="withdrawn"' in mine

    staff_client = TestClient(client.app)
    assert log_in(staff_client, staff.username).status_code == 303
    offered = staff_client.get(page).text
    assert f'value="{expert.id}"' in offered and "전문가가" in offered
    assigned = _post(staff_client, page, f"{page}/assign", {"expert_person_id": str(expert.id)})
    assert assigned.status_code == 303
    no_day = _post(staff_client, page, f"{page}/records", {"held_on": "", "hours": "2"})
    assert no_day.status_code == 422
    for day, hours in (("2025-04-03", "2"), ("2025-04-10", "1.5")):
        recorded = _post(staff_client, page, f"{page}/records", {"held_on": day, "hours": hours})
        assert recorded.status_code == 303
    done = _post(staff_client, page, f"{page}/status", {"to": "done"})
    assert done.status_code == 303
    final = client.get(page).text
    assert "완료" in final and "전문가가" in final and "3.5" in final and "2025-04-10" in final

    for who in (client, staff_client):  # the representative's list and the district's
        assert _sheet(who, "/requests/consulting.xlsx") == [
            ["번호", "모임", "주제", "상태"],
            [request_id, group.name, "마을 의제 찾기", "완료"],
        ]
    api = client.get(
        f"/api/requests/consulting/{request_id}", headers=bearer(client, staff.username)
    )
    assert api.status_code == 200 and api.json()["total_hours"] == "3.50"
    assert [e["to_status"] for e in api.json()["events"]] == ["requested", "assigned", "done"]


def test_staff_accept_a_training_request_and_the_enrolment_shows(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session)
    person = make_person(session, name="수강생가")
    program = make_program(session, district_code=DISTRICT_A)
    assert log_in(client, staff.username).status_code == 303
    sent = _post(client, "/requests/training/new", "/requests/training/new",
                 {"program_id": str(program.id), "person": str(person.id)})  # fmt: skip
    assert sent.status_code == 303
    page = f"/requests/training/{_id(sent)}"
    refused = _post(client, page, f"{page}/status", {"to": "refused", "reason": ""})
    assert refused.status_code == 422 and "반려 사유를 적어 주세요" in refused.text
    for _ in range(2):  # a double submit enrols once
        _post(client, page, f"{page}/status", {"to": "accepted"})
    shown = client.get(page).text
    assert "수강 확정" in shown and "수강 등록" in shown
    assert "수강생가" in client.get(f"/training/programs/{program.id}").text
    count = session.exec(select(func.count()).where(Enrolment.program_id == program.id)).one()
    assert count == 1
    listed = client.get("/requests/training").text
    assert "수강생가" in listed and "수강 확정" in listed
    assert _sheet(client, "/requests/training.xlsx?status=accepted")[1:] == [
        [int(page.rsplit("/", 1)[1]), "수강생가", program.name, "수강 확정"]
    ]
    assert _sheet(client, "/requests/training.xlsx?status=refused") == [
        ["번호", "신청인", "교육과정", "상태"]
    ]


def test_the_expert_sees_their_consulting_hours_on_their_own_record(
    client: TestClient, session: Session
) -> None:
    from datetime import date
    from decimal import Decimal

    from maeul_db.models import Role
    from maeul_db.support_requests import consulting
    from maeul_db.support_requests.schemas import Assignment, ConsultingRecordIn
    from tests.support_requests.helpers import consulting_request

    staff = make_user(session)
    group, rep, _ = group_with_rep(session)
    expert = make_pool_expert(session)
    account = make_user(session, role=Role.expert, district_code=None, person_id=expert.id)
    request = consulting_request(session, rep, group)
    consulting.assign(
        session, user=staff, request_id=request.id, data=Assignment(expert_person_id=expert.id)
    )
    for day in (date(2025, 6, 2), date(2025, 6, 9)):
        consulting.record(
            session, user=staff, request_id=request.id,
            data=ConsultingRecordIn(held_on=day, hours=Decimal("1.5")),
        )  # fmt: skip
    assert log_in(client, account.username).status_code == 303
    page = client.get("/me/record").text
    assert "컨설팅 2회, 모두 3시간" in page and group.name in page and "2025-06-09" in page
