"""Rosters as districts really keep them (issue 10), each case a file the test writes, imported
through the service on SQLite and PostgreSQL: every valid row is taken, no title or footer becomes a
person, and each truly bad value still gets its row, column and reason."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from sqlmodel import Session, col, select

from maeul_db.imports import service
from maeul_db.models import Participation, ParticipationRole, Person, Project
from tests.builders import DISTRICT_A
from tests.imports.roster import csv_bytes

# An everyday header row: 연번 first, synonyms everywhere, no 사업연도 spelled the format's way.
EVERYDAY = ["연번", "사업연도", "자치구", "동", "사업명", "단계", "모임명", "이름", "성별",
            "생년월일", "휴대폰", "구분", "시작일"]  # fmt: skip


def _person(n: int, **over: Any) -> list[Any]:
    row: dict[str, Any] = {
        "연번": n,
        "사업연도": 2024,
        "자치구": "종로구",
        "동": "청운효자동",
        "사업명": "책모임 사업",
        "단계": "모임형성",
        "모임명": "책 읽는 이웃",
        "이름": f"김하늘{'가나다라마바사아자차'[n % 10]}",
        "성별": "여",
        "생년월일": f"19{60 + n}-03-0{1 + n % 8}",
        "휴대폰": f"010-5555-{1000 + n}",
        "구분": "대표" if n == 1 else "회원",
        "시작일": "2024-03-01",
    }
    row.update(over)
    return [row[h] for h in EVERYDAY]


def _xlsx(sheets: Sequence[tuple[str, Sequence[Sequence[Any]]]], merge: str | None = None) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    if merge:
        book.worksheets[-1].merge_cells(merge)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _run(session: Session, content: bytes, filename: str, **kw: Any) -> service.ImportOutcome:
    kw.setdefault("district_code", DISTRICT_A)
    return service.run_import(session, content=content, filename=filename, actor=None, **kw)


def _names(session: Session) -> set[str]:
    return set(session.exec(select(Person.name)).all())


def test_title_rows_serial_column_and_footer_are_not_people(session: Session) -> None:
    rows = [
        ["2024년 마을공동체 참여자 명단"],  # a title, merged over the width
        [],
        ["작성: 종로구 마을공동체팀", None, None, "작성일 2024. 5. 1."],
        EVERYDAY,
        *[_person(n) for n in range(1, 6)],
        ["합계", None, None, None, None, None, None, "5명"],
        ["※ 개인정보는 사업 목적으로만 사용합니다"],
    ]
    outcome = _run(session, _xlsx([("명단", rows)], merge="A1:M1"), "명단.xlsx", partial=True)
    report = outcome.report
    assert (report.rows_read, report.committed, report.rejected_rows) == (5, 5, 0)
    assert report.created.people == 5
    names = _names(session)
    assert not names & {"합계", "5명", "작성: 종로구 마을공동체팀"}
    # The footer and the note are skipped with a warning naming their rows (10 and 11).
    assert any("10" in w and "합계" in w for w in report.warnings)
    assert any("11" in w for w in report.warnings)


def test_data_on_the_second_sheet(session: Session) -> None:
    guide = [["작성 안내"], ["이름은 한글로 적어 주세요"]]
    data = [["2024 참여자"], EVERYDAY, *[_person(n) for n in range(1, 4)]]
    outcome = _run(session, _xlsx([("안내", guide), ("참여자", data)]), "명단.xlsx")
    assert (outcome.report.rows_read, outcome.report.committed) == (3, 3)
    person = session.exec(select(Person).where(Person.name == "김하늘나")).one()
    # 생년월일 1961-03-02 gives the birth year; 구분 회원 the participant role.
    assert person.birth_year == 1961
    roles = session.exec(select(Participation.role)).all()
    assert sorted(roles) == sorted(
        [
            ParticipationRole.lead_proposer,
            ParticipationRole.participant,
            ParticipationRole.participant,
        ]
    )


def test_korean_dates_full_width_digits_and_spaces(session: Session) -> None:
    rows = [
        _person(1, 시작일="2016. 4. 1.", 사업연도="２０１６"),
        _person(2, 시작일="2016.04.01.", 사업연도="2016"),
        _person(3, 시작일="2016년 4월 1일", 사업연도=" 2016 ", 생년월일="１９７５"),
        _person(4, 시작일="20160401", 사업연도="2016", 휴대폰="０１０－５５５５－１００４"),
    ]
    outcome = _run(session, csv_bytes(rows, headers=EVERYDAY, encoding="cp949"), "명단.csv")
    assert outcome.report.rejected == []
    assert outcome.report.committed == 4
    starts = set(session.exec(select(Participation.valid_from)).all())
    assert starts == {date(2016, 4, 1)}
    people = {p.name: p for p in session.exec(select(Person)).all()}
    assert people["김하늘라"].birth_year == 1975
    assert people["김하늘마"].phone == "01055551004"


def test_numeric_phones_and_date_cells_in_xlsx(session: Session) -> None:
    rows = [
        EVERYDAY,
        # A date cell for 시작일 and for 생년월일, the phone a number (leading 0 lost).
        _person(1, 시작일=datetime(2024, 3, 1), 생년월일=datetime(1980, 5, 17), 휴대폰=1055551001),
        # Excel serial numbers (45352 = 2024-03-01), a Seoul landline that lost its 0.
        _person(2, 시작일=45352, 휴대폰=212345678),
    ]
    outcome = _run(session, _xlsx([("Sheet1", rows)]), "명단.xlsx")
    assert outcome.report.rejected == []
    people = {p.name: p for p in session.exec(select(Person)).all()}
    assert people["김하늘나"].phone == "01055551001"
    assert people["김하늘나"].birth_year == 1980
    assert people["김하늘다"].phone == "0212345678"
    assert set(session.exec(select(Participation.valid_from)).all()) == {date(2024, 3, 1)}


def test_official_dong_names_with_je(session: Session) -> None:
    rows = [_person(1, 동="창신제1동"), _person(2, 동="창신1동"), _person(3, 동="창신 제1동")]
    outcome = _run(session, csv_bytes(rows, headers=EVERYDAY), "명단.csv")
    assert outcome.report.rejected == []
    dongs = set(session.exec(select(Project.dong_code)).all())
    assert dongs == {"1111067000"}


def test_role_and_gender_synonyms(session: Session) -> None:
    rows = [
        _person(1, 구분="대표자", 성별="女"),
        _person(2, 구분="구성원", 성별="남성"),
        _person(3, 구분="회원", 성별="여성"),
    ]
    outcome = _run(session, csv_bytes(rows, headers=EVERYDAY), "명단.csv")
    assert outcome.report.rejected == []
    roles = {
        name: role
        for name, role in session.exec(
            select(Person.name, Participation.role).join(
                Participation, col(Participation.person_id) == col(Person.id)
            )
        ).all()
    }
    assert roles == {
        "김하늘나": ParticipationRole.lead_proposer,
        "김하늘다": ParticipationRole.participant,
        "김하늘라": ParticipationRole.participant,
    }
    genders = dict(session.exec(select(Person.name, Person.gender)).all())
    assert genders == {"김하늘나": "F", "김하늘다": "M", "김하늘라": "F"}


def test_free_text_in_optional_column_keeps_the_row(session: Session) -> None:
    headers = [*EVERYDAY, "사업분야"]
    rows = [
        [*_person(1), "이웃만들기"],
        [*_person(2), "우리 동네 책 읽기"],
        [*_person(3), "마을공동체"],
    ]
    outcome = _run(session, csv_bytes(rows, headers=headers), "명단.csv")
    assert outcome.report.rejected == []
    assert outcome.report.committed == 3
    warned = [w for w in outcome.report.warnings if "사업분야" in w]
    assert len(warned) == 2 and any("이웃만들기" in w and "2행" in w for w in warned)


def test_truly_bad_values_still_name_row_column_and_reason(session: Session) -> None:
    rows = [
        _person(1),
        _person(2, 시작일="2016. 13. 1."),  # no such month
        _person(3, 생년월일="800101-1234567"),  # RRN-shaped: refused, not read as a date
        _person(4, 구분="구경꾼"),
        _person(5, 휴대폰="12345"),
    ]
    outcome = _run(session, csv_bytes(rows, headers=EVERYDAY), "명단.csv", partial=True)
    report = outcome.report
    assert report.committed == 1
    found = {(r.row, r.column, r.code) for r in report.rejected}
    assert found == {
        (3, "시작일", "bad_date"),
        (4, "생년월일", "rrn"),
        (5, "구분", "unknown_role"),
        (6, "휴대폰", "bad_phone"),
    }
    assert all(r.reason for r in report.rejected)


def test_a_dong_created_later_names_its_predecessor(session: Session) -> None:
    guro = "11530"
    rows = [_person(1, 자치구="구로구", 동="항동", 사업연도=2015, 시작일="2015-03-01")]
    outcome = _run(session, csv_bytes(rows, headers=EVERYDAY), "명단.csv", district_code=guro)
    [rejected] = outcome.report.rejected
    assert rejected.column == "동"
    assert "2020-01-01" in rejected.reason and "오류2동" in rejected.reason
    assert "2015-03-01" in rejected.reason
