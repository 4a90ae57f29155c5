"""``maeul-db import --sheet --header-row --mapping`` and ``--json`` on a refused file (issue 10),
against a fresh SQLite file (the CLI's own database; the services are tested on both databases)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from openpyxl import Workbook
from typer.testing import CliRunner

from tests.imports.roster import KOREAN_HEADERS, roster_rows
from tests.imports.test_import_cli import _app, cli_db  # noqa: F401  (the fixture)

runner = CliRunner()
# A header the reader cannot guess: "참가 회원" for 성명.
HEADERS = [("참가 회원" if h == "성명" else h) for h in KOREAN_HEADERS]


def _book(path: Path) -> Path:
    """Sheet 1 a cover; sheet 2 a title, a note row, then the headers on row 3."""
    book = Workbook()
    book.active.title = "표지"
    book.active.append(["명단"])
    sheet = book.create_sheet("자료")
    sheet.append(["2024 참여자"])
    sheet.append(["작성 2024. 5. 1."])
    sheet.append(HEADERS)
    for row in roster_rows(5):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    path.write_bytes(out.getvalue())
    return path


def _mapping(path: Path) -> Path:
    path.write_text(
        json.dumps(
            {
                "format": "maeul-db-import-mapping",
                "version": 1,
                "kind": "roster",
                "headers": HEADERS,
                "sheet": "자료",
                "header_row": 3,
                "columns": {"참가 회원": "name"},
                "values": {},
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return path


def test_mapping_file_sheet_and_header_row(cli_db: str, tmp_path: Path) -> None:  # noqa: F811
    book = _book(tmp_path / "명단.xlsx")
    args = ["import", str(book), "--district", "11110", "--json", "--dry-run"]
    refused = runner.invoke(_app(), args)
    assert refused.exit_code == 1
    # Without the mapping 성명 has no column: the refusal is JSON too, naming the column.
    error = json.loads(refused.stdout)["error"]
    assert error["code"] == "import.missing_columns" and "성명" in error["message"]

    mapped = runner.invoke(_app(), [*args, "--mapping", str(_mapping(tmp_path / "m.json"))])
    assert mapped.exit_code == 0, mapped.stdout
    report = json.loads(mapped.stdout)
    assert report["dry_run"] and (report["rows_read"], report["rejected_rows"]) == (5, 0)

    wrong_row = runner.invoke(
        _app(), [*args, "--mapping", str(tmp_path / "m.json"), "--header-row", "1"]
    )
    assert wrong_row.exit_code == 1
    assert json.loads(wrong_row.stdout)["error"]["code"] == "import.missing_columns"

    no_sheet = runner.invoke(_app(), [*args, "--sheet", "없는시트"])
    assert json.loads(no_sheet.stdout)["error"]["code"] == "import.no_such_sheet"


def test_json_when_no_header_is_found(cli_db: str, tmp_path: Path) -> None:  # noqa: F811
    empty = tmp_path / "빈.csv"
    empty.write_text("\n\n", encoding="utf-8")
    result = runner.invoke(_app(), ["import", str(empty), "--district", "11110", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["field"] == "header"

    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    book = _book(tmp_path / "명단.xlsx")
    result = runner.invoke(
        _app(), ["import", str(book), "--district", "11110", "--json", "--mapping", str(bad)]
    )
    assert json.loads(result.stdout)["error"]["code"] == "import.bad_mapping"
