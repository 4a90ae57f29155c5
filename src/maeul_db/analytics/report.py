"""The yearly indicator report: ``render_pdf(report, year=...) -> bytes`` is pure and reads only
``analytics/templates/``; the figures are the ``KpiReport`` the dashboard and the API show (built by
``service.kpi``, so scope and small-cell suppression are the caller's)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session
from weasyprint import HTML

from maeul_db.analytics import service
from maeul_db.analytics.schemas import KpiReport
from maeul_db.kit import pdf as pdf_kit
from maeul_db.kit.resources import package_dir
from maeul_db.models import UserAccount
from maeul_db.wording import message

TEMPLATES_DIR = package_dir("maeul_db.analytics", "templates")
CITY_NAME = message("analytics.city_name")


def year_period(year: int) -> tuple[date, date]:
    """The dashboard's period for a year: 1 January to 31 December, both inclusive."""
    return date(year, 1, 1), date(year, 12, 31)


def yearly_kpi(
    session: Session, *, user: UserAccount, year: int, district_code: str | None = None
) -> KpiReport:
    """The same report the dashboard shows for that year and scope."""
    start, end = year_period(year)
    return service.kpi(session, user=user, start=start, end=end, district_code=district_code)


def scope_name(report: KpiReport) -> str:
    if report.district_code is None:
        return CITY_NAME
    names = [
        row.district_name for row in report.districts if row.district_code == report.district_code
    ]
    return names[0] if names else report.district_code


def render_html(report: KpiReport, *, year: int) -> str:
    template = pdf_kit.environment(TEMPLATES_DIR).get_template("yearly.html")
    return template.render(report=report, year=year, scope_name=scope_name(report))


def render_pdf(report: KpiReport, *, year: int) -> bytes:
    """The report as an A4 PDF (Korean, Nanum fonts, inline SVG charts)."""
    fonts, css = pdf_kit.fonts_and_css(TEMPLATES_DIR / "report.css")
    html = HTML(string=render_html(report, year=year), base_url=str(TEMPLATES_DIR))
    pdf = html.write_pdf(
        stylesheets=[css], font_config=fonts, pdf_identifier=f"maeul-report-{year}".encode()
    )
    assert isinstance(pdf, bytes)
    return pdf
