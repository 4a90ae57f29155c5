"""Where people stall on the growth ladder (pure): people whose highest rung on a date was reached
at least ``years`` years before it, counted by rung × district, rung × gender and rung × age band."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import NamedTuple

from maeul_db.analytics.indicators import age_band
from maeul_db.analytics.ladder import RUNGS, rung_on
from maeul_db.analytics.queries import LadderFacts
from maeul_db.analytics.schemas import GENDER_BY_CODE

UNKNOWN = "unknown"
Table = dict[str, dict[str, int]]


class Profile(NamedTuple):
    district: str
    gender: str
    age_band: str


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 February falls back to 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def stalled(reach: dict[int, list[date | None]], *, as_of: date, years: int) -> dict[int, int]:
    """Person → rung index, for people on the ladder on ``as_of`` whose highest rung was reached
    on or before ``as_of`` minus ``years`` years (so it has not changed for at least that long)."""
    cutoff = years_before(as_of, years)
    result: dict[int, int] = {}
    for person, days in reach.items():
        rung = rung_on(days, as_of)
        reached_on = days[rung]
        if rung and reached_on is not None and reached_on <= cutoff:
            result[person] = rung
    return result


def profiles(facts: LadderFacts, *, as_of: date) -> dict[int, Profile]:
    """District (of the person's latest dated fact by ``as_of``), gender and 10-year age band on
    ``as_of`` (birth years come with participations; people without one get ``unknown``)."""
    latest: dict[int, tuple[date, str]] = {}
    gender: dict[int, str] = {}
    born: dict[int, int] = {}
    dated = [(r.person_id, r.valid_from, r.district_code, r.gender) for r in facts.parts]
    for rows in (facts.council, facts.trained_expert, facts.placed_expert, facts.certificate):
        dated += [(f.person_id, f.on, f.district_code or UNKNOWN, f.gender) for f in rows]
    for person, on, district, code in dated:
        gender.setdefault(person, GENDER_BY_CODE.get(code, "unstated"))
        if on <= as_of and (person not in latest or (on, district) > latest[person]):
            latest[person] = (on, district)
    for row in facts.parts:
        born.setdefault(row.person_id, row.birth_year)
    return {
        p: Profile(
            latest[p][1] if p in latest else UNKNOWN,
            gender[p],
            age_band(as_of.year - born[p]) if p in born else UNKNOWN,
        )
        for p in gender
    }


def stall_tables(stuck: dict[int, int], people: dict[int, Profile]) -> dict[str, Table]:
    """Counts of stalled people: ``by_district``, ``by_gender``, ``by_age_band``, each rung → key →
    people (rungs with nobody stalled are left out)."""
    tables: dict[str, Table] = {
        name: defaultdict(lambda: defaultdict(int))
        for name in ("by_district", "by_gender", "by_age_band")
    }
    for person, rung in stuck.items():
        profile = people[person]
        for name, key in zip(("by_district", "by_gender", "by_age_band"), profile, strict=True):
            tables[name][RUNGS[rung]][key] += 1
    return {
        name: {rung: dict(sorted(table[rung].items())) for rung in RUNGS if rung in table}
        for name, table in tables.items()
    }
