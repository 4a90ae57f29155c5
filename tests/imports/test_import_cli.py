"""``maeul-db import`` and ``maeul-db import-batches`` against a fresh SQLite file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from sqlmodel import Session
from typer.testing import CliRunner

from maeul_db import migrate
from maeul_db.config import get_settings
from maeul_db.db import get_engine
from maeul_db.imports.cli import batches_app, import_roster
from maeul_db.refdata.service import load_refdata
from maeul_db.wording import message
from tests.imports.roster import COL, csv_bytes, roster_rows, write

runner = CliRunner()


def _app() -> typer.Typer:
    """The two commands as ``maeul_db.cli`` registers them (kept apart from other domains)."""
    app = typer.Typer()
    app.command("import")(import_roster)
    app.add_typer(batches_app, name="import-batches")
    return app


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refdata_dir: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
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


def test_cli_import_json_partial_reimport_list_and_undo(cli_db: str, tmp_path: Path) -> None:
    app = _app()
    rows = roster_rows(100)
    rows[4][COL["dong"]] = "없는동"
    rows[9][COL["birth_year"]] = "3000"
    path = write(tmp_path / "명단.csv", csv_bytes(rows, encoding="cp949"))

    strict = runner.invoke(app, ["import", str(path), "--district", "11110", "--json"])
    assert strict.exit_code == 1
    report = json.loads(strict.stdout)
    assert (report["rows_read"], report["committed"], report["batch_id"]) == (100, 0, None)
    assert [(r["row"], r["column"]) for r in report["rejected"]] == [
        (6, "행정동"),
        (11, "출생연도"),
    ]

    partial = runner.invoke(
        app, ["import", str(path), "--district", "11110", "--partial", "--json"]
    )
    assert partial.exit_code == 1
    report = json.loads(partial.stdout)
    assert (report["committed"], len(report["rejected"])) == (98, 2)
    rejected_path = Path(report["rejected_file"])
    assert rejected_path.name == "명단_오류.csv" and rejected_path.exists()

    again = runner.invoke(app, ["import", str(path), "--district", "11110", "--partial", "--json"])
    assert json.loads(again.stdout)["created"]["participations"] == 0

    fixed = write(tmp_path / "fixed.csv", csv_bytes(roster_rows(100)))
    ok = runner.invoke(app, ["import", str(fixed), "--district", "11110"])
    assert ok.exit_code == 0, ok.output

    listing = runner.invoke(app, ["import-batches", "list", "--json"])
    batches = json.loads(listing.stdout)["data"]
    assert [b["committed"] for b in batches] == [100, 98, 98]
    undone = runner.invoke(app, ["import-batches", "undo", str(batches[0]["id"])])
    assert undone.exit_code == 0, undone.output
    twice = runner.invoke(app, ["import-batches", "undo", str(batches[0]["id"])])
    assert twice.exit_code == 1 and message("import.already_undone") in twice.output


def test_cli_import_dry_run_and_bad_file(cli_db: str, tmp_path: Path) -> None:
    app = _app()
    path = write(tmp_path / "a.csv", csv_bytes(roster_rows(5)))
    dry = runner.invoke(app, ["import", str(path), "--district", "11110", "--dry-run"])
    assert dry.exit_code == 0 and "dry run" in dry.output
    listing = runner.invoke(app, ["import-batches", "list", "--json"])
    assert json.loads(listing.stdout)["count"] == 0
    bad = write(tmp_path / "a.pdf", b"%PDF")
    result = runner.invoke(app, ["import", str(bad), "--district", "11110"])
    assert result.exit_code == 1 and "지원하지 않는 파일" in result.output
