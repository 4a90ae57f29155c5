"""Resident councils (주민자치회) per dong: two-year terms, seats that follow the plan's rules.

Councils roll out from the 2017 pilot to every covered dong by 2022. Each term keeps one gender at
60% or less, recruits a growing share of members with village-project experience (14.6% in 2017 to
30% in 2022, the plan's figures), and new members complete the 6-hour council school first (a few
do not, so the rule check has something to find).
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from maeul_db.demo.context import Context
from maeul_db.demo.dataset import END, open_end, stamp
from maeul_db.demo.names import COMMITTEE
from maeul_db.demo.people import COUNCIL_AGES
from maeul_db.demo.reference import DistrictRef, DongRef
from maeul_db.demo.training import Catalogue, Course, enrol

ROLLOUT = {2017: 10, 2018: 15, 2019: 25, 2020: 20, 2021: 15, 2022: 15}
TERM_YEARS = 2
SIZE = (20, 30)
KEEP_SHARE = 0.5
WOMEN_SHARE = (0.42, 0.6)
MAX_GENDER_SHARE = 0.6
SCHOOL_SHARE = 0.97
EXPERIENCE = {2017: 0.146, 2022: 0.30}
RECRUIT_TRIES = 40
LOTTERY_FROM = 2019
LOTTERY_SHARE = 0.35
RECOMMENDED_SHARE = 0.2
# The old committee a council replaced: the dong's name and this (Korean demo names: names.py).
COMMITTEE_SUFFIX = COMMITTEE


def experienced_share(year: int) -> float:
    (first, low), (last, high) = EXPERIENCE.items()
    return low + (high - low) * min(1.0, max(0.0, (year - first) / (last - first)))


class Council:
    """One dong's council across its terms."""

    def __init__(self, ctx: Context, district: DistrictRef, dong: DongRef, school: Course) -> None:
        self.ctx, self.district, self.dong, self.school = ctx, district, dong, school
        self.members: list[int] = []
        self.schooled: set[int] = set()
        self.council_id: int | None = None

    def found(self, day: date) -> None:
        """The council row (one per dong), replacing the dong's old committee, 2-year terms."""
        self.council_id = self.ctx.data.next_id("council")
        created = stamp(day, self.council_id)
        committee = f"{self.dong.name} {COMMITTEE_SUFFIX}"
        self.ctx.data.add(
            "council",
            (
                self.council_id,
                created,
                created,
                self.district.code,
                self.dong.code,
                day,
                committee,
                TERM_YEARS,
            ),
        )

    def _experienced(self, gender: str, start: date, exclude: set[int]) -> int | None:
        people = self.ctx.people
        pool = people.tickets[self.district.code]
        for _ in range(RECRUIT_TRIES if pool else 0):
            person_id = self.ctx.rng.choice(pool)
            if (
                people.gender[person_id] == gender
                and person_id not in exclude
                and people.first_participation[person_id] < start
            ):
                return person_id
        return None

    def _recruit(self, gender: str, start: date, experienced: int | None) -> int:
        """Seat ``experienced`` or a resident new to the database; new members attend school."""
        ctx = self.ctx
        school_day = start - timedelta(days=ctx.rng.randint(60, 120))
        person_id = experienced
        if person_id is None:
            person_id = ctx.people.create(
                school_day, self.district.code, self.dong.code, gender=gender, ages=COUNCIL_AGES
            )
        if person_id not in self.schooled and ctx.rng.random() < SCHOOL_SHARE:
            enrol(ctx, self.school, person_id, day=school_day, diligence=0.99)
            self.schooled.add(person_id)
        return person_id

    def _keep(self, size: int, women_cap: int) -> tuple[list[int], int]:
        """About half of the last term's members stay, as far as the gender cap allows."""
        seats: list[int] = []
        women = 0
        for person_id in self.members:
            is_woman = self.ctx.people.gender[person_id] == "F"
            full = women >= women_cap if is_woman else len(seats) - women >= size - women_cap
            if self.ctx.rng.random() < KEEP_SHARE and not full:
                seats.append(person_id)
                women += is_woman
        return seats, women

    def _seats(self, start: date) -> list[int]:
        rng, people = self.ctx.rng, self.ctx.people
        size = rng.randint(*SIZE)
        # Rounded into [40%, 60%] of the seats, so neither gender passes 60% (the plan's rule).
        women_cap = min(
            math.floor(size * MAX_GENDER_SHARE),
            max(math.ceil(size * (1 - MAX_GENDER_SHARE)), round(size * rng.uniform(*WOMEN_SHARE))),
        )
        seats, women = self._keep(size, women_cap)
        # The plan's share of members with village-project experience holds for the whole term,
        # members who stay included.
        wanted = round(size * experienced_share(start.year))
        wanted -= sum(people.first_participation[pid] < start for pid in seats)
        taken = set(seats)
        while len(seats) < size:
            gender = "F" if women < women_cap else "M"
            experienced = self._experienced(gender, start, taken) if wanted > 0 else None
            wanted -= experienced is not None
            person_id = self._recruit(gender, start, experienced)
            seats.append(person_id)
            taken.add(person_id)
            women += gender == "F"
        return seats

    def _chosen_by(self, start: date, index: int) -> str:
        """Open call for most seats; public lotteries from 2019 fill about a third; the rest are
        recommended (the plan's three routes)."""
        draw = self.ctx.rng.random()
        if start.year >= LOTTERY_FROM and index >= 2 and draw < LOTTERY_SHARE:
            return "lottery"
        return "recommended" if draw > 1 - RECOMMENDED_SHARE else "open_call"

    def term(self, start: date) -> None:
        ctx = self.ctx
        seats = self._seats(start)
        valid_to = open_end(date(start.year + TERM_YEARS, start.month, start.day))
        for index, person_id in enumerate(seats):
            role = "chair" if index == 0 else "secretary" if index == 1 else "member"
            chosen_by = self._chosen_by(start, index)
            seat_id = ctx.data.next_id("council_seat")
            created = stamp(start, seat_id)
            ctx.data.add(
                "council_seat",
                (
                    seat_id,
                    created,
                    created,
                    start,
                    valid_to,
                    person_id,
                    self.district.code,
                    self.dong.code,
                    role,
                    self.council_id,
                    chosen_by,
                ),
            )
            ctx.people.touch(person_id, start, self.district.code)
        self.members = seats


def make_councils(
    ctx: Context, covered: dict[str, tuple[DongRef, ...]], catalogue: Catalogue
) -> None:
    years, weights = list(ROLLOUT), list(ROLLOUT.values())
    for district in ctx.districts:
        school = catalogue.council_school[district.code]
        for dong in covered[district.code]:
            year = ctx.rng.choices(years, weights=weights)[0]
            if dong.valid_from is not None and dong.valid_from.year >= year:
                year = dong.valid_from.year + 1
            council = Council(ctx, district, dong, school)
            council.found(date(year, 4, 1))
            while date(year, 4, 1) < END:
                council.term(date(year, 4, 1))
                year += TERM_YEARS
