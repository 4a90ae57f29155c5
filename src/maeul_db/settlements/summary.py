"""What a project's page shows of its paperwork: the report's and the settlement's state, the
report's due date and the money to return (one call, access checked once)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from maeul_db.models import UserAccount
from maeul_db.settlements import reports
from maeul_db.settlements import service as settlement_service


@dataclass(frozen=True)
class PaperworkSummary:
    report_state: str
    report_due_on: date | None
    settlement_state: str
    expenses: int
    to_return_krw: int


def of_project(session: Session, *, user: UserAccount, project_id: int) -> PaperworkSummary:
    report = reports.get(session, user=user, project_id=project_id)
    settlement = settlement_service.get(session, user=user, project_id=project_id)
    return PaperworkSummary(
        report_state=str(report.report.state),
        report_due_on=report.report.due_on,
        settlement_state=str(settlement.settlement.state),
        expenses=len(settlement.expenses),
        to_return_krw=settlement.totals.to_return_krw,
    )
