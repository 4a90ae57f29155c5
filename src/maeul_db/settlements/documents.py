"""The printed paperwork: application, result report, settlement (Korean A4 PDFs from ``settlements/templates/``, the certificates' PDF
kit) and the spreadsheets of the settlement's lists. Rendering is pure; the use cases load the
view through the services, so access is checked there."""

from __future__ import annotations

from sqlmodel import Session
from weasyprint import HTML

from maeul_db.kit import pdf as pdf_kit
from maeul_db.kit.cells import xlsx_bytes
from maeul_db.kit.resources import package_dir
from maeul_db.models import UserAccount
from maeul_db.paperwork import views
from maeul_db.paperwork.views import ApplicationPage
from maeul_db.settlements import reports
from maeul_db.settlements import service as settlement_service
from maeul_db.settlements.reports import ReportView
from maeul_db.settlements.service import SettlementView
from maeul_db.wording import label, message

TEMPLATES_DIR = package_dir("maeul_db.settlements", "templates")


def _pdf(template: str, identifier: str, **context: object) -> bytes:
    fonts, css = pdf_kit.fonts_and_css(TEMPLATES_DIR / "paperwork.css")
    html = pdf_kit.environment(TEMPLATES_DIR).get_template(template).render(**context)
    pdf = HTML(string=html, base_url=str(TEMPLATES_DIR)).write_pdf(
        stylesheets=[css], font_config=fonts, pdf_identifier=identifier.encode()
    )
    assert isinstance(pdf, bytes)
    return pdf


def render_report(view: ReportView) -> bytes:
    return _pdf("report.html", f"maeul-report-{view.project.id}", view=view)


def render_settlement(view: SettlementView) -> bytes:
    return _pdf("settlement.html", f"maeul-settlement-{view.project.id}", view=view)


def render_application(page: ApplicationPage) -> bytes:
    return _pdf("application.html", f"maeul-application-{page.detail.id}", page=page)


def application_pdf(session: Session, *, user: UserAccount, application_id: int) -> bytes:
    """The application as a PDF (its read, and the names it shows, logged by the page's view)."""
    page = views.application_page(session, user=user, application_id=application_id)
    return render_application(page)


def report_pdf(session: Session, *, user: UserAccount, project_id: int) -> bytes:
    """The result report as a PDF."""
    return render_report(reports.get(session, user=user, project_id=project_id))


def settlement_pdf(session: Session, *, user: UserAccount, project_id: int) -> bytes:
    """The settlement summary as a PDF."""
    return render_settlement(settlement_service.get(session, user=user, project_id=project_id))


def settlement_xlsx(session: Session, *, user: UserAccount, project_id: int) -> bytes:
    """The settlement's expenses and non-cash contributions, one sheet row each."""
    view = settlement_service.get(session, user=user, project_id=project_id)
    head: list[object] = [
        message(f"xlsx.expense.{c}")
        for c in ("spent_on", "payee", "line", "amount", "evidence", "file", "sha256")
    ]
    rows: list[list[object]] = [head]
    for e in view.expenses:
        file = view.attachments.get(e.attachment_id or 0)
        rows.append(
            [
                e.spent_on.isoformat(),
                e.payee,
                label("expense_line", str(e.line)),
                e.amount_krw,
                label("evidence_type", str(e.evidence)),
                file.filename if file else "",
                file.sha256 if file else "",
            ]
        )
    rows.append([])
    rows.append(
        [
            message(f"xlsx.noncash.{c}")
            for c in ("kind", "description", "hours", "rate", "value", "rule_year")
        ]
    )
    for c in view.contributions:
        rows.append(
            [
                label("noncash_kind", str(c.kind)),
                c.description,
                float(c.hours) if c.hours is not None else None,
                c.rate_krw,
                c.value_krw,
                c.rule_year,
            ]
        )
    return xlsx_bytes(rows, title=f"settlement-{project_id}")
