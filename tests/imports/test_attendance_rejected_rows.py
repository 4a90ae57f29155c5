"""The rows an attendance import refused, handed back as a file to fix and import again, on the
surfaces the roster import offers them (issue 10): the wizard's outcome and page, the batch's
download (page and API, logged as ``import.rejected_rows``) and the command line's file, on SQLite
and PostgreSQL. Each downloaded file is read back (openpyxl, csv) row by row."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from maeul_db import migrate
from maeul_db.cli import app
from maeul_db.config import get_settings
from maeul_db.db import get_engine
from maeul_db.imports import service, wizard
from maeul_db.imports.wizard_schemas import WizardChanges
from maeul_db.models import AccessLog, ImportBatch, ModuleAttendance
from maeul_db.refdata.service import load_refdata
from tests.builders import DISTRICT_A, DISTRICT_B, bearer, make_person, make_program, make_user
from tests.conftest import BACKENDS, database_url, drop_database
from tests.imports.test_attendance_wizard import HEADERS, _rows, _world, _xlsx
from tests.web_login import csrf_token, log_in

ERRORS = "오류"  # the errors column the file adds (the catalogue's import.error_column)
# The sheet's data rows start on row 4 (a title row, a blank row, then the headers).
FIRST_DATA_ROW = 4


def _as_text(value: object) -> str:
    return "" if value is None else str(value)


def _expected(report: Any, source: list[list[object]], first_row: int) -> list[list[str]]:
    """Each refused row's cells as they were in the file, then "column: reason" (the report's)."""
    return [
        [*map(_as_text, source[r.row - first_row]), f"{r.column}: {r.reason}"]
        for r in report.rejected
    ]


def _xlsx_rows(content: bytes) -> list[list[str]]:
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return [[_as_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def _stage(session: Session, world: dict[str, Any]) -> int:
    state = wizard.stage_upload(
        session,
        user=world["staff"],
        content=_xlsx(_rows()),
        filename="출석부.xlsx",
        district_code=None,
        kind="attendance",
        program_id=world["program"].id,
    )
    return state.upload_id


def _new_logs(session: Session, after: int) -> list[AccessLog]:
    return list(session.exec(select(AccessLog).where(col(AccessLog.id) > after)))


def _last_log(session: Session) -> int:
    return session.exec(select(AccessLog.id).order_by(col(AccessLog.id).desc())).first() or 0


def test_partial_import_hands_back_and_keeps_the_rejected_rows(session: Session) -> None:
    w = _world(session)
    staff = w["staff"]
    outcome = wizard.commit_upload(session, user=staff, upload_id=_stage(session, w), partial=True)
    report = outcome.report
    assert report.batch_id is not None and (report.committed, report.rejected_rows) == (1, 2)
    # The two refused rows are the file's rows 5 and 6: 9 hours of a 4-hour module, module 특강.
    assert [(r.row, r.column) for r in report.rejected] == [(5, "이수시간"), (6, "강의")]
    assert "4" in report.rejected[0].reason and "특강" in report.rejected[1].reason
    expected = _expected(report, _rows(), FIRST_DATA_ROW)
    assert expected[0][:2] == ["2", "김하나"] and expected[1][:2] == ["3", "이두리"]

    assert outcome.rejected_filename == "출석부_오류.xlsx" and outcome.rejected_file is not None
    assert _xlsx_rows(outcome.rejected_file) == [[*HEADERS, ERRORS], *expected]

    batch = session.get(ImportBatch, report.batch_id)
    assert batch is not None and service.batch_public(batch).has_rejected_file
    before = _last_log(session)
    content, name = service.batch_rejected_file(session, user=staff, batch_id=report.batch_id)
    assert name == "출석부_오류.xlsx"
    assert _xlsx_rows(content) == [[*HEADERS, ERRORS], *expected]
    logs = _new_logs(session, before)
    assert [(r.action, r.actor_username) for r in logs] == [
        ("import.rejected_rows", staff.username)
    ]
    assert logs[0].purpose == f"import batch {report.batch_id}"


def test_strict_refusal_hands_back_the_rows_and_keeps_no_batch(session: Session) -> None:
    w = _world(session)
    outcome = wizard.commit_upload(
        session, user=w["staff"], upload_id=_stage(session, w), partial=False
    )
    assert outcome.report.batch_id is None and outcome.rejected_file is not None
    rows = _xlsx_rows(outcome.rejected_file)
    assert rows == [[*HEADERS, ERRORS], *_expected(outcome.report, _rows(), FIRST_DATA_ROW)]
    assert session.exec(select(ModuleAttendance)).all() == []


def test_a_batch_without_refused_rows_has_no_file(session: Session) -> None:
    w = _world(session)
    state = wizard.update_upload(
        session,
        user=w["staff"],
        upload_id=_stage(session, w),
        changes=WizardChanges(excluded=[5, 6]),
    )
    assert state.report is not None and state.report.rejected_rows == 0
    outcome = wizard.commit_upload(
        session, user=w["staff"], upload_id=state.upload_id, partial=False
    )
    assert outcome.rejected_file is None and outcome.report.batch_id is not None
    batch = session.get(ImportBatch, outcome.report.batch_id)
    assert batch is not None and not service.batch_public(batch).has_rejected_file


def _csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


CSV_HEADERS = ["성명", "출생연도", "차시", "시간"]


def _csv_sheet() -> tuple[bytes, list[list[object]]]:
    rows: list[list[object]] = [
        ["김하나", "1970", "1", "4"],
        ["김하나", "1970", "2", "5시간"],  # more than the module's 4 hours
        ["없는사람", "1999", "1", "2"],  # nobody of that name and year
    ]
    out = io.StringIO(newline="")
    csv.writer(out).writerows([CSV_HEADERS, *rows])
    return out.getvalue().encode("cp949"), rows


def test_api_partial_commit_then_batch_download(client: TestClient, session: Session) -> None:
    w = _world(session)
    headers = bearer(client, w["staff"].username)
    content, source = _csv_sheet()
    started = client.post(
        "/api/imports/uploads",
        headers=headers,
        files={"file": ("출석.csv", content, "text/csv")},
        data={"kind": "attendance", "program_id": str(w["program"].id)},
    )
    assert started.status_code == 201, started.text
    upload_id = started.json()["upload_id"]
    done = client.post(f"/api/imports/uploads/{upload_id}/commit?partial=true", headers=headers)
    assert done.status_code == 201, done.text
    body = done.json()
    assert [(r["row"], r["column"]) for r in body["rejected"]] == [(3, "시간"), (4, "성명")]
    listed = client.get("/api/imports/batches", headers=headers).json()["data"]
    assert [b["has_rejected_file"] for b in listed if b["id"] == body["batch_id"]] == [True]

    before = _last_log(session)
    download = client.get(f"/api/imports/batches/{body['batch_id']}/rejected", headers=headers)
    assert download.status_code == 200
    returned = _csv_rows(download.content)
    assert returned[0] == [*CSV_HEADERS, ERRORS]
    assert returned[1:] == [
        [*map(_as_text, source[r["row"] - 2]), f"{r['column']}: {r['reason']}"]
        for r in body["rejected"]
    ]
    logs = _new_logs(session, before)
    assert [r.action for r in logs] == ["import.rejected_rows"]
    other = bearer(client, make_user(session, district_code=DISTRICT_B).username)
    refused = client.get(f"/api/imports/batches/{body['batch_id']}/rejected", headers=other)
    assert refused.status_code == 404


def test_pages_offer_the_rejected_rows(client: TestClient, session: Session) -> None:
    w = _world(session)
    assert log_in(client, w["staff"].username).status_code == 303
    page = client.get(f"/training/programs/{w['program'].id}")
    token = csrf_token(page.text)
    content = _xlsx(_rows())
    started = client.post(
        "/imports/uploads",
        files={"file": ("출석부.xlsx", content, "application/octet-stream")},
        data={"kind": "attendance", "program_id": str(w["program"].id), "csrf_token": token},
        follow_redirects=False,
    )
    assert started.status_code == 303, started.text
    wizard_url = started.headers["location"]
    # Strict: refused, the wizard page carries the rows inline.
    refused = client.post(f"{wizard_url}/commit", data={"csrf_token": token})
    assert refused.status_code == 422
    assert 'download="출석부_오류.xlsx"' in refused.text
    # Partial: written; the programme page links to the batch's download.
    done = client.post(
        f"{wizard_url}/commit",
        data={"csrf_token": token, "partial": "true"},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    shown = client.get(done.headers["location"])
    link = re.search(r'href="(/imports/batches/(\d+)/rejected)"', shown.text)
    assert link is not None, shown.text
    before = _last_log(session)
    download = client.get(link[1])
    assert download.status_code == 200
    batch = session.get(ImportBatch, int(link[2]))
    assert batch is not None and batch.kind == "attendance"
    assert _xlsx_rows(download.content)[0] == [*HEADERS, ERRORS]
    assert len(_xlsx_rows(download.content)) == 3
    assert [r.action for r in _new_logs(session, before)] == ["import.rejected_rows"]
    listing = client.get("/imports")
    assert f'href="/imports/batches/{batch.id}/rejected"' in listing.text


@pytest.fixture(params=BACKENDS)
def cli_url(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    refdata_dir: Path,
) -> Any:
    """A fresh migrated database of each kind for the command line (it commits for real)."""
    url = database_url(request.param, tmp_path, "attendance_cli")
    monkeypatch.setenv("MAEUL_DATABASE_URL", url)
    get_settings.cache_clear()
    get_engine.cache_clear()
    migrate.upgrade(url=url)
    with Session(get_engine()) as session:
        load_refdata(session, refdata_dir)
        session.commit()
    yield url
    get_engine().dispose()
    get_settings.cache_clear()
    get_engine.cache_clear()
    drop_database(url)


def test_cli_partial_writes_the_rejected_rows_file(cli_url: str, tmp_path: Path) -> None:
    with Session(get_engine()) as session:
        program = make_program(session, hours=(4, 4), district_code=DISTRICT_A)
        make_person(session, name="김하나", birth_year=1970)
        code = program.code
        session.commit()
    content, source = _csv_sheet()
    sheet = tmp_path / "출석.csv"
    sheet.write_bytes(content)
    args = ["training", "import", str(sheet), "--program", code, "--district", DISTRICT_A]

    strict = CliRunner().invoke(app, [*args, "--json"])
    assert strict.exit_code == 1
    refused = json.loads(strict.stdout)
    assert refused["batch_id"] is None and Path(refused["rejected_file"]).name == "출석_오류.csv"

    out = tmp_path / "fix.csv"
    partial = CliRunner().invoke(app, [*args, "--json", "--partial", "--rejected-out", str(out)])
    assert partial.exit_code == 1  # rows were refused, although the good one was written
    report = json.loads(partial.stdout)
    assert report["batch_id"] is not None and report["attendance_recorded"] == 1
    assert report["rejected_file"] == str(out)
    returned = _csv_rows(out.read_bytes())
    assert returned == [
        [*CSV_HEADERS, ERRORS],
        *(
            [*map(_as_text, source[r["row"] - 2]), f"{r['column']}: {r['reason']}"]
            for r in report["rejected"]
        ),
    ]
    assert [(r["row"], r["column"]) for r in report["rejected"]] == [(3, "시간"), (4, "성명")]
    with Session(get_engine()) as session:
        assert len(session.exec(select(ModuleAttendance)).all()) == 1
