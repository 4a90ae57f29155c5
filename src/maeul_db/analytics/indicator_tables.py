"""The dashboard's indicator tables as plain rows (headers first) for CSV and xlsx downloads.

The figures come from a ``KpiReport`` already built by ``service.kpi`` for the user, so small cells
are suppressed exactly as on the page: a hidden cell is written as the page's marker, never as a
number (docs/privacy.md). Every person count is split by gender (성별분리통계)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from maeul_db.analytics.schemas import Count, Indicators, KpiReport
from maeul_db.wording import message

Row = list[Any]
_COUNTS: tuple[tuple[str, Callable[[Indicators], Count]], ...] = (
    ("participants", lambda i: i.participants),
    ("repeat_participants", lambda i: i.repeat_participants),
    ("lead_proposers", lambda i: i.lead_proposers),
    ("council_members", lambda i: i.council_members),
    ("experts_trained", lambda i: i.experts_trained),
    ("experts_placed", lambda i: i.experts_placed),
)
_SPLIT = ("total", "female", "male", "unstated")


def _cell(value: int | None) -> int | str:
    return message("jobs.suppressed_cell") if value is None else value


def _split(count: Count) -> Row:
    return [_cell(getattr(count, part)) for part in _SPLIT]


def header() -> Row:
    """District, then each person count as total / women / men / unstated, then projects."""
    row: Row = [message("jobs.col_district")]
    for name, _ in _COUNTS:
        title = message(f"jobs.col_{name}")
        row += [f"{title} {message(f'jobs.col_{part}')}" for part in _SPLIT]
    return [*row, message("jobs.col_projects")]


def _row(name: str, figures: Indicators) -> Row:
    row: Row = [name]
    for _, pick in _COUNTS:
        row += _split(pick(figures))
    return [*row, figures.projects]


def district_table(report: KpiReport) -> list[Row]:
    """The city row then one row per district (the dashboard's district table)."""
    rows = [header(), _row(message("analytics.city_name"), report.city)]
    rows += [_row(d.district_name, d) for d in report.districts]
    return rows
