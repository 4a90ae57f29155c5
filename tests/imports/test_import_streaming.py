"""Strict mode checks in a stream (``imports.stream``): a large file's bad row near the end is
refused with its row, column and reason and nothing is written; a large good file is read twice
and written whole. The hold limit is lowered so a file of a few thousand rows takes the large-file
path (a million-row run is in ``scripts/bench_import.py``, docs/benchmarks.md)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from maeul_db.imports import chunked, service, stream
from maeul_db.imports.undo import undo
from maeul_db.models import GroupMembership, ImportBatch, Participation, Person
from maeul_db.wording import message
from tests.builders import DISTRICT_A
from tests.imports.roster import COL, csv_bytes, roster_rows

ROWS = 3_000
COUNTED = (Person, Participation, GroupMembership, ImportBatch)


def _counts(session: Session) -> dict[str, int]:
    return {
        m.__name__: int(session.exec(select(func.count()).select_from(m)).one()) for m in COUNTED
    }


@pytest.fixture(autouse=True)
def _small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "HOLD_ROWS", 500)
    monkeypatch.setattr(stream, "REJECTED_KEPT", 5)


def _run(session: Session, rows: list[list[str]], **kwargs: Any) -> service.ImportOutcome:
    return service.run_import(
        session,
        content=csv_bytes(rows),
        filename="큰명단.csv",
        district_code=DISTRICT_A,
        actor=None,
        **kwargs,
    )


def test_bad_row_near_the_end_refuses_the_file_and_writes_nothing(session: Session) -> None:
    rows = roster_rows(ROWS)
    rows[ROWS - 3][COL["birth_year"]] = "3000"  # spreadsheet row ROWS - 1 (headers are row 1)
    before = _counts(session)
    seen: list[int] = []
    outcome = _run(session, rows, progress=stream.ImportProgress(seen.append))
    report = outcome.report
    assert (report.rows_read, report.committed, report.rejected_rows) == (ROWS, 0, 1)
    assert report.batch_id is None
    [rejected] = report.rejected
    assert (rejected.row, rejected.column, rejected.code) == (
        ROWS - 1,
        "출생연도",
        "birth_year_range",
    )
    assert "3000" in rejected.reason
    assert _counts(session) == before
    assert seen[-1] == ROWS and seen == sorted(seen) and len(seen) > 2


def test_many_bad_rows_are_counted_and_only_the_first_kept(session: Session) -> None:
    rows = roster_rows(ROWS)
    for i in range(0, ROWS, 100):
        rows[i][COL["gender"]] = "모름"
    outcome = _run(session, rows)
    report = outcome.report
    assert report.rejected_rows == ROWS // 100
    assert [r.row for r in report.rejected] == [2, 102, 202, 302, 402]
    assert message("import.rejected_cut", total=ROWS // 100, kept=5) in report.warnings
    assert report.committed == 0 and report.batch_id is None


def test_a_large_good_file_is_read_again_and_written_whole(session: Session) -> None:
    rows = roster_rows(ROWS)
    before = _counts(session)
    phases: list[str] = []
    progress = stream.ImportProgress(lambda n: None, lambda: phases.append("writing"))
    report = _run(session, rows, progress=progress).report
    assert (report.rows_read, report.committed, report.rejected_rows) == (ROWS, ROWS, 0)
    assert report.batch_id is not None and phases == ["writing"]
    after = _counts(session)
    assert after["Participation"] - before["Participation"] == ROWS
    assert after["ImportBatch"] == before["ImportBatch"] + 1


def _restating(rows: list[list[str]], count: int, project: str) -> list[list[str]]:
    """The first ``count`` rows' people again, in another project (the same exact keys)."""
    again = []
    for row in rows[:count]:
        copy = list(row)
        copy[COL["project"]], copy[COL["group"]] = project, f"{project}모임"
        copy[COL["role"]] = "참여자"
        again.append(copy)
    return again


def test_a_large_good_file_is_planned_and_written_a_chunk_at_a_time(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chunked, "WRITE_ROWS", 400)
    # The last 50 rows name people of the first chunk: matched to them, never created twice.
    rows = roster_rows(ROWS) + _restating(roster_rows(ROWS), 50, "다시사업")
    planned = _run(session, rows, dry_run=True).report  # the whole file planned in memory
    assert planned.created.people == ROWS and planned.created.participations == ROWS + 50
    before = _counts(session)
    seen: list[int] = []
    report = _run(session, rows, progress=stream.ImportProgress(seen.append)).report
    assert report.batch_id is not None and report.rejected_rows == 0
    assert (report.rows_read, report.committed) == (ROWS + 50, ROWS + 50)
    assert report.created == planned.created and report.created.people_linked == 0
    after = _counts(session)
    assert after["Person"] - before["Person"] == ROWS
    assert after["Participation"] - before["Participation"] == ROWS + 50
    assert after["GroupMembership"] - before["GroupMembership"] == ROWS + 50
    assert after["ImportBatch"] == before["ImportBatch"] + 1
    batch = session.get(ImportBatch, report.batch_id)
    assert batch is not None and (batch.rows_read, batch.committed) == (ROWS + 50, ROWS + 50)
    assert service.batch_public(batch).created == planned.created
    undone = undo(session, user=None, batch_id=report.batch_id)
    assert undone.removed["person"] == ROWS
    assert _counts(session) == {**before, "ImportBatch": before["ImportBatch"] + 1}


def test_a_duplicate_found_in_a_later_chunk_writes_nothing(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chunked, "WRITE_ROWS", 400)
    rows = roster_rows(ROWS)
    # The first row's person again in the same project with another role: one fact, two roles.
    restated = list(rows[0])
    restated[COL["role"]] = "참여자"
    before = _counts(session)
    outcome = _run(session, [*rows, restated])
    report = outcome.report
    assert report.batch_id is None and report.committed == 0
    [rejected] = report.rejected
    assert (rejected.row, rejected.column, rejected.code) == (
        ROWS + 2,
        "역할",
        "duplicate_participation",
    )
    assert _counts(session) == before
    assert outcome.rejected_file is not None
    assert "참여자" in outcome.rejected_file.decode("utf-8-sig")
