"""Undo an import batch: remove exactly what the batch created, keep what others now rely on.

By the batch's kind (``imports.batches``): an ``attendance`` batch is undone by
``training.attendance_write.undo_rows``, a ``council_roster`` one by
``councils.roster_import.undo_rows``; a ``roster`` batch as follows.

- participations and group memberships the batch created are deleted (an import undone is a
  correction of a mistaken load, not the end of a real interval);
- open review candidates that involve a person the batch created are deleted;
- people, projects and groups the batch created are deleted unless something outside the batch
  refers to them now (a fact added later, another batch that linked to the person, a decided
  merge, an account) or the person's details were edited since (version > 1); those are kept and
  counted in ``kept``;
- people, groups and projects that existed before the batch are never touched.
The batch row stays with status ``undone``; the audit log records the undo and the counts.

An undo serialises with imports (and other undos) of the batch's district, as imports do with each
other (``imports.write.lock_district``): otherwise an import could plan to link a person the undo
is deleting, or the undo could delete a person a concurrent import just linked.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, and_, delete, exists, not_, or_, select
from sqlmodel import Session, SQLModel

from maeul_db.analytics import summary_hook
from maeul_db.audit import service as audit
from maeul_db.errors import Conflict
from maeul_db.imports.batches import stored
from maeul_db.imports.schemas import UndoPublic
from maeul_db.imports.service import batch_public, get_batch
from maeul_db.imports.write import lock_district
from maeul_db.kit.chunks import chunks
from maeul_db.kit.time import utcnow
from maeul_db.models import ImportStatus, MatchStatus, UserAccount, load_all

CHUNK = 5_000


def _table(name: str) -> Table:
    if name not in SQLModel.metadata.tables:  # its model not imported yet (models load lazily)
        load_all()
    return SQLModel.metadata.tables[name]


def _unreferenced(target: Table, *, skip: set[tuple[str, str]]) -> Any:
    """A condition on ``target`` rows: no foreign key anywhere points at them (except ``skip``)."""
    conditions = []
    load_all()  # every table that may refer to ``target``
    for table in SQLModel.metadata.tables.values():
        for fk in table.foreign_keys:
            if fk.column.table is target and (table.name, fk.parent.name) not in skip:
                alias = table.alias()
                conditions.append(not_(exists().where(alias.c[fk.parent.name] == target.c.id)))
    return and_(*conditions)


def delete_unreferenced(
    session: Session,
    target: Table,
    batch_id: int,
    skip: set[tuple[str, str]],
    extra: Any = True,
    before: tuple[Table, ...] = (),
) -> tuple[int, int]:
    created = (
        session.connection()
        .execute(select(target.c.id).where(target.c.import_batch_id == batch_id))
        .scalars()
        .all()
    )
    ids = list(
        session.connection()
        .execute(
            select(target.c.id).where(
                target.c.import_batch_id == batch_id, extra, _unreferenced(target, skip=skip)
            )
        )
        .scalars()
        .all()
    )
    for chunk in chunks(ids, CHUNK):
        for dependent in before:
            session.connection().execute(delete(dependent).where(dependent.c.person_id.in_(chunk)))
        session.connection().execute(delete(target).where(target.c.id.in_(chunk)))
    return len(ids), len(created) - len(ids)


def delete_created_people(session: Session, people: list[int]) -> tuple[int, int]:
    """Delete the people an import created (``people``) unless something outside their own
    history refers to them now or they were edited since; (removed, kept)."""
    person, candidate = _table("person"), _table("person_match_candidate")
    if not people:
        return 0, 0
    session.connection().execute(
        delete(candidate).where(
            candidate.c.status == MatchStatus.open.value,
            or_(candidate.c.person_id.in_(people), candidate.c.candidate_person_id.in_(people)),
        )
    )
    skip = {("person_version", "person_id"), ("consent", "person_id")}
    ids = list(
        session.connection()
        .execute(
            select(person.c.id).where(
                person.c.id.in_(people), person.c.version == 1, _unreferenced(person, skip=skip)
            )
        )
        .scalars()
        .all()
    )
    for chunk in chunks(ids, CHUNK):
        for dependent in (_table("person_version"), _table("consent")):
            session.connection().execute(delete(dependent).where(dependent.c.person_id.in_(chunk)))
        session.connection().execute(delete(person).where(person.c.id.in_(chunk)))
    return len(ids), len(people) - len(ids)


def _undo_roster(session: Session, batch_id: int) -> tuple[dict[str, int], dict[str, int]]:
    connection = session.connection()
    person, project, group = _table("person"), _table("project"), _table("community_group")
    candidate = _table("person_match_candidate")
    removed: dict[str, int] = {}
    kept: dict[str, int] = {}
    summary_hook.mark_batch(session, batch_id)  # their summaries are rebuilt at commit
    for name in ("participation", "group_membership"):
        table = _table(name)
        removed[name] = connection.execute(
            delete(table).where(table.c.import_batch_id == batch_id)
        ).rowcount
    batch_people = select(person.c.id).where(person.c.import_batch_id == batch_id)
    removed["person_match_candidate"] = connection.execute(
        delete(candidate).where(
            candidate.c.status == MatchStatus.open.value,
            or_(
                candidate.c.person_id.in_(batch_people),
                candidate.c.candidate_person_id.in_(batch_people),
            ),
        )
    ).rowcount
    removed["person"], kept["person"] = delete_unreferenced(
        session,
        person,
        batch_id,
        # The person's own history and the consents the roster recorded go with them.
        {("person_version", "person_id"), ("consent", "person_id")},
        extra=person.c.version == 1,
        before=(_table("person_version"), _table("consent")),
    )
    removed["project"], kept["project"] = delete_unreferenced(session, project, batch_id, set())
    removed["community_group"], kept["community_group"] = delete_unreferenced(
        session, group, batch_id, set()
    )
    return removed, kept


def undo(session: Session, *, user: UserAccount | None, batch_id: int) -> UndoPublic:
    batch = get_batch(session, user=user, batch_id=batch_id)
    if batch.kind == "attendance" and user is not None:
        # Undone by whoever may import that programme's attendance (training.attendance_access).
        from maeul_db.training.attendance_access import check_undo

        check_undo(session, user, stored(batch))
    lock_district(session, batch.district_code or "")
    # Read again under the lock: a concurrent undo of this batch may have committed meanwhile.
    session.refresh(batch)
    if batch.status == ImportStatus.undone:
        raise Conflict("import.already_undone")
    if batch.kind == "attendance":
        from maeul_db.training.attendance_write import undo_rows

        removed, kept = undo_rows(session, batch_id, stored(batch))
    elif batch.kind == "council_roster":
        from maeul_db.councils.roster_import import undo_rows as undo_seats

        removed, kept = undo_seats(session, batch_id, stored(batch))
    else:
        removed, kept = _undo_roster(session, batch_id)
    batch.status = ImportStatus.undone
    batch.undone_at = utcnow()
    batch.undone_by_user_id = user.id if user else None
    session.add(batch)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="undo",
        entity="import_batch",
        entity_id=batch_id,
        district_code=batch.district_code,
        before={"status": ImportStatus.committed},
        after={"status": ImportStatus.undone, "removed": removed, "kept": kept},
    )
    return UndoPublic(batch=batch_public(batch), removed=removed, kept=kept)
