"""The API shapes of a report and a settlement view (no rules: the views come from the services)."""

from __future__ import annotations

from maeul_db.models import SettlementEvent
from maeul_db.settlements.reports import ReportView
from maeul_db.settlements.schemas import (
    EventPublic,
    ExpensePublic,
    LinePublic,
    NoncashPublic,
    ReportPublic,
    SettlementPublic,
    SharePublic,
)
from maeul_db.settlements.service import SettlementView


def _events(rows: list[SettlementEvent]) -> list[EventPublic]:
    return [EventPublic.model_validate(e, from_attributes=True) for e in rows]


def report(view: ReportView) -> ReportPublic:
    r = view.report
    assert r.due_on is not None
    return ReportPublic(
        project_id=r.project_id,
        state=r.state,
        narrative=r.narrative,
        due_on=r.due_on,
        figures=view.figures,
        attachment_ids=[a.id for a in view.attachments if a.id is not None],
        submitted_at=r.submitted_at,
        decision_note=r.decision_note,
        events=_events(view.events),
    )


def settlement(view: SettlementView) -> SettlementPublic:
    t = view.totals
    expenses = []
    for e in view.expenses:
        item = ExpensePublic.model_validate(e, from_attributes=True)
        file = view.attachments.get(e.attachment_id or 0)
        expenses.append(
            item.model_copy(update={"attachment_sha256": file.sha256 if file else None})
        )
    return SettlementPublic(
        project_id=view.project.id or 0,
        state=view.settlement.state,
        grant_krw=t.grant_krw,
        spent_krw=t.spent_krw,
        unspent_krw=t.unspent_krw,
        interest_krw=t.interest_krw,
        to_return_krw=t.to_return_krw,
        lines=[
            LinePublic(
                line=x.line,
                planned_krw=x.planned_krw,
                spent_krw=x.spent_krw,
                remaining_krw=x.remaining_krw,
            )
            for x in t.lines
        ],
        expenses=expenses,
        noncash=[NoncashPublic.model_validate(c, from_attributes=True) for c in view.contributions],
        noncash_share=SharePublic.model_validate(view.share, from_attributes=True),
        botame_id=view.project.botame_id,
        botame_status=view.project.botame_status,
        events=_events(view.events),
    )
