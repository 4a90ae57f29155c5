"""Analytics use cases: fetch rows (queries), compute (pure modules), scope and suppress per user."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import TypeVar

from sqlmodel import Session

from maeul_db.analytics import (
    access,
    cache,
    families,
    indicators,
    queries,
    summary_read,
)
from maeul_db.analytics.indicators import Inputs
from maeul_db.analytics.schemas import DistrictIndicators, Indicators, KpiReport
from maeul_db.analytics.suppression import suppress_indicators
from maeul_db.errors import InvalidInput
from maeul_db.experts import targets
from maeul_db.kit import time as clock
from maeul_db.models import TrainingStage, UserAccount
from maeul_db.models.analytics_summary import CITY_SCOPE

T = TypeVar("T")
EXPERT_TRACK = (TrainingStage.basic, TrainingStage.lecture_practice, TrainingStage.expert_activist)


def analysis_period(user: UserAccount, start: date, end: date) -> tuple[date, date]:
    """The one entry for every analytics period: bounded (kit.time.check_period), then snapped to
    whole quarters for analysts (analytics.access.snap_period)."""
    clock.check_period(start, end)
    return access.snap_period(user, start, end)


def _by_district(rows: Iterable[T], key: Callable[[T], str | None]) -> dict[str | None, list[T]]:
    grouped: dict[str | None, list[T]] = defaultdict(list)
    for row in rows:
        grouped[key(row)].append(row)
    return grouped


def _pool(completions: list[tuple[queries.PersonFact, str]]) -> list[queries.PersonFact]:
    """People who completed all three expert-track stages; the fact is their last stage's."""
    stages: dict[int, set[str]] = defaultdict(set)
    last: dict[int, queries.PersonFact] = {}
    for fact, stage in completions:
        stages[fact.person_id].add(stage)
        if stage == TrainingStage.expert_activist:
            last[fact.person_id] = fact
    needed = {s.value for s in EXPERT_TRACK}
    return [fact for person, fact in last.items() if needed <= stages[person]]


def _inputs(session: Session, *, start: date, end: date, district: str | None) -> Inputs:
    # The participation family comes from one SQL query (families.py), not from fetched rows.
    parts: list[queries.PartRow] = []
    track = queries.completions(session, stages=EXPERT_TRACK, end=end, district_code=district)
    dongs = queries.dongs_per_district(session, on=end)
    per_dong = targets.per_district(session)
    in_scope = {code: n for code, n in dongs.items() if district is None or code == district}
    return Inputs(
        parts=parts,
        projects=queries.projects(
            session, first_year=start.year, last_year=end.year, district_code=district
        ),
        seats=summary_read.council_seats(session, start=start, end=end, district_code=district),
        trained=[fact for fact, _ in track if fact.on >= start],
        pool=_pool(track),
        placed=queries.placements(session, start=end, end=end, district_code=district),
        hours=summary_read.training_hours(session, start=start, end=end, district_code=district),
        dongs=dongs.get(district, 0) if district else sum(dongs.values()),
        expert_target=sum(
            per_dong.get(code, targets.PLAN_TARGET_PER_DONG) * n for code, n in in_scope.items()
        ),
    )


def _split(inputs: Inputs) -> Callable[[str, int, int], Inputs]:
    """The part of city-wide inputs that belongs to each district: every list grouped once by
    district (not scanned once per district: 25 passes over the rows of a long period); the
    cells counted in the database are already per district."""
    parts = _by_district(inputs.parts, lambda r: r.district_code)
    projects = _by_district(inputs.projects, lambda r: r.district_code)
    seats = _by_district(inputs.seats, lambda r: r.scope)
    trained = _by_district(inputs.trained, lambda r: r.district_code)
    pool = _by_district(inputs.pool, lambda r: r.district_code)
    placed = _by_district(inputs.placed, lambda r: r.district_code)
    hours = _by_district(inputs.hours, lambda r: r.scope)

    def district(code: str, dongs: int, per_dong: int) -> Inputs:
        return Inputs(
            parts=parts.get(code, []),
            projects=projects.get(code, []),
            seats=seats.get(code, []),
            trained=trained.get(code, []),
            pool=pool.get(code, []),
            placed=placed.get(code, []),
            hours=hours.get(code, []),
            dongs=dongs,
            expert_target=per_dong * dongs,
        )

    return district


def _finish(
    raw: Inputs,
    family: families.Family,
    *,
    end: date,
    population: int | None,
    threshold: int | None,
) -> Indicators:
    result, hours_people = indicators.compute(raw, period_end=end)
    for metric, count in family.counts.items():
        setattr(result, metric, count.model_copy())
    result.participants_by_age_band = {b: c.model_copy() for b, c in family.by_band.items()}
    if threshold:
        suppress_indicators(result, hours_people, threshold)
    return indicators.derive(result, population=population)


@access.time_limited
def kpi(
    session: Session, *, user: UserAccount, start: date, end: date, district_code: str | None = None
) -> KpiReport:
    """The plan's indicators for a period, city-wide (or one district) and per district."""
    start, end = analysis_period(user, start, end)
    scope = access.scope_district(user, district_code)
    threshold = access.suppression_threshold(user)
    all_districts = queries.districts(session)
    if scope and scope not in {code for code, _, _ in all_districts}:
        raise InvalidInput("analytics.unknown_district", field="district")
    report = cache.cached(
        session,
        ("kpi", start, end, scope, threshold),
        lambda: _report(session, start=start, end=end, scope=scope, threshold=threshold),
    )
    return report.model_copy(deep=True)


def _report(
    session: Session, *, start: date, end: date, scope: str | None, threshold: int | None
) -> KpiReport:
    all_districts = queries.districts(session)
    raw = _inputs(session, start=start, end=end, district=scope)
    family = families.by_scope(summary_read.family_rows(session, start=start, end=end))
    dongs = queries.dongs_per_district(session, on=end)
    per_dong = targets.per_district(session)
    rows: list[DistrictIndicators] = []
    split = _split(raw)
    for code, name, population in all_districts:
        if scope and code != scope:
            continue
        ind = _finish(
            split(code, dongs.get(code, 0), per_dong.get(code, targets.PLAN_TARGET_PER_DONG)),
            family.get(code) or families.empty(),
            end=end,
            population=population,
            threshold=threshold,
        )
        rows.append(
            DistrictIndicators(
                district_code=code,
                district_name=name,
                population_korean=population,
                **ind.model_dump(),
            )
        )
    population = sum(p or 0 for code, _, p in all_districts if not scope or code == scope) or None
    city_family = family.get(scope or CITY_SCOPE) or families.empty()
    city_inputs = replace(
        raw,
        seats=[c for c in raw.seats if c.scope == CITY_SCOPE],
        hours=[c for c in raw.hours if c.scope == CITY_SCOPE],
    )
    city = _finish(city_inputs, city_family, end=end, population=population, threshold=threshold)
    return KpiReport(
        period_from=start,
        period_to=end,
        district_code=scope,
        population_korean=population,
        suppression_threshold=threshold,
        city=city,
        districts=rows,
        spread=indicators.spread([(r.district_name, r) for r in rows]) if not scope else [],
    )


def latest_year(session: Session) -> int:
    """The latest year with a funded project (the dashboard's default period), else this year."""
    return queries.latest_project_year(session) or clock.today().year


def district_choices(session: Session) -> list[tuple[str, str]]:
    return [(code, name) for code, name, _ in queries.districts(session)]
