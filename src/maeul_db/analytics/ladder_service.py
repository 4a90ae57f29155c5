"""Growth-ladder use case: rungs as of a date, transitions, cohorts (scoped and suppressed per user)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from maeul_db.analytics import (
    access,
    ladder,
    ladder_counts,
    ladder_summary,
    queries,
    stall,
    summary,
    summary_hook,
    summary_read,
)
from maeul_db.analytics.indicators import count_people
from maeul_db.analytics.schemas import (
    GENDER_BY_CODE,
    Cohort,
    Count,
    LadderReport,
    Stalls,
    TransitionMatrix,
)
from maeul_db.analytics.suppression import publish, publish_share, suppress_count, suppress_row
from maeul_db.kit import time as clock
from maeul_db.models import UserAccount

# Analysts see the median wait before a first lead role to the nearest month, not to the day.
WAIT_ROUNDING_DAYS = 30


def _matrix(
    counts: dict[str, dict[str, int]], year: int, threshold: int | None
) -> TransitionMatrix:
    cells = {a: {b: publish(n, threshold) for b, n in row.items()} for a, row in counts.items()}
    hidden = any(v is None for row in cells.values() for v in row.values())
    return TransitionMatrix(year=year, rungs=list(ladder.RUNGS), counts=cells, suppressed=hidden)


def _wait(days: float | None, threshold: int | None) -> float | None:
    if days is None or not threshold:
        return days
    return float(round(days / WAIT_ROUNDING_DAYS) * WAIT_ROUNDING_DAYS)


def _cohort(row: tuple[int, int, list[int], float | None, int], threshold: int | None) -> Cohort:
    """A cohort as the user may see it: analysts get published (rounded) counts and shares
    computed from them (an exact share of an exact size would give both away)."""
    year, size, active, wait, leads = row
    shown_size = publish(size, threshold)
    if shown_size is None:
        return Cohort(year=year, size=None, retention=[None for _ in active])
    shown_leads = publish(leads, threshold)
    return Cohort(
        year=year,
        size=shown_size,
        retention=[publish_share(n, size, threshold) for n in active],
        median_days_to_first_lead=None if shown_leads is None else _wait(wait, threshold),
        leads=shown_leads,
    )


def _stalls(
    facts: queries.LadderFacts,
    reach: dict[int, list[date | None]],
    *,
    as_of: date,
    years: int,
    threshold: int | None,
) -> Stalls:
    stuck = stall.stalled(reach, as_of=as_of, years=years)
    tables = stall.stall_tables(stuck, stall.profiles(facts, as_of=as_of))
    totals: dict[str, int | None] = {ladder.RUNGS[r]: 0 for r in sorted(set(stuck.values()))}
    for rung in stuck.values():
        totals[ladder.RUNGS[rung]] = (totals[ladder.RUNGS[rung]] or 0) + 1
    if not threshold:
        return Stalls(years=years, by_rung=totals, **tables)
    hidden = {
        name: {rung: suppress_row(row, threshold) for rung, row in table.items()}
        for name, table in tables.items()
    }
    shown = {rung: publish(n or 0, threshold) for rung, n in totals.items()}
    marked = (
        any(v is None for table in hidden.values() for row in table.values() for v in row.values())
        or None in shown.values()
    )
    return Stalls(years=years, by_rung=shown, suppressed=marked, **hidden)


@access.time_limited
def report(
    session: Session,
    *,
    user: UserAccount,
    as_of: date,
    district_code: str | None = None,
    with_transitions: bool = True,
    stall_years: int = 2,
    transition_years: int | None = None,
) -> LadderReport:
    """Everyone's rung on ``as_of``, transitions for each year before it (only the last
    ``transition_years`` when given), cohorts to its year, and who has stalled for ``stall_years``
    years."""
    clock.check_period(as_of, as_of)  # within the years analytics covers
    scope = access.scope_district(user, district_code)
    threshold = access.suppression_threshold(user)
    as_of = access.snap_day(user, as_of)
    facts = queries.ladder_facts(session, end=as_of, district_code=scope)
    reach = ladder.reached(facts)
    genders = {row.person_id: row.gender for row in facts.parts}
    for fact in (*facts.council, *facts.trained_expert, *facts.placed_expert, *facts.certificate):
        genders.setdefault(fact.person_id, fact.gender)
    genders.update((p, g) for p, g in queries.survivor_genders(session).items() if p in genders)
    by_rung: dict[str, list[int]] = {rung: [] for rung in ladder.RUNGS[1:]}
    for person, days in reach.items():
        rung = ladder.rung_on(days, as_of)
        if rung:
            by_rung[ladder.RUNGS[rung]].append(person)
    people: dict[str, Count] = {rung: count_people(ids, genders) for rung, ids in by_rung.items()}
    if threshold:
        for count in people.values():
            suppress_count(count, threshold)
    firsts = [days[1].year for days in reach.values() if days[1] is not None]
    years = list(range(min(firsts), as_of.year)) if firsts and with_transitions else []
    if transition_years is not None:
        years = years[-transition_years:] if transition_years > 0 else []
    return LadderReport(
        as_of=as_of,
        district_code=scope,
        rungs=list(ladder.RUNGS),
        people_by_rung=people,
        transitions=[_matrix(ladder.transitions(reach, y), y, threshold) for y in years],
        cohorts=[
            _cohort(row, threshold)
            for row in ladder.cohorts(facts.parts, reach, last_year=as_of.year)
        ],
        stalls=_stalls(facts, reach, as_of=as_of, years=stall_years, threshold=threshold),
        suppression_threshold=threshold,
    )


def _summary_counts(pairs: ladder_summary.RungPairs) -> dict[str, Count]:
    people = {rung: Count() for rung in ladder.RUNGS[1:]}
    for (_, rung, gender), n in pairs.counts.items():
        count = people[ladder.RUNGS[rung]]
        key = GENDER_BY_CODE.get(gender, "unstated")
        setattr(count, key, (getattr(count, key) or 0) + n)
        count.total = (count.total or 0) + n
    return people


def _summary_transitions(pairs: ladder_summary.RungPairs) -> dict[str, dict[str, int]]:
    """The year before ``as_of``'s year → ``as_of`` (the pairs' two days), as
    ``ladder.transitions`` counts it from the facts up to ``as_of``."""
    counts = {a: dict.fromkeys(ladder.RUNGS, 0) for a in ladder.RUNGS}
    for (a, b, _), n in pairs.counts.items():
        counts[ladder.RUNGS[a]][ladder.RUNGS[b]] += n
    return counts


def _pairs(session: Session, *, as_of: date, scope: str | None) -> ladder_summary.RungPairs:
    """From the stored counts for a quarter's end (an analyst's every day) in a summarised year;
    for another day, from those of the year before and the people who reached a rung since;
    else one scan of the reach rows (the same figures: tests/analytics/test_ladder_summary.py)."""
    current = summary.state(session)
    quarter = ladder_counts.quarter_of(as_of)
    first, last = (current.first_year, current.last_year) if current else (None, None)
    if quarter and first is not None and last is not None and first <= as_of.year <= last:
        return ladder_counts.read(session, year=as_of.year, scope=scope, quarter=quarter)
    if first is not None and last is not None and first <= as_of.year - 1 <= last:
        return ladder_counts.read_within_year(session, on=as_of, scope=scope)
    before = date(as_of.year - 1, 12, 31)
    return ladder_summary.rung_pairs(session, before=before, on=as_of, scope=scope)


@access.time_limited
def rungs(
    session: Session, *, user: UserAccount, as_of: date, district_code: str | None = None
) -> LadderReport:
    """The dashboard's ladder: everyone's rung on ``as_of`` and the transitions of the year before,
    from the reach summary (analytics.ladder_summary) in the database, the same figures as
    ``report`` computes from the facts; ``report`` itself while the summaries are not built.
    Cohorts and stalls need every person's facts: they stay in ``report``."""
    if not summary_read.built(session):
        return report(
            session, user=user, as_of=as_of, district_code=district_code, transition_years=1
        )
    clock.check_period(as_of, as_of)
    scope = access.scope_district(user, district_code)
    threshold = access.suppression_threshold(user)
    as_of = access.snap_day(user, as_of)
    summary_hook.refresh_pending(session)  # this session's own writes first
    pairs = _pairs(session, as_of=as_of, scope=scope)
    people = _summary_counts(pairs)
    if threshold:
        for count in people.values():
            suppress_count(count, threshold)
    transitions = []
    if pairs.first is not None and pairs.first.year < as_of.year:
        transitions = [_matrix(_summary_transitions(pairs), as_of.year - 1, threshold)]
    return LadderReport(
        as_of=as_of,
        district_code=scope,
        rungs=list(ladder.RUNGS),
        people_by_rung=people,
        transitions=transitions,
        cohorts=[],
        suppression_threshold=threshold,
    )
