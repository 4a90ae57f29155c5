"""``maeul-db councils import FILE --council ID``: the CLI door of the council roster import, and
``import-batches undo`` removing exactly its seats (SQLite file database, as the CLI runs)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import Session, select
from typer.testing import CliRunner

from maeul_db import migrate
from maeul_db.cli import app
from maeul_db.config import get_settings
from maeul_db.db import get_engine
from maeul_db.models import CouncilSeat
from maeul_db.refdata.service import load_refdata
from tests.builders import complete_program, make_council, make_person, make_program


def _xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["주민자치회 명단"])
    sheet.append(["이름", "생년", "성별", "연락처", "역할", "선정방식", "위촉일"])
    sheet.append(["박서연", 1972, "여", "", "부회장", "공모", "2021-04-01"])
    sheet.append(["최하늘", 1995, "여", "", "위원", "추천", "2021-04-01"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_cli_imports_a_council_roster_and_undo_removes_it(
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
            council_id = make_council(session).id
            person = make_person(session, name="박서연", birth_year=1972)
            school = make_program(session, stage="council_school", hours=(3, 3))
            complete_program(session, program=school, person=person, on=date(2021, 3, 1))
            session.commit()
        path = tmp_path / "명단.xlsx"
        path.write_bytes(_xlsx())
        args = ["councils", "import", "--council", str(council_id), "--json", str(path)]
        done = runner.invoke(app, args)
        assert done.exit_code == 0, done.output
        report = json.loads(done.stdout)
        assert (report["seats_created"], report["rejected"][0]["row"]) == (1, 4)
        with Session(get_engine()) as session:
            seat = session.exec(select(CouncilSeat)).one()
            assert (seat.role, seat.chosen_by) == ("vice_chair", "open_call")
        undone = runner.invoke(app, ["import-batches", "undo", str(report["batch_id"])])
        assert undone.exit_code == 0, undone.output
        with Session(get_engine()) as session:
            assert session.exec(select(CouncilSeat)).all() == []
    finally:
        get_engine().dispose()
        get_settings.cache_clear()
        get_engine.cache_clear()
