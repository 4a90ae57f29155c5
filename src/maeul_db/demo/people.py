"""Synthetic people: demographics of the plan's participants, and draws that favour the active.

The plan reports participants as 73% women and 65% in their 30s-40s, with few in their 20s and few
men; birth years follow from the age at the person's first recorded fact.
"""

from __future__ import annotations

import random
from datetime import date
from itertools import accumulate

from maeul_db.demo.dataset import DemoData, stamp
from maeul_db.demo.names import NameMaker

# (youngest, oldest, weight): age at first participation.
PARTICIPANT_AGES = ((20, 29, 5), (30, 39, 34), (40, 49, 34), (50, 59, 14), (60, 69, 9), (70, 79, 4))
# Councils recruit older residents; the 40s-and-under share stays well above the 15% floor.
COUNCIL_AGES = ((30, 39, 10), (40, 49, 25), (50, 59, 30), (60, 69, 25), (70, 79, 10))
STAFF_AGES = ((25, 29, 15), (30, 39, 40), (40, 49, 35), (50, 59, 10))
GENDERS = ("F", "M", "X")
GENDER_WEIGHTS = (73.0, 26.5, 0.5)

PHONE_SHARE = 0.88
EMAIL_SHARE = 0.3
HOME_DONG_SHARE = 0.75
# A draw of an existing participant looks outside the district this often (people move, commute).
ELSEWHERE_SHARE = 0.05
# Draw weight grows with each participation up to this many; beyond it the weight stays, so a few
# very active residents do not end up in hundreds of projects.
TICKET_CAP = 3
CONSENTS = (
    ("participation", 0.35),
    ("contact,participation", 0.4),
    ("contact,participation,research", 0.25),
)


class People:
    """Every synthetic person as parallel lists indexed by person id (index 0 unused)."""

    def __init__(
        self, rng: random.Random, names: NameMaker, district_codes: tuple[str, ...]
    ) -> None:
        self._rng = rng
        self._names = names
        self.gender: list[str] = [""]
        self.birth_year: list[int] = [0]
        self.home_dong: list[str | None] = [None]
        self.first_day: list[date] = [date.min]
        self.first_district: list[str] = [""]
        # Day of the first project participation (date.max = none yet): "village-project experience".
        self.first_participation: list[date] = [date.max]
        self.projects: list[int] = [0]
        self.lead: list[bool] = [False]
        # One entry per participation: a uniform pick is a pick weighted by how often someone took part.
        self.tickets: dict[str, list[int]] = {code: [] for code in district_codes}
        self._codes = district_codes
        self._consent_weights = list(accumulate(w for _, w in CONSENTS))

    def __len__(self) -> int:
        return len(self.gender) - 1

    def create(
        self,
        day: date,
        district: str,
        dong: str | None,
        *,
        gender: str | None = None,
        ages: tuple[tuple[int, int, int], ...] = PARTICIPANT_AGES,
    ) -> int:
        rng = self._rng
        low, high, _ = rng.choices(ages, weights=[w for *_, w in ages])[0]
        self.gender.append(gender or rng.choices(GENDERS, weights=GENDER_WEIGHTS)[0])
        self.birth_year.append(day.year - rng.randint(low, high))
        self.home_dong.append(dong if rng.random() < HOME_DONG_SHARE else None)
        self.first_day.append(day)
        self.first_district.append(district)
        self.first_participation.append(date.max)
        self.projects.append(0)
        self.lead.append(False)
        return len(self.gender) - 1

    def touch(self, person_id: int, day: date, district: str | None) -> None:
        """Record a dated fact: the earliest one decides created_at and the registered district."""
        if district is not None and day < self.first_day[person_id]:
            self.first_day[person_id] = day
            self.first_district[person_id] = district

    def participated(self, person_id: int, day: date, district: str, *, lead: bool) -> None:
        self.touch(person_id, day, district)
        self.projects[person_id] += 1
        self.lead[person_id] = self.lead[person_id] or lead
        if day < self.first_participation[person_id]:
            self.first_participation[person_id] = day
        if self.projects[person_id] <= TICKET_CAP:
            self.tickets[district].append(person_id)

    def draw_participant(self, district: str) -> int | None:
        """An earlier participant, more likely the more often they took part; None if there is none."""
        code = district
        if self._rng.random() < ELSEWHERE_SHARE:
            code = self._rng.choice(self._codes)
        pool = self.tickets[code] or self.tickets[district]
        return self._rng.choice(pool) if pool else None

    def draw_climber(self, district: str, *, before: date, tries: int = 12) -> int | None:
        """A repeat participant or lead proposer whose first project was before ``before``."""
        pool = self.tickets[district]
        for _ in range(tries if pool else 0):
            person_id = self._rng.choice(pool)
            active = self.projects[person_id] >= 2 or self.lead[person_id]
            if active and self.first_participation[person_id] < before:
                return person_id
        return None

    def is_climber(self, person_id: int) -> bool:
        return self.projects[person_id] >= 2 or self.lead[person_id]

    def emit(self, data: DemoData) -> None:
        """Person and version-1 rows, once every fact (and so every first day) is known."""
        rng, names = self._rng, self._names
        for person_id in range(1, len(self.gender)):
            gender, birth_year = self.gender[person_id], self.birth_year[person_id]
            created = stamp(self.first_day[person_id], person_id)
            details = (
                names.full_name(gender, birth_year),
                gender,
                birth_year,
                names.phone() if rng.random() < PHONE_SHARE else None,
                names.email(person_id) if rng.random() < EMAIL_SHARE else None,
                self.home_dong[person_id],
            )
            consent = rng.choices(CONSENTS, cum_weights=self._consent_weights)[0][0]
            data.add(
                "person",
                (
                    person_id,
                    created,
                    created,
                    *details,
                    self.first_district[person_id],
                    consent,
                    created,
                    "v1",
                    1,
                ),
            )
            # Version 1 is what the participants service writes on create ("create", at created_at).
            data.add("person_version", (person_id, person_id, 1, created, "create", *details))
