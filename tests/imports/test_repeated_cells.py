"""A file repeats its cells on every row, and the check reads each distinct cell once (issue 10,
slice i10-fast): every row that holds a bad or unknown value must still get its own error or
warning, with its own row number, and a row's errors stay in the columns' order."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from maeul_db.imports import service
from tests.builders import DISTRICT_A
from tests.imports.roster import COL, KOREAN_HEADERS, csv_bytes, roster_rows


def _run(session: Session, rows: list[list[str]], **kwargs: Any) -> service.ImportOutcome:
    return service.run_import(
        session,
        content=csv_bytes(rows),
        filename="roster.csv",
        district_code=DISTRICT_A,
        actor=None,
        **kwargs,
    )


def test_a_row_s_errors_come_in_the_columns_order(session: Session) -> None:
    rows = roster_rows(3)
    bad = rows[1]
    # Spoiled from the last column back, so the order found is not the file's order.
    bad[COL["role"]] = "구경꾼"
    bad[COL["phone"]] = "12-34"
    bad[COL["name"]] = ""
    bad[COL["dong"]] = "없는동"
    bad[COL["year"]] = "1999"
    outcome = _run(session, rows, dry_run=True)
    (rejected,) = outcome.report.rejected
    assert rejected.row == 3
    headers = [KOREAN_HEADERS[COL[key]] for key in ("year", "dong", "name", "phone", "role")]
    assert [e.column for e in rejected.errors] == headers
    assert [e.code for e in rejected.errors][:3] == ["bad_year", "unknown_dong", "required"]
    assert rejected.errors[-1].code == "unknown_role"
    assert rejected.column == headers[0]


def test_a_repeated_bad_cell_refuses_every_row_that_holds_it(session: Session) -> None:
    rows = roster_rows(12)
    for index in (2, 5, 9):
        rows[index][COL["year"]] = "1999"
        rows[index][COL["group"]] = "모임 900101-1234567"
    outcome = _run(session, rows, partial=True)
    report = outcome.report
    assert [r.row for r in report.rejected] == [4, 7, 11]
    for rejected in report.rejected:
        assert [e.code for e in rejected.errors] == ["bad_year", "rrn"]
    reasons = {tuple(e.reason for e in r.errors) for r in report.rejected}
    assert len(reasons) == 1
    assert report.committed == 9
    assert report.created.people == 9


def test_a_repeated_unknown_optional_value_warns_for_every_row(session: Session) -> None:
    rows = roster_rows(6)
    for index in (0, 3, 4):
        rows[index][COL["programme"]] = "무엇인지모를사업"
    outcome = _run(session, rows, dry_run=True)
    report = outcome.report
    assert report.rejected_rows == 0
    assert report.committed == 6
    warned = [w for w in report.warnings if "무엇인지모를사업" in w]
    assert len(warned) == 3
    header = KOREAN_HEADERS[COL["programme"]]
    for number, warning in zip((2, 5, 6), warned, strict=True):
        assert warning.startswith(f"{number}행 {header}: ")
