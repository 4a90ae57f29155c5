"""The batch every import writes, whatever its kind (one pipeline: parse → map → validate → bulk
write → batch → undo). A kind is what the file held; ``imports.undo`` removes a batch's rows by
its kind.

- ``roster``: people, groups, projects, participations, memberships (``imports.write``);
- ``attendance``: training enrolments and module attendance (``training.attendance_write``);
- ``council_roster``: council seats and the people they created (``councils.roster_import``).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlmodel import Session

from maeul_db.models import ImportBatch, UserAccount

KINDS = ("roster", "attendance", "council_roster")


def open_batch(
    session: Session,
    *,
    kind: str,
    district_code: str | None,
    filename: str,
    content: bytes,
    actor: UserAccount | None,
    counts: tuple[int, int, int],
    stored: dict[str, Any],
) -> ImportBatch:
    """Add and flush the batch row of an import about to write (``counts``: rows read,
    committed, rejected; ``stored``: what undo and the batch page read back later).

    The batch row goes first: on SQLite it takes the write lock that id allocation relies on."""
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}")
    rows_read, committed, rejected = counts
    batch = ImportBatch(
        district_code=district_code,
        kind=kind,
        filename=filename[:255],
        file_sha256=hashlib.sha256(content).hexdigest(),
        rows_read=rows_read,
        committed=committed,
        rejected=rejected,
        created_by_user_id=actor.id if actor else None,
        report=json.dumps(stored, ensure_ascii=False, default=str),
    )
    session.add(batch)
    session.flush()
    return batch


def stored(batch: ImportBatch) -> dict[str, Any]:
    """What the import stored in the batch's report (empty when unreadable)."""
    try:
        data = json.loads(batch.report or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
