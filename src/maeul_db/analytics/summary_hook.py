"""The one place committed writes refresh the analytics summaries.

Every session records which people its writes touched: ORM writes of participations, memberships
and people (corrections, merges, unmerges, edits) are seen at flush; bulk writes that bypass the
ORM (an import's rows, an import's undo) say so with ``mark``. Just before the session commits,
``analytics.summary.refresh_people`` rebuilds those people's summary rows in the same transaction,
so the summaries and the facts commit (or roll back) together and the data version moves with them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import col, select

TOUCHED = "analytics_touched_people"
MOVED_PROJECTS = "analytics_moved_projects"
TOUCHED_ENROLMENTS = "analytics_touched_enrolments"
# The facts the summaries are built from: the person-year rows read the first two, the ladder
# reach rows (analytics.ladder_summary) the first seven, the training hours
# (analytics.summary_hours) enrolments and their module attendance (which names the enrolment,
# not the person: its people are read when the summaries refresh).
FACT_TABLES = frozenset(
    {
        "enrolment",
        "participation",
        "group_membership",
        "council_seat",
        "career",
        "expert_placement",
        "certificate",
        "training_completion",
    }
)


def touched(session: OrmSession) -> set[int]:
    found: set[int] = session.info.setdefault(TOUCHED, set())
    return found


def mark(session: OrmSession, person_ids: Iterable[int | None]) -> None:
    """Say that a write outside the ORM changed these people's facts."""
    touched(session).update(p for p in person_ids if p is not None)


def _people_of(obj: Any) -> list[int | None]:
    table = getattr(obj, "__tablename__", None)
    if table in FACT_TABLES:
        return [obj.person_id, *inspect(obj).attrs.person_id.history.deleted]
    if table == "person":
        merged = inspect(obj).attrs.merged_into_id.history
        return [obj.id, obj.merged_into_id, *merged.deleted]
    return []


def _moved_project(session: OrmSession, obj: Any) -> None:
    """A project moved to another dong moves its people on the dong map (analytics.summary_dong):
    remember it, its people are read when the summaries refresh."""
    is_project = getattr(obj, "__tablename__", None) == "project" and obj.id is not None
    if is_project and inspect(obj).attrs.dong_code.history.has_changes():
        session.info.setdefault(MOVED_PROJECTS, set()).add(obj.id)


def _attended(session: OrmSession, obj: Any) -> None:
    if getattr(obj, "__tablename__", None) == "module_attendance":
        session.info.setdefault(TOUCHED_ENROLMENTS, set()).add(obj.enrolment_id)


@event.listens_for(OrmSession, "after_flush")
def _collect(session: OrmSession, _context: Any) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        mark(session, _people_of(obj))
        _attended(session, obj)
    for obj in session.dirty:
        _moved_project(session, obj)


def _built(session: OrmSession) -> bool:
    """Whether the summaries were ever built here (a plain query: an import into a database
    without summaries must not pay for loading the analytics modules, about 1 s of its start)."""
    connection = session.connection()
    if not inspect(connection).has_table("analytics_data_version"):
        return False
    year = connection.execute(text("SELECT last_year FROM analytics_data_version WHERE id = 1"))
    return year.scalar() is not None


def refresh_pending(session: OrmSession) -> None:
    """Bring the summaries up to date with this session's writes (before commit, or before a read
    of the summaries in a session that wrote). Nothing to do while they were never built: the
    full refresh that builds them reads every fact."""
    pending = (TOUCHED, MOVED_PROJECTS, TOUCHED_ENROLMENTS)
    if any(session.info.get(key) for key in pending) and not _built(session):
        for key in pending:
            session.info.pop(key, None)
        return
    enrolments = session.info.pop(TOUCHED_ENROLMENTS, None)
    if enrolments:
        from maeul_db.models import Enrolment

        stmt = select(col(Enrolment.person_id)).where(col(Enrolment.id).in_(enrolments))
        mark(session, (int(p) for (p,) in session.execute(stmt)))
    moved = session.info.pop(MOVED_PROJECTS, None)
    if moved:
        from maeul_db.models import Participation

        stmt = select(col(Participation.person_id)).where(col(Participation.project_id).in_(moved))
        mark(session, (int(p) for (p,) in session.execute(stmt)))
    people = session.info.pop(TOUCHED, None)
    if not people:
        return
    from maeul_db.analytics import summary  # late: the models import this module's package

    summary.refresh_people(session, set(people))  # type: ignore[arg-type]


@event.listens_for(OrmSession, "before_commit")
def _before_commit(session: OrmSession) -> None:
    session.flush()
    refresh_pending(session)


def mark_batch(session: OrmSession, batch_id: int) -> None:
    """Mark the people of an import batch's facts (its import or its undo, both bulk writes)."""
    from sqlalchemy import union

    if not _built(session):
        return

    from maeul_db.analytics.queries import select
    from maeul_db.models import GroupMembership, Participation

    people = union(
        select(Participation.person_id).where(Participation.import_batch_id == batch_id),
        select(GroupMembership.person_id).where(GroupMembership.import_batch_id == batch_id),
    )
    mark(session, (int(p) for (p,) in session.execute(people)))
