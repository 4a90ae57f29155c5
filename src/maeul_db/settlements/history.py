"""The state history of a project's report and settlement: who moved it, when, and why."""

from __future__ import annotations

from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.models import Project, SettlementEvent, SettlementSubject, UserAccount


def record(
    session: Session,
    *,
    user: UserAccount,
    project: Project,
    subject: SettlementSubject,
    from_state: str,
    to_state: str,
    note: str | None,
) -> SettlementEvent:
    assert project.id is not None
    event = SettlementEvent(
        project_id=project.id,
        district_code=project.district_code,
        subject=subject,
        from_state=from_state,
        to_state=to_state,
        actor_id=user.id,
        note=note,
    )
    session.add(event)
    audit.record(
        session,
        actor=user,
        action=to_state,
        entity="result_report" if subject == SettlementSubject.report else "settlement",
        entity_id=project.id,
        district_code=project.district_code,
        before={"state": from_state},
        after={"state": to_state, "note": note},
    )
    return event


def events_of(session: Session, *, project_id: int) -> list[SettlementEvent]:
    """A project's report and settlement events, oldest first (for a use case that has checked
    access; the lead's project timeline can list them too)."""
    stmt = select(SettlementEvent).where(SettlementEvent.project_id == project_id)
    return list(session.exec(stmt.order_by(col(SettlementEvent.id))).all())
