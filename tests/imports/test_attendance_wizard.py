"""A training programme's attendance sheet through the import wizard (issue 10), on SQLite and
PostgreSQL, by the service and the API: a sheet with a title row and synonym headers is taken; a
bad cell is refused with its row, column and reason and fixed in the browser; an unknown module is
mapped once; the import is a batch whose undo removes exactly its attendance."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook
from sqlmodel import Session, select

from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.imports import wizard
from maeul_db.imports.undo import undo
from maeul_db.imports.wizard_schemas import WizardChanges
from maeul_db.models import Enrolment, ImportBatch, ImportMapping, ModuleAttendance, Role
from tests.builders import DISTRICT_A, DISTRICT_B, bearer, make_person, make_program, make_user

# None of these is the format's own header: 연번 before, synonyms for every column.
HEADERS = ["연번", "이름", "생년월일", "휴대폰", "강의", "이수시간", "교육일"]


def _rows() -> list[list[object]]:
    return [
        [1, "김하나", "1970. 3. 2.", "010-1111-2222", "모듈1", 4, "2024. 3. 2."],
        [2, "김하나", "1970. 3. 2.", "010-1111-2222", "2차시", 9, "2024. 3. 9."],  # 9 > 4 hours
        [3, "이두리", 1985, "", "특강", 3, "2024-03-02"],  # 특강: mapped to 모듈2 once
        [None, "합계", None, None, None, 16, None],  # a footer, never a person
    ]


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["2024년 마을활동가 기본교육 출석부"])
    sheet.append([])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _world(session: Session) -> dict[str, Any]:
    program = make_program(session, hours=(4, 4), district_code=DISTRICT_A)
    hana = make_person(session, name="김하나", birth_year=1970, phone="01011112222")
    duri = make_person(session, name="이두리", birth_year=1985)
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    return {"program": program, "hana": hana, "duri": duri, "staff": staff}


def _attendance(session: Session) -> set[tuple[int, int, Decimal]]:
    session.expire_all()
    return {
        (a.enrolment_id, a.module_id, Decimal(a.hours_attended))
        for a in session.exec(select(ModuleAttendance)).all()
    }


def test_attendance_sheet_mapped_fixed_imported_and_undone(session: Session) -> None:
    w = _world(session)
    staff, program = w["staff"], w["program"]
    before = _attendance(session)
    state = wizard.stage_upload(
        session,
        user=staff,
        content=_xlsx(_rows()),
        filename="출석부.xlsx",
        district_code=None,
        kind="attendance",
        program_id=program.id,
    )
    assert (state.kind, state.program_id, state.header_row, state.step) == (
        "attendance",
        program.id,
        3,
        "preview",
    )
    assert [c.field for c in state.columns] == [
        None, "name", "birth_year", "phone", "module", "hours", "date"
    ]  # fmt: skip
    assert {(v.field, v.value) for v in state.unknown_values} == {("module", "특강")}
    assert state.report is not None and state.attendance is not None
    assert (state.report.rows_read, state.report.rejected_rows) == (3, 2)
    assert not any("합계" in r.column for r in state.report.rejected)
    errors = {r.row: {c.index: c.error for c in r.cells if c.error} for r in state.rows}
    assert set(errors) == {5, 6}
    assert set(errors[5]) == {5} and "4" in str(errors[5][5])  # 이수시간, at most 4 hours
    assert set(errors[6]) == {4}  # 강의: no module 특강
    rejected = {(r.row, r.column, r.code) for r in state.report.rejected}
    assert rejected == {(5, "이수시간", "bad_hours"), (6, "강의", "unknown_module")}

    state = wizard.update_upload(
        session,
        user=staff,
        upload_id=state.upload_id,
        changes=WizardChanges(values={"module": {"특강": "모듈2"}}, edits={5: {5: "3.5"}}),
    )
    assert state.report is not None and state.report.rejected_rows == 0
    assert state.report.committed == 3 and state.attendance.people == 2  # type: ignore[union-attr]
    # The module mapping is saved for the district's next sheet with these headers.
    saved = session.exec(select(ImportMapping).where(ImportMapping.kind == "attendance")).one()
    assert "특강" in saved.mapping

    outcome = wizard.commit_upload(session, user=staff, upload_id=state.upload_id, partial=False)
    batch_id = outcome.report.batch_id
    assert batch_id is not None and outcome.program_id == program.id
    batch = session.get(ImportBatch, batch_id)
    assert batch is not None and (batch.kind, batch.district_code) == ("attendance", DISTRICT_A)
    hours = {(e_m[2]) for e_m in _attendance(session) - before}
    assert sorted(hours) == [Decimal("3"), Decimal("3.5"), Decimal("4")]

    undone = undo(session, user=staff, batch_id=batch_id)
    assert undone.removed["module_attendance"] == 3
    assert _attendance(session) == before
    assert session.exec(select(Enrolment).where(Enrolment.program_id == program.id)).all() == []


def test_partial_import_takes_the_good_rows_only(session: Session) -> None:
    w = _world(session)
    state = wizard.stage_upload(
        session,
        user=w["staff"],
        content=_xlsx(_rows()),
        filename="출석부.xlsx",
        district_code=None,
        kind="attendance",
        program_id=w["program"].id,
    )
    outcome = wizard.commit_upload(
        session, user=w["staff"], upload_id=state.upload_id, partial=True
    )
    assert (outcome.report.committed, outcome.report.rejected_rows) == (1, 2)
    batch = session.get(ImportBatch, outcome.report.batch_id)
    assert batch is not None and (batch.committed, batch.rejected) == (1, 2)


def test_strict_import_with_a_bad_cell_writes_nothing(session: Session) -> None:
    w = _world(session)
    before = _attendance(session)
    state = wizard.stage_upload(
        session,
        user=w["staff"],
        content=_xlsx(_rows()),
        filename="출석부.xlsx",
        district_code=None,
        kind="attendance",
        program_id=w["program"].id,
    )
    outcome = wizard.commit_upload(
        session, user=w["staff"], upload_id=state.upload_id, partial=False
    )
    assert outcome.report.batch_id is None and outcome.report.rejected_rows == 2
    assert _attendance(session) == before


def test_only_those_who_record_the_programme_upload_its_sheet(session: Session) -> None:
    w = _world(session)
    content = _xlsx(_rows())
    other = make_user(session, role=Role.district_staff, district_code=DISTRICT_B)
    city_programme = make_program(session, hours=(4,))
    analyst = make_user(session, role=Role.analyst)
    for user, program in ((other, w["program"]), (w["staff"], city_programme)):
        with pytest.raises(Forbidden):
            wizard.stage_upload(
                session,
                user=user,
                content=content,
                filename="a.xlsx",
                district_code=None,
                kind="attendance",
                program_id=program.id,
            )
    with pytest.raises(Forbidden):
        wizard.stage_upload(
            session,
            user=analyst,
            content=content,
            filename="a.xlsx",
            district_code=DISTRICT_A,
            kind="attendance",
            program_id=w["program"].id,
        )
    with pytest.raises(InvalidInput):
        wizard.stage_upload(
            session,
            user=w["staff"],
            content=content,
            filename="a.xlsx",
            district_code=None,
            kind="attendance",
        )


def _csv_cp949() -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["교육 출석 명단"])
    writer.writerow(["성명", "출생년도", "차시", "시간", "날짜"])
    writer.writerow(["김하나", "1970", "1", "4시간", "2024-03-02"])
    writer.writerow(["이두리", "1985", "모듈2", "5", "2024-03-09"])
    return out.getvalue().encode("cp949")


def test_api_attendance_wizard_round_trip(client: TestClient, session: Session) -> None:
    w = _world(session)
    headers = bearer(client, w["staff"].username)
    files = {"file": ("출석.csv", _csv_cp949(), "text/csv")}
    data = {"kind": "attendance", "program_id": str(w["program"].id)}
    started = client.post("/api/imports/uploads", headers=headers, files=files, data=data)
    assert started.status_code == 201, started.text
    body = started.json()
    assert (body["kind"], body["header_row"], body["report"]["rejected_rows"]) == (
        "attendance",
        2,
        1,
    )
    assert body["report"]["rejected"][0]["row"] == 4
    assert body["report"]["rejected"][0]["column"] == "시간"
    assert body["report"]["rejected"][0]["reason"]
    upload_id = body["upload_id"]
    refused = client.post(f"/api/imports/uploads/{upload_id}/commit", headers=headers)
    assert refused.status_code == 422 and refused.json()["batch_id"] is None
    fixed = client.patch(
        f"/api/imports/uploads/{upload_id}", headers=headers, json={"edits": {"4": {"3": "4"}}}
    )
    assert fixed.status_code == 200 and fixed.json()["report"]["rejected_rows"] == 0
    committed = client.post(f"/api/imports/uploads/{upload_id}/commit", headers=headers)
    assert committed.status_code == 201, committed.text
    batch_id = committed.json()["batch_id"]
    assert len(_attendance(session)) == 2
    other = bearer(client, make_user(session, district_code=DISTRICT_B).username)
    assert client.post(f"/api/imports/batches/{batch_id}/undo", headers=other).status_code == 404
    undone = client.post(f"/api/imports/batches/{batch_id}/undo", headers=headers)
    assert undone.status_code == 200 and undone.json()["removed"]["module_attendance"] == 2
    assert _attendance(session) == set()
    bad_kind = client.post(
        "/api/imports/uploads",
        headers=headers,
        files={"file": ("출석.csv", _csv_cp949(), "text/csv")},
        data={"kind": "budget"},
    )
    assert bad_kind.status_code == 422
