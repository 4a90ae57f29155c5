"""Career rules as pure functions: the New Deal job limit.

Seoul's New Deal jobs (뉴딜일자리) are transitional: one job may last at most 23 months. A longer
entry is not refused (the record says what happened), it is flagged for staff to look at.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from maeul_db.models import JobType

NEW_DEAL_MAX_MONTHS = 23


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def full_months(valid_from: date, valid_to: date) -> int:
    """Whole months in ``valid_from <= D < valid_to``."""
    months = (valid_to.year - valid_from.year) * 12 + valid_to.month - valid_from.month
    return months - 1 if add_months(valid_from, months) > valid_to else months


def effective_end(valid_to: date | None, today: date) -> date:
    """The exclusive end of an interval: an open job runs through today."""
    return valid_to if valid_to is not None else today + timedelta(days=1)


def over_new_deal_limit(
    job_type: JobType | str, valid_from: date, valid_to: date | None, *, today: date
) -> bool:
    """A New Deal job lasting longer than 23 months (an open one counted to today)."""
    if job_type != JobType.new_deal:
        return False
    return effective_end(valid_to, today) > add_months(valid_from, NEW_DEAL_MAX_MONTHS)
