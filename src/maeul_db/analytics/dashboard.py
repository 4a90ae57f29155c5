"""The analysts' dashboard as one use case: indicators, the ladder, network growth and the dong map
for one period, under one time budget (kit.deadline), so the page ends within the budget whatever
it composes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from maeul_db.analytics import access, cache, ladder_service, map_service, network_service, service
from maeul_db.analytics.schemas import DongMap, KpiReport, LadderReport, YearGrowth
from maeul_db.models import UserAccount

# One network per year of the period: the page draws at most this many years of growth.
GROWTH_YEARS = 10


@dataclass
class Dashboard:
    report: KpiReport
    ladder: LadderReport
    growth: list[YearGrowth]
    dong_map: DongMap
    districts: list[tuple[str, str]]
    district: str
    start: date
    end: date


@access.time_limited
def overview(
    session: Session,
    *,
    user: UserAccount,
    start: date | None,
    end: date | None,
    district_code: str | None,
) -> Dashboard:
    """The dashboard for a period (the latest project year by default) and scope, cached until the
    data changes (analytics.cache; the key holds everything the user's rights change)."""
    key = ("dashboard", user.role, user.district_code, start, end, district_code)
    return cache.cached(session, key, lambda: _compose(session, user, start, end, district_code))


def _compose(
    session: Session,
    user: UserAccount,
    start: date | None,
    end: date | None,
    district_code: str | None,
) -> Dashboard:
    year = service.latest_year(session)
    start = start or date(year, 1, 1)
    end = end or date(year, 12, 31)
    report = service.kpi(session, user=user, start=start, end=end, district_code=district_code)
    ladder = ladder_service.report(
        session, user=user, as_of=end, district_code=district_code, transition_years=1
    )
    growth_start = max(start, date(end.year - GROWTH_YEARS + 1, 1, 1))
    growth = network_service.growth(
        session, user=user, start=growth_start, end=end, district_code=district_code
    )
    dong_map = map_service.dong_map(
        session, user=user, start=start, end=end, district_code=district_code
    )
    return Dashboard(
        report=report,
        ladder=ladder,
        growth=growth,
        dong_map=dong_map,
        districts=service.district_choices(session),
        district=report.district_code or "",
        start=start,
        end=end,
    )
