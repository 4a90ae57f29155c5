"""Council roster import (issue 12 item 5): an xlsx written here, with a title row above the
headers, becomes seats on one council under the page's seat rules; a row without council-school
hours is refused with its row, column and reason; undo removes exactly the batch's seats and
people; another district's staff is refused (both databases)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook
from sqlmodel import Session, select

from maeul_db.councils import meetings, roster_import
from maeul_db.councils.schemas import SubcommitteeCreate
from maeul_db.errors import Forbidden, NotFound
from maeul_db.imports import undo
from maeul_db.models import CouncilSeat, ImportBatch, Person, SubcommitteeMember
from tests.builders import (
    DISTRICT_B,
    bearer,
    complete_program,
    make_council,
    make_council_seat,
    make_person,
    make_program,
    make_user,
)
from tests.web_login import csrf_token, log_in

HEADERS = ["성명", "출생연도", "성별", "휴대폰", "직위", "선출방식", "시작일", "종료일", "분과"]


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2021년 청운효자동 주민자치회 위원 명단"])  # a title row above the headers
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _world(session: Session) -> tuple[object, Person, Person]:
    council = make_council(session)
    school = make_program(session, stage="council_school", hours=(3, 3))
    chair = make_person(session, name="박서연", birth_year=1972, phone="01012345678")
    member = make_person(session, name="이도윤", birth_year=1988, phone=None)
    for person in (chair, member):
        complete_program(session, program=school, person=person, on=date(2021, 3, 1))
    return council, chair, member


def _rows() -> list[list[object]]:
    return [
        ["박서연", 1972, "여", "010-1234-5678", "위원장", "공개모집", "2021-04-01", "", "총무분과"],
        ["이도윤", "1988년", "남성", "", "위원", "추첨", date(2021, 4, 1), "2023-03-31", ""],
        ["최하늘", 1995, "여", "010-9999-0000", "간사", "추천", "2021-04-01", "", ""],
    ]


def test_roster_seats_rows_and_refuses_the_untrained(session: Session) -> None:
    staff = make_user(session)
    council, chair, member = _world(session)
    people_before = len(session.exec(select(Person)).all())
    report = roster_import.run_import(
        session, user=staff, council_id=council.id, content=_xlsx(_rows()), filename="명단.xlsx"
    )
    assert (report.rows_read, report.seats_created, report.rejected_rows) == (3, 2, 1), (
        report.rejected
    )
    refused = report.rejected[0]
    # Title row 1, headers row 2: the third data row is sheet row 5.
    assert (refused.row, refused.column) == (5, "성명")
    assert "6" in refused.reason and "주민자치학교" in refused.reason
    seated = {s.person_id: s for s in session.exec(select(CouncilSeat)).all()}
    assert set(seated) == {chair.id, member.id}  # matched, not duplicated
    assert seated[chair.id].role == "chair" and seated[chair.id].chosen_by == "open_call"
    assert seated[member.id].valid_to == date(2023, 4, 1)  # 종료일 inclusive
    assert seated[member.id].chosen_by == "lottery"
    # The refused row's new person was not left behind.
    assert len(session.exec(select(Person)).all()) == people_before
    batch = session.get(ImportBatch, report.batch_id)
    assert batch is not None and batch.kind == "council_roster"


def test_strict_refuses_the_whole_file(session: Session) -> None:
    staff = make_user(session)
    council, _, _ = _world(session)
    report = roster_import.run_import(
        session,
        user=staff,
        council_id=council.id,
        content=_xlsx(_rows()),
        filename="명단.xlsx",
        strict=True,
    )
    assert report.refused and report.batch_id is None and report.rejected_rows == 1
    assert session.exec(select(CouncilSeat)).all() == []
    assert session.exec(select(ImportBatch)).all() == []


def test_undo_removes_exactly_the_batch(session: Session) -> None:
    staff = make_user(session)
    council, chair, _ = _world(session)
    earlier = make_person(session, name="정우진", birth_year=1960)
    kept = make_council_seat(session, council=council, person=earlier)
    report = roster_import.run_import(
        session, user=staff, council_id=council.id, content=_xlsx(_rows()), filename="a.xlsx"
    )
    assert report.batch_id is not None
    result = undo.undo(session, user=staff, batch_id=report.batch_id)
    assert result.removed["council_seat"] == 2
    assert [s.id for s in session.exec(select(CouncilSeat)).all()] == [kept.id]
    assert session.get(Person, chair.id) is not None  # existed before: untouched


def test_other_district_staff_is_refused(session: Session) -> None:
    outsider = make_user(session, district_code=DISTRICT_B)
    council, _, _ = _world(session)
    with pytest.raises((Forbidden, NotFound)):
        roster_import.run_import(
            session, user=outsider, council_id=council.id, content=_xlsx(_rows()), filename="a"
        )
    assert session.exec(select(CouncilSeat)).all() == []


def test_api_door_imports_and_refuses_other_districts(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    outsider = make_user(session, district_code=DISTRICT_B)
    council, _, _ = _world(session)
    session.commit()
    upload = {"file": ("명단.xlsx", _xlsx(_rows()))}
    url = f"/api/councils/{council.id}/roster"
    refused = client.post(url, files=upload, headers=bearer(client, outsider.username))
    assert refused.status_code in (403, 404)
    answer = client.post(url, files=upload, headers=bearer(client, staff.username))
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert (body["seats_created"], body["rejected"][0]["row"]) == (2, 5)
    strict = client.post(
        url, files=upload, data={"strict": "true"}, headers=bearer(client, staff.username)
    )
    assert strict.status_code == 422 and strict.json()["refused"] is True


def test_page_upload_shows_the_refused_row(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    council, _, _ = _world(session)
    session.commit()
    assert log_in(client, staff.username).status_code == 303
    page = f"/councils/{council.id}"
    token = csrf_token(client.get(page).text)
    answer = client.post(
        f"{page}/roster",
        files={"file": ("명단.xlsx", _xlsx(_rows()))},
        data={"csrf_token": token},
    )
    assert answer.status_code == 200, answer.text[:500]
    assert "3행 중 2명 위촉, 1행 거부" in answer.text
    assert "<td>5</td><td>성명</td>" in answer.text and "주민자치학교" in answer.text


def test_subcommittee_column_seats_people_and_undo_removes_what_it_made(session: Session) -> None:
    """분과: a known subcommittee is reused, a new name is created with a warning, a cell may name
    two; undo removes the seats and the created subcommittee, never the one that was there."""
    staff = make_user(session)
    council, chair, member = _world(session)
    existing = meetings.create_subcommittee(
        session, user=staff, council_id=council.id, data=SubcommitteeCreate(name="환경분과")
    )
    rows = _rows()[:2]
    rows[1][-1] = "환경분과, 복지분과"
    report = roster_import.run_import(
        session, user=staff, council_id=council.id, content=_xlsx(rows), filename="a.xlsx"
    )
    assert report.seats_created == 2 and report.rejected_rows == 0, report.rejected
    assert [w for w in report.warnings if "분과" in w] == [
        "분과 '총무분과'이(가) 없어 새로 만들었습니다",
        "분과 '복지분과'이(가) 없어 새로 만들었습니다",
    ]
    by_name = {s.name: s for s in meetings.subcommittees_of(session, council.id)}
    assert set(by_name) == {"환경분과", "총무분과", "복지분과"}
    assert [m.person_id for m in by_name["총무분과"].members] == [chair.id]
    assert [m.person_id for m in by_name["환경분과"].members] == [member.id]
    assert [m.person_id for m in by_name["복지분과"].members] == [member.id]
    # The member's term ends 2023-03-31 (inclusive): the subcommittee seat ends with it.
    assert by_name["복지분과"].members[0].valid_to == date(2023, 4, 1)
    assert report.batch_id is not None
    result = undo.undo(session, user=staff, batch_id=report.batch_id)
    assert result.removed["council_subcommittee_member"] == 3
    assert result.removed["council_subcommittee"] == 2
    left = meetings.subcommittees_of(session, council.id)
    assert [(s.id, s.members) for s in left] == [(existing.id, [])]
    assert session.exec(select(SubcommitteeMember)).all() == []


def test_an_overlong_subcommittee_name_refuses_its_row_only(session: Session) -> None:
    staff = make_user(session)
    council, chair, _ = _world(session)
    rows = _rows()[:2]
    rows[1][-1] = "가" * 101
    report = roster_import.run_import(
        session, user=staff, council_id=council.id, content=_xlsx(rows), filename="a.xlsx"
    )
    assert (report.seats_created, report.rejected_rows) == (1, 1)
    assert (report.rejected[0].row, report.rejected[0].column) == (4, "분과")
    assert "100" in report.rejected[0].reason
    assert [s.person_id for s in session.exec(select(CouncilSeat)).all()] == [chair.id]
