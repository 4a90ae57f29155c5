"""The plan's council rules as pure functions: the service loads rows, these decide.

- Composition (서울형 주민자치회): one gender at most 60% of the seats, members aged in their 40s or
  younger at least 15%. Checked on a day, and on every day of a term (the composition only changes
  on the days a seat starts or ends, so checking those days checks every day).
- The public lottery: ``random.Random(seed)`` over applicants in a fixed order (by person id), so
  anyone with the seed and the applicant list re-runs it and gets the same winners and reserve.
- Removal for absence: a run of ``ABSENCE_RUN`` council meetings in a row missed.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

MAX_GENDER_SHARE = Fraction(60, 100)
MIN_YOUNG_SHARE = Fraction(15, 100)
# "Aged in their 40s or younger": under 50 in the year of the day checked (Korean 만 나이 by year).
YOUNG_BELOW_AGE = 50
ABSENCE_RUN = 3


@dataclass(frozen=True)
class Member:
    person_id: int
    gender: str
    birth_year: int
    valid_from: date
    valid_to: date | None  # exclusive, None = open


@dataclass(frozen=True)
class Breach:
    """One rule broken from ``since`` (the first day it was broken) on."""

    rule: str  # "gender_share" or "young_share"
    since: date
    share: Fraction  # the offending share: the larger gender's, or the young members'
    gender: str | None = None


def seated_on(members: Iterable[Member], day: date) -> list[Member]:
    return [m for m in members if m.valid_from <= day and (m.valid_to is None or day < m.valid_to)]


def breaches_on(members: Sequence[Member], day: date) -> list[Breach]:
    """The composition rules broken on ``day`` by the members seated that day (none when empty)."""
    seated = seated_on(members, day)
    if not seated:
        return []
    total = len(seated)
    found: list[Breach] = []
    for gender in sorted({m.gender for m in seated}):
        share = Fraction(sum(m.gender == gender for m in seated), total)
        if share > MAX_GENDER_SHARE:
            found.append(Breach("gender_share", day, share, gender))
    young = Fraction(sum(day.year - m.birth_year < YOUNG_BELOW_AGE for m in seated), total)
    if young < MIN_YOUNG_SHARE:
        found.append(Breach("young_share", day, young))
    return found


def change_days(members: Iterable[Member], start: date, end: date) -> list[date]:
    """``start`` and every day in [start, end) on which a seat starts or ends."""
    days = {start}
    for m in members:
        for day in (m.valid_from, m.valid_to):
            if day is not None and start <= day < end:
                days.add(day)
    return sorted(days)


def breaches_between(members: Sequence[Member], start: date, end: date) -> list[Breach]:
    """Every breach in [start, end), reported once, on the day it starts (a breach that ends and
    comes back is reported again on its new first day)."""
    found: list[Breach] = []
    open_: set[tuple[str, str | None]] = set()
    for day in change_days(members, start, end):
        today = breaches_on(members, day)
        keys = {(b.rule, b.gender) for b in today}
        found.extend(b for b in today if (b.rule, b.gender) not in open_)
        open_ = keys
    return found


@dataclass(frozen=True)
class Applicant:
    person_id: int
    gender: str


@dataclass(frozen=True)
class DrawResult:
    selected: list[int]  # in the order drawn
    reserve: list[int]  # ranked: the first replaces the first winner who drops out


def draw(applicants: Iterable[Applicant], *, seed: str, women: int, men: int) -> DrawResult:
    """Shuffle the applicants (sorted by id first, so the input order never matters) with
    ``seed``; walk the shuffled list filling each gender's quota; everyone else is the reserve,
    in the same shuffled order."""
    pool = sorted(applicants, key=lambda a: a.person_id)
    random.Random(seed).shuffle(pool)
    quota = {"F": women, "M": men}
    selected: list[int] = []
    reserve: list[int] = []
    for applicant in pool:
        if quota.get(applicant.gender, 0) > 0:
            quota[applicant.gender] -= 1
            selected.append(applicant.person_id)
        else:
            reserve.append(applicant.person_id)
    return DrawResult(selected, reserve)


def absence_run(attended: Sequence[tuple[date, bool]]) -> date | None:
    """The meeting day on which ``ABSENCE_RUN`` missed meetings in a row were first reached,
    ``attended`` being (meeting day, present) in any order; None when never."""
    run = 0
    for day, present in sorted(attended):
        run = 0 if present else run + 1
        if run >= ABSENCE_RUN:
            return day
    return None


def experienced(first_project: date | None, first_seat: date) -> bool:
    """Village-project experience counts when the first project began before the first seat."""
    return first_project is not None and first_project < first_seat


def term_start(founded_on: date, term_years: int, day: date) -> date:
    """The first day of the term that ``day`` falls in (terms run from the founding date)."""
    years = max(0, day.year - founded_on.year)
    start = shift_years(founded_on, years - years % term_years)
    if start > day:
        start = shift_years(start, -term_years)
    return max(start, founded_on)


def shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
