"""Training attendance import: a real CP949 CSV and an xlsx, matching in scope, all-or-nothing."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlmodel import Session, select
from typer.testing import CliRunner

from maeul_db import migrate
from maeul_db.cli import app
from maeul_db.config import get_settings
from maeul_db.core.operator import cli_operator
from maeul_db.db import get_engine
from maeul_db.models import Enrolment, ModuleAttendance, TrainingCompletion
from maeul_db.refdata.service import load_refdata
from maeul_db.training import attendance_import
from tests.builders import DISTRICT_A, DISTRICT_B, make_person, make_program

HEADERS = ["성명", "출생연도", "연락처", "모듈", "출석시간", "출석일"]


def _cp949_csv(rows: list[list[str]], headers: list[str] = HEADERS) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("cp949")


def _xlsx(rows: list[list[Any]], headers: list[str]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _run(
    session: Session,
    content: bytes,
    filename: str,
    program: Any,
    *,
    district: str | None = DISTRICT_A,
    dry_run: bool = False,
) -> Any:
    return attendance_import.run_import(
        session,
        user=cli_operator(),
        content=content,
        filename=filename,
        program_code=program.code,
        district_code=district,
        dry_run=dry_run,
    )


def test_import_cp949_csv_enrols_records_and_completes(session: Session) -> None:
    program = make_program(session, hours=(4, 4, 4))
    full = make_person(session, name="김민지", birth_year=1985, phone="01011112222")
    twin = make_person(session, name="박서연", birth_year=1984, phone="01033334444")
    make_person(session, name="박서연", birth_year=1984, phone="01055556666")
    content = _cp949_csv(
        [
            ["김민지", "1985", "", "모듈1", "4", "2024-03-02"],
            ["김민지", "1985", "", "모듈2", "4", "2024.03.09"],
            ["김민지", "1985", "", "모듈3", "3", "2024-03-16"],
            ["박서연", "1984", "010-3333-4444", "모듈1", "4", "2024-03-02"],
        ]
    )
    report = _run(session, content, "출석부.csv", program)
    assert report.encoding == "cp949"
    assert (report.rows_read, report.rejected_rows, report.people) == (4, 0, 2)
    assert (report.enrolments_created, report.attendance_recorded, report.completed) == (2, 4, 1)
    enrolments = {
        e.person_id: e
        for e in session.exec(select(Enrolment).where(Enrolment.program_id == program.id))
    }
    assert set(enrolments) == {full.id, twin.id}
    assert full.id is not None and enrolments[full.id].enrolled_on == date(2024, 3, 2)
    completion = session.exec(
        select(TrainingCompletion).where(TrainingCompletion.program_id == program.id)
    ).one()
    assert completion.person_id == full.id  # 11 of 12 hours = 92% ≥ 80%
    assert completion.completed_on == date(2024, 3, 16)


def test_import_xlsx_english_headers_module_by_number_existing_enrolment(session: Session) -> None:
    program = make_program(session, hours=(2, 2))
    person = make_person(session, name="이하늘", birth_year=1990)
    first = _xlsx(
        [["이하늘", 1990, None, 1, 2, datetime(2024, 5, 1)]],
        ["name", "birth_year", "phone", "module", "hours", "date"],
    )
    assert _run(session, first, "week1.xlsx", program).enrolments_created == 1
    second = _xlsx(
        [["이하늘", 1990, 2, 2, datetime(2024, 5, 8)]],
        ["name", "birth_year", "module", "hours", "date"],
    )
    report = _run(session, second, "week2.xlsx", program)
    assert (report.file_kind, report.rejected_rows, report.enrolments_created) == ("xlsx", 0, 0)
    assert report.completed == 1
    enrolment = session.exec(select(Enrolment).where(Enrolment.person_id == person.id)).one()
    days = sorted(
        a.attended_on
        for a in session.exec(
            select(ModuleAttendance).where(ModuleAttendance.enrolment_id == enrolment.id)
        )
        if a.attended_on
    )
    assert days == [date(2024, 5, 1), date(2024, 5, 8)]


def test_import_bad_rows_reported_and_nothing_written(session: Session) -> None:
    program = make_program(session, hours=(4, 4))
    make_person(session, name="김민지", birth_year=1985)
    make_person(session, name="박서연", birth_year=1984, phone="01033334444")
    make_person(session, name="박서연", birth_year=1984, phone="01055556666")
    make_person(session, name="최가람", birth_year=1992, registered_district_code=DISTRICT_B)
    content = _cp949_csv(
        [
            ["김민지", "1985", "", "모듈1", "4", "2024-03-02"],  # good, but the file is refused
            ["박서연", "1984", "", "모듈1", "4", ""],  # two in scope, no phone
            ["최가람", "1992", "", "모듈1", "4", ""],  # another district's person
            ["김민지", "1985", "", "모듈9", "4", ""],
            ["김민지", "1985", "", "모듈2", "5", ""],  # more than the module's 4 hours
            ["김민지", "1985", "", "모듈2", "4", "2024-02-30"],
            ["김민지", "19x5", "", "모듈2", "4", ""],
            ["김민지", "1985", "", "모듈1", "2", ""],  # same person and module as row 2
        ]
    )
    report = _run(session, content, "bad.csv", program)
    got = [(r.row, r.column, r.code) for r in report.rejected]
    assert got == [
        (3, "연락처", "ambiguous_person"),
        (4, "성명", "no_person"),
        (5, "모듈", "unknown_module"),
        (6, "출석시간", "bad_hours"),
        (7, "출석일", "bad_date"),
        (8, "출생연도", "bad_year"),
        (9, "모듈", "duplicate"),
    ]
    assert all(r.reason for r in report.rejected)
    assert report.attendance_recorded == 0
    assert session.exec(select(Enrolment).where(Enrolment.program_id == program.id)).all() == []


def test_import_dry_run_writes_nothing_city_scope_matches_other_district(session: Session) -> None:
    program = make_program(session, hours=(4,))
    make_person(session, name="최가람", birth_year=1992, registered_district_code=DISTRICT_B)
    content = _cp949_csv([["최가람", "1992", "", "모듈1", "4", ""]])
    report = _run(session, content, "a.csv", program, district=None, dry_run=True)
    assert (report.rejected_rows, report.people, report.attendance_recorded) == (0, 1, 0)
    assert session.exec(select(Enrolment).where(Enrolment.program_id == program.id)).all() == []
    report = _run(session, content, "a.csv", program, district=None)
    assert (report.attendance_recorded, report.completed) == (1, 1)


def test_import_cli_json_rejects_then_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refdata_dir: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("MAEUL_DATABASE_URL", url)
    get_settings.cache_clear()
    get_engine.cache_clear()
    try:
        migrate.upgrade(url=url)
        with Session(get_engine()) as session:
            load_refdata(session, refdata_dir)
            program = make_program(session, hours=(4,))
            code = program.code
            make_person(session, name="김민지", birth_year=1985)
            session.commit()
        bad = tmp_path / "bad.csv"
        bad.write_bytes(_cp949_csv([["김민지", "1985", "", "모듈1", "9", ""]]))
        args = ["training", "import", "--program", code, "--district", DISTRICT_A, "--json"]
        result = CliRunner().invoke(app, [*args, str(bad)])
        assert result.exit_code == 1
        report = json.loads(result.stdout)
        assert [(r["row"], r["column"]) for r in report["rejected"]] == [(2, "출석시간")]
        good = tmp_path / "good.csv"
        good.write_bytes(_cp949_csv([["김민지", "1985", "", "모듈1", "4", "2024-04-01"]]))
        result = CliRunner().invoke(app, [*args, str(good)])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["completed"] == 1
        with Session(get_engine()) as session:
            assert session.exec(select(TrainingCompletion)).one().completed_on == date(2024, 4, 1)
    finally:
        get_engine().dispose()
        get_settings.cache_clear()
        get_engine.cache_clear()
