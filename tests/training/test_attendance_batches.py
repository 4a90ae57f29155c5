"""Attendance imports go through the import pipeline: each one is a batch (kind ``attendance``),
listed with the rosters' batches and undone like them; undo removes exactly the batch's rows and
puts back what it overwrote; a refused file leaves the database as it was."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from maeul_db import migrate
from maeul_db.cli import app
from maeul_db.config import get_settings
from maeul_db.core.operator import cli_operator
from maeul_db.db import get_engine
from maeul_db.errors import Conflict, Forbidden
from maeul_db.imports import service as import_service
from maeul_db.imports.undo import undo
from maeul_db.kit.pagination import Page
from maeul_db.models import (
    AuditLog,
    Enrolment,
    ImportBatch,
    ModuleAttendance,
    Role,
    TrainingCompletion,
    TrainingModule,
)
from maeul_db.refdata.service import load_refdata
from maeul_db.training import attendance_import
from tests.builders import DISTRICT_A, make_person, make_program, make_user

HEADERS = ["성명", "출생연도", "연락처", "모듈", "출석시간", "출석일"]


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _run(session: Session, content: bytes, program: Any, **kw: Any) -> Any:
    return attendance_import.run_import(
        session,
        user=cli_operator(),
        content=content,
        filename="출석.csv",
        program_code=program.code,
        district_code=kw.get("district", DISTRICT_A),
        dry_run=False,
    )


def _attendance(session: Session) -> set[tuple[int, int, Decimal, date | None]]:
    return {
        (a.enrolment_id, a.module_id, Decimal(a.hours_attended), a.attended_on)
        for a in session.exec(select(ModuleAttendance)).all()
    }


def _snapshot(session: Session) -> dict[str, Any]:
    session.expire_all()
    return {
        "enrolments": {(e.id, e.person_id, e.enrolled_on) for e in session.exec(select(Enrolment))},
        "attendance": _attendance(session),
        "completions": {
            (c.person_id, c.program_id) for c in session.exec(select(TrainingCompletion))
        },
        "batches": session.exec(select(func.count()).select_from(ImportBatch)).one(),
        "audit": session.exec(select(func.count()).select_from(AuditLog)).one(),
    }


def _module(session: Session, program: Any, sequence: int) -> int:
    module = session.exec(
        select(TrainingModule).where(
            TrainingModule.program_id == program.id, TrainingModule.sequence == sequence
        )
    ).one()
    assert module.id is not None
    return module.id


def test_attendance_batch_listed_and_undo_removes_exactly_its_rows(session: Session) -> None:
    program = make_program(session, hours=(4, 4))
    kim = make_person(session, name="김민지", birth_year=1985)
    park = make_person(session, name="박서연", birth_year=1984)
    # Recorded before the import, by hand: Kim's enrolment and 1 hour of module 1.
    enrolment = Enrolment(
        program_id=program.id, person_id=kim.id, district_code=None, enrolled_on=date(2024, 3, 1)
    )
    session.add(enrolment)
    session.flush()
    assert enrolment.id is not None
    first = _module(session, program, 1)
    session.add(
        ModuleAttendance(
            enrolment_id=enrolment.id,
            module_id=first,
            hours_attended=Decimal(1),
            attended_on=date(2024, 3, 2),
        )
    )
    session.flush()
    before = _snapshot(session)

    report = _run(
        session,
        _csv(
            [
                ["김민지", "1985", "", "모듈1", "4", "2024-03-02"],  # overwrites the 1 hour
                ["김민지", "1985", "", "모듈2", "4", "2024-03-09"],
                ["박서연", "1984", "", "모듈1", "4", "2024-03-02"],
            ]
        ),
        program,
    )
    assert report.batch_id is not None and report.attendance_recorded == 3
    assert (report.enrolments_created, report.completed) == (1, 1)
    rows, _count = import_service.list_batches(session, user=None, page=Page(10, 0))
    listed = {b.id: import_service.batch_public(b) for b in rows}
    assert listed[report.batch_id].kind == "attendance"
    assert listed[report.batch_id].rows_read == 3
    after_import = _snapshot(session)
    assert len(after_import["attendance"]) == 3 and len(after_import["enrolments"]) == 2
    assert after_import["completions"] == {(kim.id, program.id)}

    result = undo(session, user=None, batch_id=report.batch_id)
    assert result.removed["module_attendance"] == 2  # Kim's module 2 and Park's module 1
    assert result.removed["module_attendance_restored"] == 1
    assert result.removed["enrolment"] == 1  # Park's; Kim's existed before
    after_undo = _snapshot(session)
    assert {k: after_undo[k] for k in ("enrolments", "attendance", "completions")} == {
        k: before[k] for k in ("enrolments", "attendance", "completions")
    }
    assert park.id not in {person for _id, person, _on in after_undo["enrolments"]}
    with pytest.raises(Conflict):
        undo(session, user=None, batch_id=report.batch_id)


def test_a_refused_attendance_file_leaves_the_database_as_it_was(session: Session) -> None:
    program = make_program(session, hours=(4,))
    make_person(session, name="김민지", birth_year=1985)
    make_person(session, name="이하늘", birth_year=1990)
    before = _snapshot(session)
    report = _run(
        session,
        _csv(
            [
                ["김민지", "1985", "", "모듈1", "4", "2024-03-02"],
                ["이하늘", "1990", "", "모듈1", "4", "2024-03-02"],
                ["이하늘", "1990", "", "모듈7", "4", "2024-03-02"],  # no such module
            ]
        ),
        program,
    )
    assert (report.rejected_rows, report.batch_id, report.attendance_recorded) == (1, None, 0)
    assert [(r.row, r.column, r.code) for r in report.rejected] == [(4, "모듈", "unknown_module")]
    assert _snapshot(session) == before


def test_staff_cannot_undo_an_attendance_batch(session: Session) -> None:
    program = make_program(session, hours=(4,))
    make_person(session, name="김민지", birth_year=1985)
    report = _run(session, _csv([["김민지", "1985", "", "모듈1", "4", ""]]), program)
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    with pytest.raises(Forbidden):
        undo(session, user=staff, batch_id=report.batch_id)
    admin = make_user(session, role=Role.city_admin)
    assert undo(session, user=admin, batch_id=report.batch_id).removed["module_attendance"] == 1


def test_city_wide_attendance_batch_has_no_district(session: Session) -> None:
    program = make_program(session, hours=(4,))
    make_person(session, name="김민지", birth_year=1985)
    report = _run(session, _csv([["김민지", "1985", "", "모듈1", "4", ""]]), program, district=None)
    batch = session.get(ImportBatch, report.batch_id)
    assert batch is not None and (batch.district_code, batch.kind) == (None, "attendance")
    undo(session, user=None, batch_id=report.batch_id)
    assert (
        session.exec(select(Enrolment).where(col(Enrolment.program_id) == program.id)).all() == []
    )


def test_cli_lists_and_undoes_an_attendance_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refdata_dir: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("MAEUL_DATABASE_URL", url)
    get_settings.cache_clear()
    get_engine.cache_clear()
    runner = CliRunner()
    try:
        migrate.upgrade(url=url)
        with Session(get_engine()) as session:
            load_refdata(session, refdata_dir)
            code = make_program(session, hours=(4,)).code
            make_person(session, name="김민지", birth_year=1985)
            session.commit()
        path = tmp_path / "출석.csv"
        path.write_bytes(_csv([["김민지", "1985", "", "모듈1", "4", "2024-04-01"]]))
        args = ["training", "import", "--program", code, "--district", DISTRICT_A, "--json"]
        done = runner.invoke(app, [*args, str(path)])
        assert done.exit_code == 0, done.output
        batch_id = json.loads(done.stdout)["batch_id"]
        listed = runner.invoke(app, ["import-batches", "list", "--json"])
        assert [(b["id"], b["kind"]) for b in json.loads(listed.stdout)["data"]] == [
            (batch_id, "attendance")
        ]
        undone = runner.invoke(app, ["import-batches", "undo", str(batch_id)])
        assert undone.exit_code == 0, undone.output
        with Session(get_engine()) as session:
            assert session.exec(select(ModuleAttendance)).all() == []
            assert session.exec(select(TrainingCompletion)).all() == []
            assert session.exec(select(Enrolment)).all() == []
    finally:
        get_engine().dispose()
        get_settings.cache_clear()
        get_engine.cache_clear()
