"""Which way the participation family is read (docs/indicators.md "Summaries"): the year counts
for one whole year, the span counts for whole years within the stored spans, the person-year
facts for other whole years, their month masks for any other period within the summarised
years, the raw facts otherwise. The dong map: the person × dong year masks for whole
summarised years, the person × dong month rows for any other period within them. The training
hours: the person year rows for whole summarised years. The raw facts otherwise."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session

from maeul_db.analytics import (
    families,
    family_facts,
    family_months,
    kpi_cells,
    queries,
    summary,
    summary_dong,
    summary_dong_months,
    summary_hook,
    summary_hours,
    summary_seats,
    summary_span,
)
from maeul_db.analytics.families import FamilyRow
from maeul_db.analytics.kpi_cells import HoursCell, SeatCell


def built(session: Session) -> bool:
    """Whether the summaries were built in full (and are kept up to date since)."""
    current = summary.state(session)
    return current is not None and current.last_year is not None


def covered(session: Session, start: date, end: date) -> bool:
    """Whether the summaries answer ``[start, end]``: built, whole calendar years, within the
    years they cover (open facts run only to their last year)."""
    current = summary.state(session)
    if current is None or current.last_year is None:
        return False
    whole = (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31)
    return whole and end.year <= current.last_year


def in_month_masks(session: Session, start: date, end: date) -> bool:
    """Whether the person-year month masks answer ``[start, end]``: built, within the years they
    cover (any days: the months held in part are completed from the raw facts of the few)."""
    current = summary.state(session)
    if current is None or current.last_year is None or current.first_year is None:
        return False
    return current.first_year <= start.year and end.year <= current.last_year


def family_rows(session: Session, *, start: date, end: date) -> list[FamilyRow]:
    if not covered(session, start, end):
        if not in_month_masks(session, start, end):
            return family_facts.from_facts(session, start, end)
        summary_hook.refresh_pending(session)  # this session's own writes first
        return family_months.from_month_masks(session, start, end)
    summary_hook.refresh_pending(session)  # this session's own writes first
    if start.year == end.year:
        return families.from_year_counts(session, start.year)
    current = summary.state(session)
    years = summary_span.span_years(current.first_year, current.last_year) if current else None
    if years and years[0] <= start.year and end.year <= years[1]:
        return summary_span.read(session, start.year, end.year)
    return families.from_person_years(session, start.year, end.year)


def _in_masks(session: Session, start: date, end: date) -> bool:
    """Whether the person year masks answer ``[start, end]``: covered, within their 63 years."""
    current = summary.state(session)
    years = summary_dong.mask_years(current.first_year, current.last_year) if current else None
    inside = years is not None and years[0] <= start.year and end.year <= years[1]
    return inside and covered(session, start, end)


def participants_by_dong(
    session: Session, *, start: date, end: date, district_code: str | None
) -> dict[str, int]:
    """Distinct people per dong in ``[start, end]``: from the person × dong year masks for whole
    summarised years, from the person × dong month rows for any other period within them, else
    from the raw facts (the same figures)."""
    if not _in_masks(session, start, end):
        if not in_month_masks(session, start, end):
            return queries.participants_by_dong(
                session, start=start, end=end, district_code=district_code
            )
        summary_hook.refresh_pending(session)  # this session's own writes first
        return summary_dong_months.participants(
            session, start=start, end=end, district_code=district_code
        )
    summary_hook.refresh_pending(session)  # this session's own writes first
    return summary_dong.participants(
        session, first=start.year, last=end.year, district_code=district_code
    )


def training_hours(
    session: Session, *, start: date, end: date, district_code: str | None
) -> list[HoursCell]:
    """Training hours per scope × gender in ``[start, end]``: from the person-month hours rows for
    whole months within the summarised years, else from the raw attendances (the same cells)."""
    months = in_month_masks(session, start, end) and whole_months(start, end)
    if not (covered(session, start, end) or months):
        return kpi_cells.hours(session, start=start, end=end, district_code=district_code)
    summary_hook.refresh_pending(session)  # this session's own writes first
    return summary_hours.cells(
        session,
        first=start.year,
        last=end.year,
        district_code=district_code,
        months=(start.month, end.month),
    )


def whole_months(start: date, end: date) -> bool:
    """Whether ``[start, end]`` starts on a month's first day and ends on a month's last."""
    return start.day == 1 and (end + timedelta(days=1)).day == 1


def council_seats(
    session: Session, *, start: date, end: date, district_code: str | None
) -> list[SeatCell]:
    """Council members (and those with project experience) per scope × gender in ``[start,
    end]``: from the seat holders' year masks for whole summarised years, else from the raw seats
    (with the first participation from the ladder reach summary once it is built)."""
    built_ = built(session)
    if built_:
        summary_hook.refresh_pending(session)  # this session's own writes first
    if not _in_masks(session, start, end):
        return kpi_cells.seats(
            session, start=start, end=end, district_code=district_code, from_reach=built_
        )
    return summary_seats.cells(
        session, first=start.year, last=end.year, district_code=district_code
    )
