"""Write checked attendance rows through the bulk path, and undo an attendance batch.

Write: enrolments that do not exist yet are inserted (one per person, dated by their first
attendance), then module attendance: new rows inserted in bulk with the batch id, rows already
recorded updated in one ``executemany``, their old values kept in the batch's report. Completion
is recomputed by the training service, never read from the file.

Undo: the attendance rows the batch inserted are deleted and the ones it overwrote get their old
values back (unless changed since); completion is recomputed; the enrolments it created go unless
something now refers to them (attendance recorded later, a completion a certificate relies on).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, and_, bindparam, delete, select, update
from sqlmodel import Session, SQLModel

from maeul_db.analytics import summary_hook
from maeul_db.bulk import bulk_insert
from maeul_db.imports.write import allocate_ids
from maeul_db.kit import time as clock
from maeul_db.kit.chunks import chunks
from maeul_db.models import load_all
from maeul_db.training import service as training_service

CHUNK = 2_000


@dataclass
class AttendanceRow:
    number: int
    person_id: int
    module_id: int
    hours: Decimal
    attended_on: date | None


@dataclass
class Written:
    enrolments_created: int = 0
    attendance_created: int = 0
    attendance_updated: int = 0
    # (enrolment id, module id, old hours, old day, new hours, new day) of every overwritten row.
    replaced: list[list[Any]] = field(default_factory=list)


def _table(name: str) -> Table:
    if name not in SQLModel.metadata.tables:  # its model not imported yet (models load lazily)
        load_all()
    return SQLModel.metadata.tables[name]


def _open_enrolments(session: Session, program_id: int, people: list[int]) -> dict[int, int]:
    enrolment = _table("enrolment")
    found: dict[int, int] = {}
    for chunk in chunks(people, CHUNK):
        rows = session.connection().execute(
            select(enrolment.c.id, enrolment.c.person_id)
            .where(
                enrolment.c.program_id == program_id,
                enrolment.c.person_id.in_(chunk),
                enrolment.c.withdrawn_on.is_(None),
            )
            .order_by(enrolment.c.id)
        )
        for enrolment_id, person_id in rows:
            found.setdefault(person_id, enrolment_id)
    return found


def _insert_enrolments(
    session: Session,
    rows: list[AttendanceRow],
    people: list[int],
    *,
    program: tuple[int, str | None],
    batch_id: int,
    now: datetime,
) -> dict[int, int]:
    """The new enrolments' ids by person."""
    first_day: dict[int, date] = {}
    for row in rows:
        if row.attended_on is not None and row.attended_on < first_day.get(row.person_id, date.max):
            first_day[row.person_id] = row.attended_on
    connection = session.connection()
    ids = allocate_ids(connection, _table("enrolment"), len(people))
    program_id, district_code = program
    today = clock.today()
    bulk_insert(
        connection,
        _table("enrolment"),
        (
            (eid, now, now, program_id, pid, district_code, first_day.get(pid, today), batch_id)
            for eid, pid in zip(ids, people, strict=True)
        ),
        columns=(
            "id",
            "created_at",
            "updated_at",
            "program_id",
            "person_id",
            "district_code",
            "enrolled_on",
            "import_batch_id",
        ),
    )
    return dict(zip(people, ids, strict=True))


def _recorded(session: Session, enrolment_ids: list[int]) -> dict[tuple[int, int], tuple[Any, Any]]:
    attendance = _table("module_attendance")
    found: dict[tuple[int, int], tuple[Any, Any]] = {}
    for chunk in chunks(enrolment_ids, CHUNK):
        for eid, mid, hours, day in session.connection().execute(
            select(
                attendance.c.enrolment_id,
                attendance.c.module_id,
                attendance.c.hours_attended,
                attendance.c.attended_on,
            ).where(attendance.c.enrolment_id.in_(chunk))
        ):
            found[(eid, mid)] = (hours, day)
    return found


_SET_ATTENDANCE = (
    update(_table("module_attendance"))
    .where(
        and_(
            _table("module_attendance").c.enrolment_id == bindparam("e"),
            _table("module_attendance").c.module_id == bindparam("m"),
        )
    )
    .values(hours_attended=bindparam("h"), attended_on=bindparam("d"))
)


def write(
    session: Session,
    rows: list[AttendanceRow],
    *,
    program: tuple[int, str | None],
    batch_id: int,
    now: datetime,
) -> Written:
    """Insert or update every row in the session's transaction; the caller recomputes."""
    people = sorted({r.person_id for r in rows})
    summary_hook.mark(session, people)  # bulk writes: their training hours refresh at commit
    enrolments = _open_enrolments(session, program[0], people)
    new_people = [p for p in people if p not in enrolments]
    enrolments.update(
        _insert_enrolments(session, rows, new_people, program=program, batch_id=batch_id, now=now)
    )
    recorded = _recorded(session, sorted(enrolments[p] for p in people if p not in new_people))
    written = Written(enrolments_created=len(new_people))
    inserts: list[tuple[Any, ...]] = []
    updates: list[dict[str, Any]] = []
    for row in rows:
        key = (enrolments[row.person_id], row.module_id)
        if key in recorded:
            old_hours, old_day = recorded[key]
            written.replaced.append([*key, old_hours, old_day, row.hours, row.attended_on])
            updates.append({"e": key[0], "m": key[1], "h": row.hours, "d": row.attended_on})
        else:
            inserts.append((*key, row.hours, row.attended_on, batch_id))
    connection = session.connection()
    columns = ("enrolment_id", "module_id", "hours_attended", "attended_on", "import_batch_id")
    written.attendance_created = bulk_insert(
        connection, _table("module_attendance"), inserts, columns=columns
    )
    if updates:
        connection.execute(_SET_ATTENDANCE, updates)
    written.attendance_updated = len(updates)
    return written


def recompute(session: Session, people: Iterable[int]) -> None:
    """Completion for each person, after the bulk path changed what the ORM had loaded."""
    session.flush()  # expiring would drop pending changes of loaded objects otherwise
    session.expire_all()
    for person_id in people:
        training_service.recompute_person(session, person_id=person_id)
    session.flush()


def _restore(session: Session, replaced: list[list[Any]]) -> int:
    """Put back what the batch overwrote, where the row still holds what the batch wrote (compared
    in Python: SQLite keeps numerics and dates in forms a bound parameter does not always equal)."""
    attendance = _table("module_attendance")
    connection = session.connection()
    restored = 0
    for eid, mid, old_hours, old_day, new_hours, new_day in replaced:
        key = and_(attendance.c.enrolment_id == eid, attendance.c.module_id == mid)
        now = connection.execute(
            select(attendance.c.hours_attended, attendance.c.attended_on).where(key)
        ).first()
        wrote = (Decimal(str(new_hours)), date.fromisoformat(new_day) if new_day else None)
        if now is None or (Decimal(str(now[0])), now[1]) != wrote:
            continue  # deleted or corrected since: the later fact stands
        connection.execute(
            update(attendance)
            .where(key)
            .values(
                hours_attended=Decimal(str(old_hours)),
                attended_on=date.fromisoformat(old_day) if old_day else None,
            )
        )
        restored += 1
    return restored


def undo_rows(
    session: Session, batch_id: int, stored: dict[str, Any]
) -> tuple[dict[str, int], dict[str, int]]:
    """Remove what attendance batch ``batch_id`` wrote; (removed, kept) counts by table."""
    from maeul_db.imports.undo import delete_unreferenced

    attendance, enrolment = _table("module_attendance"), _table("enrolment")
    summary_hook.mark(session, stored.get("people", []))  # their hours refresh at commit
    removed = {
        "module_attendance": session.connection()
        .execute(delete(attendance).where(attendance.c.import_batch_id == batch_id))
        .rowcount
    }
    removed["module_attendance_restored"] = _restore(session, stored.get("replaced", []))
    recompute(session, stored.get("people", []))
    removed["enrolment"], kept_enrolments = delete_unreferenced(session, enrolment, batch_id, set())
    return removed, {"enrolment": kept_enrolments}
