"""The growth ladder (DOMAIN.md), defined once, as pure functions: the day each person reached each
rung, their rung on any date, year-to-year transitions, cohorts with retention and time to a first
lead role. The analytics ladder report and a person's timeline both place people with ``reached``
and ``rung_on`` (the timeline over one person's facts), and the indicators' "repeat participant"
is ``is_repeat``, so a person stands on the same rung wherever they are shown."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date
from enum import StrEnum
from statistics import median

from maeul_db.analytics.queries import LadderFacts, PartRow, PersonFact
from maeul_db.kit.deadline import check
from maeul_db.models import Stage


class Rung(StrEnum):
    """The rungs, lowest first (``none``: not on the ladder yet)."""

    none = "none"
    participant = "participant"
    repeat_participant = "repeat_participant"
    lead_proposer = "lead_proposer"
    higher_stage = "higher_stage"
    council_or_space = "council_or_space"
    trained_expert = "trained_expert"
    placed_expert = "placed_expert"
    certified = "certified"


RUNGS = tuple(rung.value for rung in Rung)
HIGHER_STAGES = frozenset(stage.value for stage in Stage if stage.is_higher)
# A repeat participant has taken part in this many distinct projects (rows of one project, e.g. a
# participant who later became its proposer, count once).
REPEAT_PROJECTS = 2


def is_repeat(project_ids: Collection[int]) -> bool:
    """Whether a person's distinct projects make them a repeat participant."""
    return len(set(project_ids)) >= REPEAT_PROJECTS


def _earliest(target: dict[int, date], person: int, on: date) -> None:
    if person not in target or on < target[person]:
        target[person] = on


def _second_project_day(parts: list[PartRow]) -> dict[int, date]:
    """The day each person became a repeat participant: the start of the project that made their
    distinct projects enough (``is_repeat``)."""
    starts: dict[int, dict[int, date]] = defaultdict(dict)
    for row in parts:
        _earliest(starts[row.person_id], row.project_id, row.valid_from)
    return {
        person: sorted(days.values())[REPEAT_PROJECTS - 1]
        for person, days in starts.items()
        if is_repeat(days)
    }


def reached(facts: LadderFacts) -> dict[int, list[date | None]]:
    """For each person, the day they first reached each rung (index as in RUNGS; None = never)."""
    per_rung: list[dict[int, date]] = [{} for _ in RUNGS]
    for row in facts.parts:
        check()
        _earliest(per_rung[1], row.person_id, row.valid_from)
        if row.role == "lead_proposer":
            _earliest(per_rung[3], row.person_id, row.valid_from)
        if row.stage in HIGHER_STAGES:
            _earliest(per_rung[4], row.person_id, row.valid_from)
    per_rung[2] = _second_project_day(facts.parts)
    sources: list[tuple[int, list[PersonFact]]] = [
        (5, facts.council),
        (6, facts.trained_expert),
        (7, facts.placed_expert),
        (8, facts.certificate),
    ]
    for index, rows in sources:
        for fact in rows:
            _earliest(per_rung[index], fact.person_id, fact.on)
    people = set().union(*per_rung[1:])
    return {p: [None, *(per_rung[i].get(p) for i in range(1, len(RUNGS)))] for p in people}


def rung_on(days: list[date | None], on: date) -> int:
    """The highest rung reached by ``on`` (0 = none yet)."""
    best = 0
    for index, day in enumerate(days):
        if day is not None and day <= on:
            best = index
    return best


def transitions(reach: dict[int, list[date | None]], year: int) -> dict[str, dict[str, int]]:
    """Rung on 31 December of ``year`` → rung on 31 December of ``year + 1``, for everyone on the
    ladder by the later date."""
    counts = {a: dict.fromkeys(RUNGS, 0) for a in RUNGS}
    before, after = date(year, 12, 31), date(year + 1, 12, 31)
    for days in reach.values():
        check()
        later = rung_on(days, after)
        if later:
            counts[RUNGS[rung_on(days, before)]][RUNGS[later]] += 1
    return counts


def cohorts(
    parts: list[PartRow], reach: dict[int, list[date | None]], *, last_year: int
) -> list[tuple[int, int, list[int], float | None, int]]:
    """Per first-participation year: (year, size, people of the cohort taking part again by year
    offset (offset 0 is the size), median days from first participation to first lead role,
    people who became lead proposers). Counts, not shares, so the caller can suppress them."""
    years: dict[int, set[int]] = defaultdict(set)
    for row in parts:
        years[row.person_id].add(row.year)
    members: dict[int, list[int]] = defaultdict(list)
    for person, active in years.items():
        members[min(active)].append(person)
    result = []
    for first in sorted(y for y in members if y <= last_year):
        check()
        people = members[first]
        retention = [
            sum(1 for p in people if first + k in years[p]) for k in range(last_year - first + 1)
        ]
        waits = [
            (days[3] - days[1]).days
            for p in people
            if (days := reach[p])[3] is not None and days[1] is not None
        ]
        result.append(
            (first, len(people), retention, float(median(waits)) if waits else None, len(waits))
        )
    return result
