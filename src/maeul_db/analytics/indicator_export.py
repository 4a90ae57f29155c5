"""The dashboard's indicator table as a CSV or xlsx download, with the suppression the page
applies (the figures are ``service.kpi``'s for the user). Counts only: no person is named, so
nothing is entered in the access log."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Session

from maeul_db.analytics import indicator_tables, service
from maeul_db.kit.cells import csv_text, xlsx_bytes
from maeul_db.models import UserAccount
from maeul_db.wording import message


class TableFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


MEDIA_TYPES = {
    TableFormat.csv: "text/csv; charset=utf-8",
    TableFormat.xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def download(
    session: Session,
    *,
    user: UserAccount,
    fmt: TableFormat,
    start: date,
    end: date,
    district_code: str | None = None,
) -> bytes:
    """The district table (city row first, every person count split by gender)."""
    report = service.kpi(session, user=user, start=start, end=end, district_code=district_code)
    rows = indicator_tables.district_table(report)
    if fmt == TableFormat.xlsx:
        return xlsx_bytes(rows, title=message("jobs.sheet_title"))
    # A byte-order mark so spreadsheet programs read the Korean headers as UTF-8.
    return ("\ufeff" + csv_text(rows)).encode("utf-8")
