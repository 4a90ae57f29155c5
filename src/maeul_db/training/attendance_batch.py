"""Writing a checked attendance sheet as one import batch (``imports.batches``), listed and undone
like a roster's. The batch keeps what undo needs (programme, people, the old values of overwritten
rows) and, after a partial import, the refused rows as typed, so that they can be downloaded again
(``imports.service.batch_rejected_file``) from the page, the API and the command line alike."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.imports.batches import open_batch, stored
from maeul_db.imports.write import lock_district
from maeul_db.kit import time as clock
from maeul_db.models import ImportBatch, TrainingCompletion, TrainingProgram, UserAccount
from maeul_db.training import attendance_write
from maeul_db.training.attendance_write import AttendanceRow


@dataclass(frozen=True)
class SheetFile:
    """The uploaded file as the batch records it: name, bytes, reader kind, its headers and the
    refused rows (cells as typed followed by the error text)."""

    filename: str
    content: bytes
    kind: str
    headers: Sequence[str]
    rejected_rows: Sequence[Sequence[str]]


def _completed(session: Session, program_id: int, people: list[int]) -> int:
    completed = session.exec(
        select(TrainingCompletion.person_id).where(
            TrainingCompletion.program_id == program_id,
            col(TrainingCompletion.person_id).in_(people),
        )
    ).all()
    return len(set(completed))


def _open(
    session: Session,
    user: UserAccount,
    program: TrainingProgram,
    sheet: SheetFile,
    district_code: str | None,
    people: list[int],
    counts: tuple[int, int, int],
) -> int:
    batch = open_batch(
        session,
        kind="attendance",
        district_code=district_code,
        filename=sheet.filename,
        content=sheet.content,
        actor=user if user.id is not None else None,
        counts=counts,
        stored={
            "program_id": program.id,
            "program_code": program.code,
            "people": people,
            # The same keys as a roster batch's, read by the rejected-rows download.
            "kind": sheet.kind,
            "headers": list(sheet.headers),
            "rejected_rows": [list(r) for r in sheet.rejected_rows],
        },
    )
    assert batch.id is not None
    return batch.id


def write_batch(
    session: Session,
    user: UserAccount,
    program: TrainingProgram,
    rows: list[AttendanceRow],
    *,
    sheet: SheetFile,
    district: str | None,
    counts: tuple[int, int, int],
) -> tuple[int, int, int]:
    """Write ``rows`` as one import batch; returns (batch id, new enrolments, completed)."""
    assert program.id is not None
    district_code = district or program.district_code
    lock_district(session, district_code or "")
    people = sorted({r.person_id for r in rows})
    batch_id = _open(session, user, program, sheet, district_code, people, counts)
    written = attendance_write.write(
        session,
        rows,
        program=(program.id, program.district_code),
        batch_id=batch_id,
        now=clock.utcnow(),
    )
    batch = session.get(ImportBatch, batch_id)
    assert batch is not None
    # The old values of overwritten rows, for undo (known only once written).
    batch.report = json.dumps(
        {**stored(batch), "replaced": written.replaced}, ensure_ascii=False, default=str
    )
    session.add(batch)
    attendance_write.recompute(session, people)
    audit.record(
        session,
        actor=user,
        action="import",
        entity="import_batch",
        entity_id=batch_id,
        district_code=district_code,
        after={
            "kind": "attendance",
            "filename": sheet.filename,
            "program": program.code,
            "rows": len(rows),
            "enrolments_created": written.enrolments_created,
            "attendance_created": written.attendance_created,
            "attendance_updated": written.attendance_updated,
        },
    )
    return batch_id, written.enrolments_created, _completed(session, program.id, people)
