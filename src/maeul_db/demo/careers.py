"""Jobs: placed experts (about 2 per dong from 2019), centre staff, field activists, New Deal jobs
and space operators, each a career interval, some verified by a centre and some self-reported.

The demo creates no accounts, so a verified career carries ``verified_at`` without a verifying user.
"""

from __future__ import annotations

import heapq
from datetime import date, timedelta
from decimal import Decimal

from maeul_db.demo.context import Context
from maeul_db.demo.dataset import END, open_end, stamp
from maeul_db.demo.people import STAFF_AGES
from maeul_db.demo.reference import DistrictRef, DongRef

PLACEMENT_ROLLOUT = {2019: 35, 2020: 30, 2021: 20, 2022: 15}
TENURE_YEARS = (1, 2, 2, 3, 4)
EXPERTS_PER_DONG = 2
STAFF_PER_DISTRICT = 6  # the plan's figure for district centres
FIELD_ACTIVISTS_CITY = 163  # 2016, before they merged into village autonomy experts (2019)
FIELD_ACTIVIST_END = date(2019, 1, 1)
NEW_DEAL_PER_DISTRICT_YEAR = 10
NEW_DEAL_YEARS = range(2019, 2024)
VERIFIED_SHARE = {
    "village_autonomy_expert": 0.7,
    "district_centre_staff": 0.8,
    "field_activist": 0.5,
    "new_deal": 0.6,
    "space_operator": 0.3,
}
HOURS = {
    "village_autonomy_expert": Decimal(40),
    "district_centre_staff": Decimal(40),
    "field_activist": Decimal(20),
    "new_deal": Decimal(40),
    "space_operator": Decimal(15),
}


def add_career(
    ctx: Context,
    person_id: int,
    job: str,
    employer: str,
    district: str,
    valid_from: date,
    valid_to: date | None,
    dong: str | None = None,
) -> int:
    career_id = ctx.data.next_id("career")
    created = stamp(valid_from, career_id)
    verified = None
    if ctx.rng.random() < VERIFIED_SHARE[job]:
        verified = stamp(valid_from + timedelta(days=30), career_id)
    ctx.data.add(
        "career",
        (
            career_id,
            created,
            created,
            valid_from,
            valid_to,
            person_id,
            job,
            employer,
            district,
            dong,
            HOURS[job],
            verified,
        ),
    )
    ctx.people.touch(person_id, valid_from, district)
    return career_id


def _years_later(day: date, years: int) -> date:
    return date(day.year + years, day.month, min(day.day, 28))


def _hire(ctx: Context, district: DistrictRef, start: date) -> int:
    """A climber from the district if there is one, else someone new to the database."""
    person_id = ctx.people.draw_climber(district.code, before=start)
    if person_id is None:
        dong = ctx.dong(district, start)
        person_id = ctx.people.create(start, district.code, dong.code, ages=STAFF_AGES)
    return person_id


def _pick_expert(
    ctx: Context,
    pool: dict[str, list[tuple[date, int]]],
    district: str,
    start: date,
    busy: dict[int, date],
) -> int | None:
    """An expert-stage completer free on ``start``: the district's own pool first, then the city's."""
    for codes in ((district,), tuple(pool)):
        free = [
            pid
            for code in codes
            for ready, pid in pool.get(code, ())
            if ready < start and busy.get(pid, date.min) <= start
        ]
        if free:
            return ctx.rng.choice(free)
    return None


def place_experts(
    ctx: Context, covered: dict[str, tuple[DongRef, ...]], pool: dict[str, list[tuple[date, int]]]
) -> None:
    years, weights = list(PLACEMENT_ROLLOUT), list(PLACEMENT_ROLLOUT.values())
    names = {d.code: d.name for d in ctx.districts}
    slots: list[tuple[date, int, str, str]] = []
    for district in ctx.districts:
        for dong in covered[district.code]:
            year = ctx.rng.choices(years, weights=weights)[0]
            for _ in range(EXPERTS_PER_DONG):
                slots.append((date(year, 3, 1), len(slots), district.code, dong.code))
    heapq.heapify(slots)
    busy: dict[int, date] = {}
    while slots:
        start, slot, code, dong_code = heapq.heappop(slots)
        person_id = _pick_expert(ctx, pool, code, start, busy)
        if person_id is None:
            next_start: date | None = _years_later(start, 1)
        else:
            next_start = open_end(_years_later(start, ctx.rng.choice(TENURE_YEARS)))
            busy[person_id] = next_start or END
            placement_id = ctx.data.next_id("expert_placement")
            created = stamp(start, placement_id)
            ctx.data.add(
                "expert_placement",
                (placement_id, created, created, start, next_start, person_id, code, dong_code),
            )
            add_career(
                ctx,
                person_id,
                "village_autonomy_expert",
                f"{names[code]} 마을자치센터",
                code,
                start,
                next_start,
                dong_code,
            )
        if next_start is not None and next_start < END:
            heapq.heappush(slots, (next_start, slot, code, dong_code))


def _positions(
    ctx: Context,
    district: DistrictRef,
    job: str,
    count: int,
    first: date,
    last: date,
    tenure: tuple[int, int],
) -> None:
    """``count`` posts filled one holder after another from ``first`` until ``last``."""
    employer = (
        f"{district.name} 마을자치통합지원센터"
        if job != "field_activist"
        else f"{district.name} 마을공동체지원센터"
    )
    for _ in range(count):
        start = ctx.day_in(first, first + timedelta(days=180))
        while start < last:
            end = start + timedelta(days=ctx.rng.randint(365 * tenure[0], 365 * tenure[1]))
            valid_to = open_end(min(end, last))
            add_career(
                ctx, _hire(ctx, district, start), job, employer, district.code, start, valid_to
            )
            start = end


def staff_and_activists(ctx: Context) -> None:
    activists = FIELD_ACTIVISTS_CITY / 25 * ctx.dong_coverage
    for district in ctx.districts:
        _positions(
            ctx,
            district,
            "district_centre_staff",
            STAFF_PER_DISTRICT,
            date(2013, 1, 2),
            END,
            (2, 6),
        )
        _positions(
            ctx,
            district,
            "field_activist",
            ctx.count(activists),
            date(2013, 3, 1),
            FIELD_ACTIVIST_END,
            (1, 3),
        )
        for year in NEW_DEAL_YEARS:
            for _ in range(ctx.count(NEW_DEAL_PER_DISTRICT_YEAR * ctx.dong_coverage)):
                start = ctx.day_in(date(year, 1, 2), date(year, 6, 30))
                months = ctx.rng.randint(10, 23)  # New Deal jobs last at most 23 months
                add_career(
                    ctx,
                    _hire(ctx, district, start),
                    "new_deal",
                    f"{district.name} 뉴딜일자리",
                    district.code,
                    start,
                    open_end(start + timedelta(days=30 * months)),
                )
