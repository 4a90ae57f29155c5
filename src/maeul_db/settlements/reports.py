"""A project's result report (결과보고): prefilled from the record, the group's narrative and
photos, due within two months of the project's end (the 보탬e rule), and its states
draft → submitted → returned / accepted."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.errors import InvalidInput
from maeul_db.kit import time as clock
from maeul_db.models import (
    AttachmentPurpose,
    Project,
    ReportState,
    ResultReport,
    SettlementEvent,
    SettlementSubject,
    StoredAttachment,
    UserAccount,
)
from maeul_db.settlements import figures, history
from maeul_db.settlements.access import Action, allowed, require_project_paperwork
from maeul_db.settlements.attachments import Upload, store
from maeul_db.settlements.follow import application_follows
from maeul_db.settlements.schemas import ReportUpdate
from maeul_db.wording import label

R = ReportState
EDITABLE = frozenset({R.draft, R.returned})
TRANSITIONS: dict[str, tuple[frozenset[ReportState], ReportState, Action]] = {
    "submit": (EDITABLE, R.submitted, "write"),
    "return": (frozenset({R.submitted}), R.returned, "decide"),
    "accept": (frozenset({R.submitted}), R.accepted, "decide"),
}
DUE_MONTHS = 2


@dataclass(frozen=True)
class ReportView:
    project: Project
    report: ResultReport
    figures: dict[str, Any]
    attachments: list[StoredAttachment]
    events: list[SettlementEvent]
    # What the viewer may do next (the page offers these buttons only).
    actions: list[str]
    can_edit: bool

    @property
    def editable(self) -> bool:
        return self.report.state in EDITABLE


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_on(project: Project) -> date:
    """Two months after the project's last day (31 December of its year when none is recorded)."""
    return add_months(project.ends_on or date(project.year, 12, 31), DUE_MONTHS)


def _offered(user: UserAccount, project: Project, state: str) -> tuple[list[str], bool]:
    actions = [
        name
        for name, (sources, _, needs) in TRANSITIONS.items()
        if state in sources and allowed(user, project, needs)
    ]
    return actions, state in EDITABLE and allowed(user, project, "write")


def _find(session: Session, project_id: int) -> ResultReport | None:
    return session.exec(select(ResultReport).where(ResultReport.project_id == project_id)).first()


def _open(session: Session, project: Project) -> ResultReport:
    assert project.id is not None
    row = _find(session, project.id)
    if row is None:
        row = ResultReport(
            project_id=project.id, district_code=project.district_code, due_on=due_on(project)
        )
        session.add(row)
        session.flush()
    return row


def get(session: Session, *, user: UserAccount, project_id: int) -> ReportView:
    """The report: the figures as submitted once submitted, the live record before."""
    project = require_project_paperwork(session, user=user, project_id=project_id, action="read")
    row = _find(session, project_id) or ResultReport(
        project_id=project_id, district_code=project.district_code, due_on=due_on(project)
    )
    live = row.state in EDITABLE or row.figures is None
    actions, can_edit = _offered(user, project, str(row.state))
    files = session.exec(
        select(StoredAttachment)
        .where(
            StoredAttachment.project_id == project_id,
            StoredAttachment.purpose == AttachmentPurpose.report,
        )
        .order_by(col(StoredAttachment.id))
    ).all()
    events = [
        e
        for e in history.events_of(session, project_id=project_id)
        if e.subject == SettlementSubject.report
    ]
    return ReportView(
        project=project,
        report=row,
        figures=figures.of_project(session, project) if live else dict(row.figures or {}),
        attachments=list(files),
        events=events,
        actions=actions,
        can_edit=can_edit,
    )


def _editable(
    session: Session, *, user: UserAccount, project_id: int
) -> tuple[Project, ResultReport]:
    project = require_project_paperwork(session, user=user, project_id=project_id, action="write")
    row = _open(session, project)
    if row.state not in EDITABLE:
        raise InvalidInput("report.not_editable", state=label("report_state", str(row.state)))
    return project, row


def update(
    session: Session, *, user: UserAccount, project_id: int, data: ReportUpdate
) -> ResultReport:
    """The group's narrative."""
    _, row = _editable(session, user=user, project_id=project_id)
    row.narrative = data.narrative
    session.add(row)
    session.flush()
    return row


def add_attachment(
    session: Session, *, user: UserAccount, project_id: int, upload: Upload
) -> StoredAttachment:
    """A photo or document of the report (PDF, JPEG or PNG)."""
    project, _ = _editable(session, user=user, project_id=project_id)
    return store(
        session, user=user, project=project, purpose=AttachmentPurpose.report, upload=upload
    )


def change_state(
    session: Session, *, user: UserAccount, project_id: int, action: str, note: str | None
) -> ResultReport:
    """Submit (freezing the figures), return with a reason, or accept."""
    if action not in TRANSITIONS:
        raise InvalidInput("paperwork.unknown_action", field="action", action=action[:20])
    sources, target, needs = TRANSITIONS[action]
    project = require_project_paperwork(session, user=user, project_id=project_id, action=needs)
    row = _open(session, project)
    if row.state not in sources:
        raise InvalidInput(
            "paperwork.bad_transition",
            field="action",
            state=label("report_state", str(row.state)),
            action=action,
        )
    cleaned = (note or "").strip() or None
    if action == "return" and cleaned is None:
        raise InvalidInput("paperwork.note_required", field="note")
    if action == "submit":
        if not row.narrative.strip():
            raise InvalidInput("report.narrative_required", field="narrative")
        row.figures = figures.of_project(session, project)
        row.submitted_at = clock.utcnow()
    else:
        row.decided_at = clock.utcnow()
    history.record(
        session,
        user=user,
        project=project,
        subject=SettlementSubject.report,
        from_state=str(row.state),
        to_state=target.value,
        note=cleaned,
    )
    row.state = target
    row.decision_note = cleaned
    session.add(row)
    session.flush()
    application_follows(session, user=user, project=project, subject="report", action=action)
    return row
