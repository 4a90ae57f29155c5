"""The plan's indicators as pure functions of query rows (definitions: docs/indicators.md)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from maeul_db.analytics.kpi_cells import HoursCell, SeatCell
from maeul_db.analytics.ladder import is_repeat
from maeul_db.analytics.queries import PartRow, PersonFact, ProjectCount
from maeul_db.analytics.schemas import (
    AGE_BANDS,
    GENDER_BY_CODE,
    Count,
    Hours,
    Indicators,
    Spread,
)
from maeul_db.kit.deadline import check

EXPERTS_PER_DONG = 2
SPREAD_METRICS = ("participants", "repeat_participants", "lead_proposers", "projects")


@dataclass
class Inputs:
    """Everything one indicator set is computed from, already limited to one scope."""

    parts: list[PartRow]
    projects: list[ProjectCount]
    # Counted in the database per scope × gender (analytics.kpi_cells), already this scope's.
    seats: list[SeatCell]
    trained: list[PersonFact]
    pool: list[PersonFact]
    placed: list[PersonFact]
    hours: list[HoursCell]
    dongs: int
    genders: dict[int, str] = field(default_factory=dict)
    # Placement target of the scope: each district's stored per-dong target × its dongs
    # (experts/targets.py); None = the plan's 2 per dong.
    expert_target: int | None = None


def age_band(age: int) -> str:
    """10-year band of an age: under_20, 20s … 60s, 70_plus."""
    if age < 20:
        return AGE_BANDS[0]
    if age >= 70:
        return AGE_BANDS[-1]
    return f"{age // 10 * 10}s"


def count_people(people: Iterable[int], gender_of: dict[int, str]) -> Count:
    """Distinct people split by gender."""
    distinct = set(people)
    by_gender = Counter(GENDER_BY_CODE.get(gender_of[p], "unstated") for p in distinct)
    return Count(
        total=len(distinct),
        female=by_gender["female"],
        male=by_gender["male"],
        unstated=by_gender["unstated"],
    )


def count_cells(cells: Iterable[tuple[str, int]]) -> Count:
    """People counted in the database per gender code, as a gender-split count."""
    by_gender: Counter[str] = Counter()
    for gender, n in cells:
        by_gender[GENDER_BY_CODE.get(gender, "unstated")] += n
    return Count(
        total=sum(by_gender.values()),
        female=by_gender["female"],
        male=by_gender["male"],
        unstated=by_gender["unstated"],
    )


def hours_by_gender(cells: list[HoursCell]) -> tuple[Hours, Count]:
    """Hours per gender and the people behind each cell (for suppression)."""
    cents: dict[str, int] = defaultdict(int)
    for cell in cells:
        cents[GENDER_BY_CODE.get(cell.gender, "unstated")] += cell.cents

    def hours(n: int) -> float:
        return float(Decimal(n) / 100)

    return (
        Hours(
            total=hours(sum(cents.values())),
            female=hours(cents["female"]),
            male=hours(cents["male"]),
            unstated=hours(cents["unstated"]),
        ),
        count_cells((cell.gender, cell.people) for cell in cells),
    )


def compute(inputs: Inputs, *, period_end: date) -> tuple[Indicators, Count]:
    """Raw indicator counts for one scope, and the people behind the training-hours cells."""
    gender_of = dict(inputs.genders)
    projects_of: dict[int, set[int]] = defaultdict(set)
    birth: dict[int, int] = {}
    leads: set[int] = set()
    for row in inputs.parts:
        check()
        gender_of[row.person_id] = row.gender
        birth[row.person_id] = row.birth_year
        projects_of[row.person_id].add(row.project_id)
        if row.role == "lead_proposer":
            leads.add(row.person_id)
    bands: dict[str, list[int]] = {band: [] for band in AGE_BANDS}
    for person, year in birth.items():
        bands[age_band(period_end.year - year)].append(person)
    for fact in (*inputs.trained, *inputs.pool, *inputs.placed):
        gender_of[fact.person_id] = fact.gender
    hours, hours_people = hours_by_gender(inputs.hours)
    indicators = Indicators(
        participants=count_people(projects_of, gender_of),
        participants_by_age_band={
            band: count_people(people, gender_of) for band, people in bands.items()
        },
        repeat_participants=count_people(
            (p for p, ids in projects_of.items() if is_repeat(ids)), gender_of
        ),
        lead_proposers=count_people(leads, gender_of),
        projects=sum(p.n for p in inputs.projects),
        projects_by_stage=_tally((p.stage, p.n) for p in inputs.projects),
        projects_by_programme=_tally((p.programme, p.n) for p in inputs.projects),
        council_members=count_cells((c.gender, c.members) for c in inputs.seats),
        council_members_with_project_experience=count_cells(
            (c.gender, c.experienced) for c in inputs.seats
        ),
        experts_trained=count_people((f.person_id for f in inputs.trained), gender_of),
        experts_pool=count_people((f.person_id for f in inputs.pool), gender_of),
        experts_placed=count_people((f.person_id for f in inputs.placed), gender_of),
        expert_target=(
            inputs.expert_target
            if inputs.expert_target is not None
            else EXPERTS_PER_DONG * inputs.dongs
        ),
        training_hours=hours,
    )
    return indicators, hours_people


def _tally(counts: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Counts per key, summed and sorted by key (projects per stage, per programme)."""
    totals: Counter[str] = Counter()
    for key, n in counts:
        totals[key] += n
    return dict(sorted(totals.items()))


def _share(part: int | None, whole: int | None) -> float | None:
    if part is None or not whole:
        return None
    return round(part / whole, 6)


def derive(indicators: Indicators, *, population: int | None) -> Indicators:
    """Shares computed from the (possibly suppressed) counts: a hidden count hides its share."""
    indicators.participant_share_of_population = _share(indicators.participants.total, population)
    members = indicators.council_members
    indicators.council_experience_share = (
        None
        if members.suppressed or indicators.council_members_with_project_experience.suppressed
        else _share(indicators.council_members_with_project_experience.total, members.total)
    )
    indicators.experts_placed_share_of_target = _share(
        indicators.experts_placed.total, indicators.expert_target
    )
    participants = indicators.participants
    indicators.women_share = _share(participants.female, participants.total)
    bands = indicators.participants_by_age_band
    middle = [bands[b].total for b in ("30s", "40s") if b in bands]
    indicators.ages_30s_40s_share = (
        None
        if len(middle) < 2 or None in middle
        else _share(sum(n or 0 for n in middle), participants.total)
    )
    return indicators


def spread(rows: list[tuple[str, Indicators]]) -> list[Spread]:
    """Highest and lowest district per metric and their ratio (the plan's 4.5x, 5.6x, 9.0x).

    A hidden (suppressed) district value is below the threshold, so it would be the minimum: the
    minimum and the ratio are then hidden too."""
    result = []
    for metric in SPREAD_METRICS:
        values: list[tuple[str, int | None]] = []
        for name, ind in rows:
            value = getattr(ind, metric)
            values.append((name, value if isinstance(value, int) else value.total))
        # Districts with none are left out of the minimum: a ratio to zero says nothing.
        values = [(name, v) for name, v in values if v != 0]
        if not values:
            result.append(Spread(metric=metric))
            continue
        hidden = any(v is None for _, v in values)
        shown = [(v, name) for name, v in values if v is not None]
        if not shown:
            result.append(Spread(metric=metric))
            continue
        high, low = max(shown), min(shown)
        item = Spread(
            metric=metric,
            max_district=high[1],
            max_value=high[0],
            min_district=None if hidden else low[1],
            min_value=None if hidden else low[0],
        )
        if not hidden and low[0] > 0:
            item.ratio = round(high[0] / low[0], 2)
        result.append(item)
    return result
