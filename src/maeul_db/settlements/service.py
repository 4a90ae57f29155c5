"""A project's settlement (정산): the plan per budget line, the expenses with their evidence, the
non-cash contribution, and its states draft → submitted → returned/accepted → settled. Only a
draft or a returned settlement is edited; a settled one never is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.errors import InvalidInput
from maeul_db.kit import time as clock
from maeul_db.models import (
    AttachmentPurpose,
    ExpenseLine,
    NoncashContribution,
    Project,
    Settlement,
    SettlementBudgetLine,
    SettlementEvent,
    SettlementExpense,
    SettlementState,
    SettlementSubject,
    StoredAttachment,
    UserAccount,
)
from maeul_db.settlements import history, noncash, totals
from maeul_db.settlements.access import Action, allowed, require_project_paperwork
from maeul_db.settlements.attachments import Upload, store
from maeul_db.settlements.follow import application_follows
from maeul_db.settlements.schemas import ExpenseCreate, NoncashCreate, PlanUpdate
from maeul_db.wording import label

S = SettlementState
EDITABLE = frozenset({S.draft, S.returned})
# action → (states it leaves, state it reaches, who may take it)
TRANSITIONS: dict[str, tuple[frozenset[SettlementState], SettlementState, Action]] = {
    "submit": (EDITABLE, S.submitted, "write"),
    "return": (frozenset({S.submitted, S.accepted}), S.returned, "decide"),
    "accept": (frozenset({S.submitted}), S.accepted, "decide"),
    "settle": (frozenset({S.accepted}), S.settled, "decide"),
}


@dataclass(frozen=True)
class SettlementView:
    project: Project
    settlement: Settlement
    expenses: list[SettlementExpense]
    attachments: dict[int, StoredAttachment]
    contributions: list[NoncashContribution]
    totals: totals.Totals
    share: noncash.ShareCheck
    events: list[SettlementEvent]
    # What the viewer may do next (the page offers these buttons only).
    actions: list[str]
    can_edit: bool

    @property
    def editable(self) -> bool:
        return self.settlement.state in EDITABLE


def _offered(user: UserAccount, project: Project, state: str) -> tuple[list[str], bool]:
    actions = [
        name
        for name, (sources, _, needs) in TRANSITIONS.items()
        if state in sources and allowed(user, project, needs)
    ]
    return actions, state in EDITABLE and allowed(user, project, "write")


def _find(session: Session, project_id: int) -> Settlement | None:
    return session.exec(select(Settlement).where(Settlement.project_id == project_id)).first()


def _open(session: Session, project: Project) -> Settlement:
    """The project's settlement, begun on its first write."""
    assert project.id is not None
    row = _find(session, project.id)
    if row is None:
        row = Settlement(project_id=project.id, district_code=project.district_code)
        session.add(row)
        session.flush()
    return row


def _editable(
    session: Session, *, user: UserAccount, project_id: int
) -> tuple[Project, Settlement]:
    project = require_project_paperwork(session, user=user, project_id=project_id, action="write")
    row = _open(session, project)
    if row.state == S.settled:
        raise InvalidInput("settlement.settled_locked")
    if row.state not in EDITABLE:
        raise InvalidInput(
            "settlement.not_editable", state=label("settlement_state", str(row.state))
        )
    return project, row


def _rows(session: Session, model: Any, settlement_id: int | None) -> list[Any]:
    if settlement_id is None:
        return []
    stmt: Any = select(model).where(model.settlement_id == settlement_id)
    return list(session.exec(stmt.order_by(model.id)).all())


def _sid(row: Settlement) -> int:
    assert row.id is not None
    return row.id


def get(session: Session, *, user: UserAccount, project_id: int) -> SettlementView:
    """The project's settlement with its totals (an empty draft before anything is written)."""
    project = require_project_paperwork(session, user=user, project_id=project_id, action="read")
    row = _find(session, project_id) or Settlement(
        project_id=project_id, district_code=project.district_code
    )
    expenses: list[SettlementExpense] = _rows(session, SettlementExpense, row.id)
    plan: list[SettlementBudgetLine] = _rows(session, SettlementBudgetLine, row.id)
    contributions: list[NoncashContribution] = _rows(session, NoncashContribution, row.id)
    ids = [e.attachment_id for e in expenses if e.attachment_id is not None]
    files = session.exec(select(StoredAttachment).where(col(StoredAttachment.id).in_(ids))).all()
    computed = totals.compute(
        grant_krw=project.grant_krw,
        interest_krw=row.interest_krw,
        planned={p.line: p.planned_krw for p in plan},
        expenses=expenses,
    )
    actions, can_edit = _offered(user, project, str(row.state))
    share = noncash.recognised_share(
        session,
        year=project.year,
        grant_krw=project.grant_krw,
        offered_krw=sum(c.value_krw for c in contributions),
    )
    return SettlementView(
        project=project,
        settlement=row,
        expenses=expenses,
        attachments={f.id: f for f in files if f.id is not None},
        contributions=contributions,
        totals=computed,
        share=share,
        events=[
            e
            for e in history.events_of(session, project_id=project_id)
            if e.subject == SettlementSubject.settlement
        ],
        actions=actions,
        can_edit=can_edit,
    )


def set_plan(
    session: Session, *, user: UserAccount, project_id: int, data: PlanUpdate
) -> Settlement:
    """The grant's plan per line (their sum within the grant) and the interest earned."""
    project, row = _editable(session, user=user, project_id=project_id)
    if sum(data.planned.values()) > project.grant_krw:
        raise InvalidInput(
            "settlement.plan_over_grant",
            field="planned",
            planned=f"{sum(data.planned.values()):,}",
            grant=f"{project.grant_krw:,}",
        )
    existing = {p.line: p for p in _rows(session, SettlementBudgetLine, row.id)}
    for line in ExpenseLine:
        amount = data.planned.get(line, 0)
        current = existing.get(line)
        if current is None and amount:
            session.add(
                SettlementBudgetLine(settlement_id=_sid(row), line=line, planned_krw=amount)
            )
        elif current is not None:
            current.planned_krw = amount
            session.add(current)
    row.interest_krw = data.interest_krw
    session.add(row)
    session.flush()
    return row


def _check_date(project: Project, data: ExpenseCreate) -> None:
    first = project.starts_on
    last = project.ends_on
    if first is None and last is None:
        if data.spent_on.year != project.year:
            raise InvalidInput("expense.outside_year", field="spent_on", year=project.year)
    elif (first and data.spent_on < first) or (last and data.spent_on > last):
        raise InvalidInput(
            "expense.outside_period",
            field="spent_on",
            first=str(first or ""),
            last=str(last or ""),
        )


def add_expense(
    session: Session,
    *,
    user: UserAccount,
    project_id: int,
    data: ExpenseCreate,
    upload: Upload | None = None,
) -> SettlementExpense:
    """One expense line; its evidence file (if given) is checked and kept with its SHA-256."""
    project, row = _editable(session, user=user, project_id=project_id)
    _check_date(project, data)
    attachment = (
        store(session, user=user, project=project, purpose=AttachmentPurpose.expense, upload=upload)
        if upload is not None
        else None
    )
    expense = SettlementExpense(
        settlement_id=_sid(row),
        district_code=project.district_code,
        attachment_id=attachment.id if attachment else None,
        **data.model_dump(),
    )
    session.add(expense)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="settlement_expense",
        entity_id=expense.id,
        district_code=project.district_code,
        after={**data.model_dump(mode="json"), "sha256": attachment.sha256 if attachment else None},
    )
    return expense


def attach_evidence(
    session: Session, *, user: UserAccount, project_id: int, expense_id: int, upload: Upload
) -> SettlementExpense:
    """The evidence of an expense entered without it (or a better copy)."""
    project, row = _editable(session, user=user, project_id=project_id)
    expense = session.get(SettlementExpense, expense_id)
    if expense is None or expense.settlement_id != row.id:
        raise InvalidInput("expense.not_found", field="expense_id")
    attachment = store(
        session, user=user, project=project, purpose=AttachmentPurpose.expense, upload=upload
    )
    expense.attachment_id = attachment.id
    session.add(expense)
    session.flush()
    return expense


def add_noncash(
    session: Session, *, user: UserAccount, project_id: int, data: NoncashCreate
) -> NoncashContribution:
    """A non-cash contribution valued by the rule of the project's year, kept with that rule."""
    project, row = _editable(session, user=user, project_id=project_id)
    valued = noncash.value(
        session,
        year=project.year,
        kind=data.kind,
        hours=data.hours,
        rate_krw=data.rate_krw,
        appraised_krw=data.appraised_krw,
    )
    assert valued.rule.id is not None
    contribution = NoncashContribution(
        settlement_id=_sid(row),
        district_code=project.district_code,
        year=project.year,
        kind=data.kind,
        description=data.description,
        hours=data.hours,
        rate_krw=valued.rate_krw,
        appraised_krw=data.appraised_krw,
        value_krw=valued.value_krw,
        rule_id=valued.rule.id,
        rule_year=valued.rule.effective_year,
    )
    session.add(contribution)
    session.flush()
    return contribution


def _check_submittable(view: SettlementView) -> None:
    missing = [e for e in view.expenses if e.attachment_id is None]
    if missing:
        raise InvalidInput("settlement.evidence_missing", count=len(missing))
    if view.totals.over_grant:
        raise InvalidInput(
            "settlement.over_grant",
            spent=f"{view.totals.spent_krw:,}",
            grant=f"{view.totals.grant_krw:,}",
        )


def change_state(
    session: Session, *, user: UserAccount, project_id: int, action: str, note: str | None
) -> Settlement:
    """Submit (the group or staff), return with a reason, accept, settle (staff)."""
    if action not in TRANSITIONS:
        raise InvalidInput("paperwork.unknown_action", field="action", action=action[:20])
    sources, target, needs = TRANSITIONS[action]
    project = require_project_paperwork(session, user=user, project_id=project_id, action=needs)
    row = _open(session, project)
    if row.state not in sources:
        raise InvalidInput(
            "settlement.settled_locked" if row.state == S.settled else "paperwork.bad_transition",
            field="action",
            state=label("settlement_state", str(row.state)),
            action=action,
        )
    if action == "return" and not (note or "").strip():
        raise InvalidInput("paperwork.note_required", field="note")
    if action == "submit":
        _check_submittable(get(session, user=user, project_id=project_id))
    history.record(
        session,
        user=user,
        project=project,
        subject=SettlementSubject.settlement,
        from_state=str(row.state),
        to_state=target.value,
        note=(note or "").strip() or None,
    )
    row.state = target
    row.decision_note = (note or "").strip() or None
    if target == S.submitted:
        row.submitted_at = clock.utcnow()
    if target == S.settled:
        row.settled_at = clock.utcnow()
    session.add(row)
    session.flush()
    application_follows(session, user=user, project=project, subject="settlement", action=action)
    return row
