"""The district's paperwork at a glance: each project in scope with its report's and settlement's
state, the report's due date, what was spent and what goes back (a page and an xlsx)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from maeul_db.kit.cells import xlsx_bytes
from maeul_db.kit.pagination import Page
from maeul_db.models import Project, ResultReport, Settlement, SettlementExpense, UserAccount
from maeul_db.settlements.access import paperwork_projects
from maeul_db.settlements.reports import due_on
from maeul_db.wording import label, message

XLSX_ROWS = 10_000
PAGE = 500


@dataclass(frozen=True)
class OverviewRow:
    project: Project
    report_state: str
    due_on: date
    settlement_state: str
    spent_krw: int
    to_return_krw: int


def _rows(session: Session, projects: Sequence[Project]) -> list[OverviewRow]:
    ids = [p.id for p in projects if p.id is not None]
    reports = {
        r.project_id: r
        for r in session.exec(select(ResultReport).where(col(ResultReport.project_id).in_(ids)))
    }
    settlements = {
        s.project_id: s
        for s in session.exec(select(Settlement).where(col(Settlement.project_id).in_(ids)))
    }
    spent_stmt = (
        select(Settlement.project_id, func.coalesce(func.sum(SettlementExpense.amount_krw), 0))
        .join(SettlementExpense, col(SettlementExpense.settlement_id) == Settlement.id)
        .where(col(Settlement.project_id).in_(ids))
        .group_by(col(Settlement.project_id))
    )
    spent = {pid: int(total) for pid, total in session.exec(spent_stmt).all()}
    rows = []
    for project in projects:
        report = reports.get(project.id or 0)
        settlement = settlements.get(project.id or 0)
        used = spent.get(project.id or 0, 0)
        interest = settlement.interest_krw if settlement else 0
        rows.append(
            OverviewRow(
                project=project,
                report_state=str(report.state) if report else "draft",
                due_on=(report.due_on if report and report.due_on else due_on(project)),
                settlement_state=str(settlement.state) if settlement else "draft",
                spent_krw=used,
                to_return_krw=max(project.grant_krw - used, 0) + interest,
            )
        )
    return rows


def list_(
    session: Session, *, user: UserAccount, page: Page, year: int | None = None
) -> tuple[list[OverviewRow], int]:
    """The projects in the user's paperwork scope (``access.paperwork_projects``), with their
    paperwork."""
    projects, count = paperwork_projects(session, user=user, page=page, year=year)
    return _rows(session, projects), count


def overview_xlsx(session: Session, *, user: UserAccount, year: int | None = None) -> bytes:
    rows: list[OverviewRow] = []
    while True:  # the page size is capped; read every page
        chunk, count = list_(session, user=user, page=Page(PAGE, len(rows)), year=year)
        rows.extend(chunk)
        if not chunk or len(rows) >= min(count, XLSX_ROWS):
            break
    head: list[object] = [
        message(f"xlsx.overview.{c}")
        for c in (
            "project",
            "year",
            "grant",
            "report",
            "due",
            "settlement",
            "spent",
            "to_return",
            "botame",
        )
    ]
    table: list[list[object]] = [head]
    for r in rows:
        table.append(
            [
                r.project.name,
                r.project.year,
                r.project.grant_krw,
                label("report_state", r.report_state),
                r.due_on.isoformat(),
                label("settlement_state", r.settlement_state),
                r.spent_krw,
                r.to_return_krw,
                r.project.botame_id or "",
            ]
        )
    return xlsx_bytes(table, title="paperwork")
