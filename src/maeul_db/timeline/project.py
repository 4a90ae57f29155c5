"""A project's timeline (issue 15): one dated list, oldest first, of everything that happened to
the project and its paperwork: the application's status history, the project's creation, people
joining and leaving, activities, the result report's and the settlement's steps and its 보탬e
status, each with who made it and why. Scoped like the paperwork itself
(``settlements.access``): a district's staff and the city admin see their projects, a group
representative their own groups' projects. The participants' names are personal data: the ones
shown are access-logged."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.kit.time import SEOUL, kst_date, last_day_from_valid_to
from maeul_db.models import (
    Activity,
    Application,
    ApplicationEvent,
    AuditLog,
    Participation,
    Project,
    SettlementEvent,
    UserAccount,
)
from maeul_db.participants import service as participant_service
from maeul_db.settlements.access import require_project_paperwork
from maeul_db.timeline.schemas import ProjectStep, ProjectTimelinePublic
from maeul_db.wording import label

# A step, the account that made it (named once, for all steps, at the end) and, for a fact of a
# day, when it was recorded (it places the fact within its day).
Pending = tuple[ProjectStep, int | None, datetime | None]


# The label table each kind's codes are read from.
_WORDS = {
    "application": "application_status",
    "project": "project_step",
    "participants": "project_step",
    "activity": "project_step",
    "report": "report_state",
    "settlement": "settlement_state",
    "botame": "botame_status",
}


def _step(
    kind: str, code: str, *, at: datetime | None, on: date | None = None, **extra: Any
) -> ProjectStep:
    words = "project_step" if code == "botame_id" else _WORDS[kind]
    day = kst_date(at) if at is not None else on
    assert day is not None
    return ProjectStep(
        at=at,
        on=day,
        kind=kind,
        code=code,
        kind_label=label("project_step_kind", kind),
        label=label(words, code),
        **extra,
    )


def _application_steps(session: Session, application: Application | None) -> list[Pending]:
    if application is None:
        return []
    stmt = select(ApplicationEvent).where(ApplicationEvent.application_id == application.id)
    rows = session.exec(stmt.order_by(col(ApplicationEvent.at), col(ApplicationEvent.id))).all()
    return [
        (
            _step(
                "application",
                str(e.to_status),
                at=e.at,
                from_code=str(e.from_status) if e.from_status else None,
                detail=e.reason,
            ),
            e.actor_user_id,
            None,
        )
        for e in rows
    ]


def _audit_after(row: AuditLog) -> dict[str, Any]:
    loaded = json.loads(row.after) if row.after else {}
    return loaded if isinstance(loaded, dict) else {}


def _project_steps(
    session: Session, project: Project, application: Application | None
) -> list[Pending]:
    """The project's creation and its 보탬e id and status as staff recorded them (the audit
    trail keeps every change, so an earlier status stays on the timeline)."""
    stmt = select(AuditLog).where(
        AuditLog.entity == "project", AuditLog.entity_id == str(project.id)
    )
    rows = session.exec(stmt.order_by(col(AuditLog.at), col(AuditLog.id))).all()
    creator = next((r.actor_user_id for r in rows if r.action == "create"), None)
    made = "created_from_application" if application is not None else "created"
    detail = application.title if application is not None else project.name
    steps: list[Pending] = [
        (_step("project", made, at=project.created_at, detail=detail), creator, None)
    ]
    for row in rows:
        after = _audit_after(row) if row.action == "update" else {}
        if after.get("botame_id"):
            steps.append(
                (
                    _step("botame", "botame_id", at=row.at, detail=after["botame_id"]),
                    row.actor_user_id,
                    None,
                )
            )
        if after.get("botame_status"):
            code = str(after["botame_status"])
            steps.append((_step("botame", code, at=row.at), row.actor_user_id, None))
    return steps


def _participant_steps(
    session: Session, user: UserAccount, project_id: int
) -> tuple[list[Pending], list[int]]:
    """People joining and leaving, one step per day; names only of the people the viewer may
    read (a representative sees the count). Returns the ids named, for the access log."""
    stmt = select(Participation).where(
        Participation.project_id == project_id, col(Participation.voided_at).is_(None)
    )
    rows = list(session.exec(stmt.order_by(col(Participation.id))).all())
    people = participant_service.people_by_id(
        session, user=user, person_ids=[r.person_id for r in rows]
    )
    days: dict[tuple[date, str], list[Participation]] = defaultdict(list)
    for row in rows:
        days[(row.valid_from, "joined")].append(row)
        last = last_day_from_valid_to(row.valid_to)
        if last is not None:
            days[(last, "left")].append(row)
    steps: list[Pending] = []
    named: set[int] = set()
    for (day, code), group in sorted(days.items()):
        names = [people[r.person_id].name for r in group if r.person_id in people]
        named.update(r.person_id for r in group if r.person_id in people)
        recorded = [r.created_at if code == "joined" else r.updated_at for r in group]
        step = _step("participants", code, at=None, on=day, count=len(group), names=names)
        steps.append((step, None, min(recorded)))
    return steps, sorted(named)


def _activity_steps(session: Session, project_id: int) -> list[Pending]:
    stmt = select(Activity).where(Activity.project_id == project_id)
    rows = session.exec(stmt.order_by(col(Activity.held_on), col(Activity.id))).all()
    return [
        (
            _step(
                "activity",
                "held",
                at=None,
                on=a.held_on,
                detail=f"{a.title} ({label('activity_kind', a.kind)})",
                count=a.headcount,
            ),
            None,
            a.created_at,
        )
        for a in rows
    ]


def _paperwork_steps(session: Session, project_id: int) -> list[Pending]:
    stmt = select(SettlementEvent).where(SettlementEvent.project_id == project_id)
    rows = session.exec(stmt.order_by(col(SettlementEvent.created_at), col(SettlementEvent.id)))
    return [
        (
            _step(
                str(e.subject),
                e.to_state,
                at=e.created_at,
                from_code=e.from_state,
                detail=e.note or "",
            ),
            e.actor_id,
            None,
        )
        for e in rows.all()
    ]


def _when(step: ProjectStep, recorded: datetime | None) -> datetime:
    """Where a step sorts: its instant; a fact of a day at the time it was recorded, kept
    within its day (people joining on the selection day follow the project made that day)."""
    if step.at is not None:
        return step.at
    start = datetime.combine(step.on, time.min, tzinfo=SEOUL)
    end = start + timedelta(days=1, microseconds=-1)
    return end if recorded is None else min(max(recorded, start), end)


def _named(session: Session, pending: list[Pending]) -> list[ProjectStep]:
    """Each step with its account's name, oldest first (the sort is stable, so equal times keep
    the order they were gathered in)."""
    ids = {actor for _, actor, _ in pending if actor is not None}
    accounts = session.exec(select(UserAccount).where(col(UserAccount.id).in_(ids))).all()
    names = {a.id: a.display_name or a.username for a in accounts}
    ordered = sorted(pending, key=lambda p: _when(p[0], p[2]))
    return [
        step.model_copy(update={"actor": names.get(actor)}) if actor is not None else step
        for step, actor, _ in ordered
    ]


def project_timeline(
    session: Session, *, user: UserAccount, project_id: int
) -> ProjectTimelinePublic:
    """Everything that happened to the project and its paperwork, oldest first; the
    participants' names shown are recorded in the access log."""
    project = require_project_paperwork(session, user=user, project_id=project_id, action="read")
    application = session.exec(
        select(Application).where(Application.project_id == project_id)
    ).first()
    people, named = _participant_steps(session, user, project_id)
    pending = [
        *_application_steps(session, application),
        *_project_steps(session, project, application),
        *people,
        *_activity_steps(session, project_id),
        *_paperwork_steps(session, project_id),
    ]
    access_log.record(session, actor=user, action="project.timeline", person_ids=named)
    status = str(project.botame_status) if project.botame_status else None
    return ProjectTimelinePublic(
        project_id=project_id,
        project_name=project.name,
        year=project.year,
        application_id=application.id if application else None,
        botame_id=project.botame_id,
        botame_status=status,
        botame_status_label=label("botame_status", status) if status else None,
        steps=_named(session, pending),
    )
