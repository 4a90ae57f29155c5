"""A large good file's strict import, planned and written per chunk of rows (issue 10).

Strict mode checks a large file in a stream (``imports.stream``) and keeps no row. When every row
was good, the file used to be read again, every row validated, keyed and planned in memory, then
written: gigabytes for a million rows. Here the file is read again and each chunk of
``WRITE_ROWS`` valid rows is planned (``plan.plan_rows``) and written (``write.apply``) before the
next is read, all inside the one transaction and one batch, so strict still means all or nothing
and undo removes the batch as a whole.

A chunk's plan sees what the earlier chunks wrote (the same transaction), so a person, group or
project of an earlier chunk is matched, never created twice. Two differences from planning the
whole file at once, both on files above ``stream.HOLD_ROWS`` rows only: a group created by an
earlier chunk keeps the founding date of its first chunk's rows, and a fact restated with another
role in a later chunk is refused naming the stored record (``duplicate_participation``) rather
than the earlier row. A refused duplicate undoes every chunk (a savepoint) and nothing is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import TYPE_CHECKING

from sqlmodel import Session

from maeul_db.audit import service as audit
from maeul_db.identity.keys import KeyMaker
from maeul_db.imports import files
from maeul_db.imports.batches import open_batch, stored
from maeul_db.imports.cell_checks import RowError
from maeul_db.imports.lookups import Lookups
from maeul_db.imports.parse import ParsedFile, RawRow, header_for
from maeul_db.imports.plan import Counts, plan_rows
from maeul_db.imports.schemas import CreatedPublic, ImportReport
from maeul_db.imports.validate import Rejected, RosterRow, RowChecker, Validated
from maeul_db.imports.write import apply
from maeul_db.kit.time import utcnow
from maeul_db.models import UserAccount

if TYPE_CHECKING:
    from maeul_db.imports.service import ImportOutcome

WRITE_ROWS = 20_000


@dataclass
class Written:
    """What the chunks wrote (or, with ``refused``, the duplicate facts that undid them)."""

    counts: Counts = field(default_factory=Counts)
    refused: list[Rejected] = field(default_factory=list)


def _valid_chunks(
    parsed: ParsedFile, lookups: Lookups, district_code: str
) -> Iterator[list[tuple[RawRow, RosterRow]]]:
    checker = RowChecker(parsed, lookups, district_code)
    rows = iter(parsed.rows)
    while chunk := list(islice(rows, WRITE_ROWS)):
        checked = [(raw, checker.check(raw)) for raw in chunk]
        bad = [raw.number for raw, row in checked if not isinstance(row, RosterRow)]
        if bad:  # the first pass found none: the file changed under us
            raise RuntimeError(f"rows {bad[:5]} refused on the second read")
        yield [(raw, row) for raw, row in checked if isinstance(row, RosterRow)]


def _add(total: Counts, part: Counts) -> None:
    for name, value in vars(part).items():
        if name != "people_linked":
            setattr(total, name, getattr(total, name) + value)


def write_in_chunks(
    session: Session,
    parsed: ParsedFile,
    lookups: Lookups,
    *,
    district_code: str,
    batch_id: int,
    actor_id: int | None,
    now: datetime,
) -> Written:
    """Plan and write ``parsed``'s rows chunk by chunk into batch ``batch_id``; on a duplicate
    fact, stop and return the refused rows of the chunk that found them (the caller rolls back)."""
    written = Written()
    keymaker = KeyMaker()  # the identity key once, not per chunk
    created: set[int] = set()
    linked: set[int] = set()
    for chunk in _valid_chunks(parsed, lookups, district_code):
        plan = plan_rows(
            session, [row for _raw, row in chunk], district_code=district_code, keymaker=keymaker
        )
        if plan.duplicates:
            raw = {r.number: r for r, _row in chunk}
            column = header_for(parsed, "role")
            written.refused = [
                Rejected(raw[n], [RowError(n, column, key.removeprefix("import_row."), key, p)])
                for n, key, p in plan.duplicates
            ]
            return written
        people = apply(
            session,
            plan,
            district_code=district_code,
            batch_id=batch_id,
            actor_id=actor_id,
            now=now,
        )
        # A person an earlier chunk created is this file's, not a stored one it linked to.
        linked |= plan.linked - created
        created.update(people)
        _add(written.counts, plan.counts)
    written.counts.people_linked = len(linked)
    return written


def _report(
    parsed: ParsedFile, checked: Validated, *, filename: str, district: str
) -> ImportReport:
    from maeul_db.imports import service  # service imports this module

    return ImportReport(
        filename=filename,
        file_kind=parsed.kind,
        encoding=parsed.encoding,
        district_code=district,
        partial=False,
        dry_run=False,
        rows_read=checked.rows_read,
        committed=checked.rows_read,
        rejected_rows=0,
        rejected=[],
        unchanged_rows=0,
        created=CreatedPublic(),
        warnings=[*parsed.warnings, *service.row_warnings(checked)],
        batch_id=None,
    )


def _refused(
    parsed: ParsedFile, report: ImportReport, refused: list[Rejected], filename: str
) -> ImportOutcome:
    from maeul_db.imports import service

    report.committed, report.rejected_rows = 0, len(refused)
    report.rejected = service.rejected_public(refused)
    rows = [[*r.row.cells, "; ".join(f"{e.column}: {e.reason}" for e in r.errors)] for r in refused]
    return service.ImportOutcome(
        report,
        files.rejected_file(parsed.headers, rows, parsed.kind),
        files.rejected_filename(filename, parsed.kind),
    )


def import_streamed(
    session: Session,
    parsed: ParsedFile,
    checked: Validated,
    lookups: Lookups,
    *,
    content: bytes,
    filename: str,
    district_code: str,
    actor: UserAccount | None,
) -> ImportOutcome:
    """A strict import of a large file whose every row the stream found good: one batch, written
    chunk by chunk (the caller has the district locked and commits)."""
    from maeul_db.imports import service

    report = _report(parsed, checked, filename=filename, district=district_code)
    savepoint = session.begin_nested()  # a refused duplicate takes the batch and every chunk
    batch = open_batch(
        session,
        kind="roster",
        district_code=district_code,
        filename=filename,
        content=content,
        actor=actor,
        counts=(report.rows_read, report.committed, 0),
        stored={"kind": parsed.kind, "headers": parsed.headers, "rejected_rows": []},
    )
    assert batch.id is not None
    written = write_in_chunks(
        session,
        parsed,
        lookups,
        district_code=district_code,
        batch_id=batch.id,
        actor_id=actor.id if actor else None,
        now=utcnow(),
    )
    if written.refused:
        savepoint.rollback()
        return _refused(parsed, report, written.refused, filename)
    savepoint.commit()
    counts = written.counts
    report.unchanged_rows = counts.unchanged_rows
    report.created = CreatedPublic(
        **{k: v for k, v in vars(counts).items() if k != "unchanged_rows"}
    )
    report.batch_id = batch.id
    batch.report = json.dumps(
        {**stored(batch), "created": report.created.model_dump()}, ensure_ascii=False
    )
    session.add(batch)
    audit.record(
        session,
        actor=actor,
        action="import",
        entity="import_batch",
        entity_id=batch.id,
        district_code=district_code,
        after={
            "filename": filename,
            "rows_read": report.rows_read,
            "committed": report.committed,
            "rejected": 0,
            **report.created.model_dump(),
        },
    )
    return service.ImportOutcome(report, None, None)
