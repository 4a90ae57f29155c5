"""The 보탬e link: the project's id and settlement status there (staff keep them on the project,
``projects.service.update``), and the
settlement as a CSV the officer uploads to or reconciles with 보탬e (docs/import-format.md,
"보탬e settlement CSV"). 보탬e itself is not rebuilt."""

from __future__ import annotations

from sqlmodel import Session

from maeul_db.kit.cells import csv_text
from maeul_db.models import UserAccount
from maeul_db.settlements import service as settlement_service
from maeul_db.wording import label

# The CSV's columns, in order (their headers are the catalogue's ``botame_column`` words).
COLUMNS = (
    "botame_id",
    "project_name",
    "district_code",
    "line_no",
    "spent_on",
    "payee",
    "budget_line",
    "amount_krw",
    "evidence",
    "evidence_file",
    "evidence_sha256",
    "note",
)


def settlement_csv(session: Session, *, user: UserAccount, project_id: int) -> bytes:
    """Every expense of the settlement, one line each, UTF-8 with a BOM (spreadsheet programs
    read Korean right), totals left to the reader."""
    view = settlement_service.get(session, user=user, project_id=project_id)
    project = view.project
    rows: list[list[object]] = [[label("botame_column", c) for c in COLUMNS]]
    for number, expense in enumerate(view.expenses, start=1):
        file = view.attachments.get(expense.attachment_id or 0)
        rows.append(
            [
                project.botame_id or "",
                project.name,
                project.district_code,
                number,
                expense.spent_on.isoformat(),
                expense.payee,
                label("expense_line", str(expense.line)),
                expense.amount_krw,
                label("evidence_type", str(expense.evidence)),
                file.filename if file else "",
                file.sha256 if file else "",
                expense.note or "",
            ]
        )
    return ("\ufeff" + csv_text(rows)).encode("utf-8")
