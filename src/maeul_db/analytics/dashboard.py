"""The analysts' dashboard as one use case: indicators, the ladder, network growth and the dong map
for one period, under one time budget (kit.deadline), so the page ends within the budget whatever
it composes.

Network growth is never computed here (a network per year of the whole city takes minutes): the
page shows the stored result of the network-growth job for its period, with when it was
computed, or a button to start that job (issue 11, heavy metrics)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from maeul_db.analytics import access, cache, ladder_service, map_service, service
from maeul_db.analytics.schemas import DongMap, KpiReport, LadderReport
from maeul_db.jobs import service as jobs
from maeul_db.models import JobKind, UserAccount

# One network per year of the period: the page draws at most this many years of growth.
GROWTH_YEARS = 10


@dataclass
class Dashboard:
    report: KpiReport
    ladder: LadderReport
    dong_map: DongMap
    districts: list[tuple[str, str]]
    district: str
    start: date
    end: date
    growth_start: date
    # The stored network-growth job for the period (None: never computed; start it).
    growth: jobs.JobView | None = None


@dataclass
class _Composed:
    report: KpiReport
    ladder: LadderReport
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
    cohorts: bool = False,
) -> Dashboard:
    """The dashboard for a period (the latest project year by default) and scope, cached until the
    data changes (analytics.cache; the key holds everything the user's rights change).
    ``cohorts`` asks for the whole ladder report (cohorts and stalls need every person's facts,
    so they are computed only when asked for)."""
    key = ("dashboard", user.role, user.district_code, start, end, district_code, cohorts)
    board = cache.cached(
        session, key, lambda: _compose(session, user, start, end, district_code, cohorts)
    )
    growth_start = max(board.start, date(board.end.year - GROWTH_YEARS + 1, 1, 1))
    # Outside the cache: a job finishing does not change the data version.
    growth = jobs.latest(
        session,
        user=user,
        kind=JobKind.network_growth,
        start=growth_start,
        end=board.end,
        district_code=district_code,
    )
    return Dashboard(**vars(board), growth_start=growth_start, growth=growth)


def _compose(
    session: Session,
    user: UserAccount,
    start: date | None,
    end: date | None,
    district_code: str | None,
    cohorts: bool,
) -> _Composed:
    year = service.latest_year(session)
    start = start or date(year, 1, 1)
    end = end or date(year, 12, 31)
    report = service.kpi(session, user=user, start=start, end=end, district_code=district_code)
    ladder = (
        ladder_service.report(
            session, user=user, as_of=end, district_code=district_code, transition_years=1
        )
        if cohorts
        else ladder_service.rungs(session, user=user, as_of=end, district_code=district_code)
    )
    dong_map = map_service.dong_map(
        session, user=user, start=start, end=end, district_code=district_code
    )
    return _Composed(
        report=report,
        ladder=ladder,
        dong_map=dong_map,
        districts=service.district_choices(session),
        district=report.district_code or "",
        start=start,
        end=end,
    )
