"""State shared by the generation steps: one seeded random source, the people, the rows so far."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from maeul_db.demo.dataset import DemoData
from maeul_db.demo.names import NameMaker
from maeul_db.demo.people import People
from maeul_db.demo.reference import DistrictRef, DongRef, Reference
from maeul_db.demo.scales import ACTIVITY_FACTOR, ScaleSpec

# (step label, steps done, steps in total); the CLI turns it into a progress bar.
Progress = Callable[[str, int, int], None]


@dataclass
class Context:
    rng: random.Random
    spec: ScaleSpec
    districts: tuple[DistrictRef, ...]
    # Share of the scale's projects, groups and people each district gets (sums to 1).
    shares: dict[str, float]
    # Share of a district's dongs that get councils and placed experts (1.0 at city scale).
    dong_coverage: float
    names: NameMaker
    people: People
    data: DemoData = field(default_factory=DemoData)
    progress: Progress | None = None

    def report(self, step: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(step, done, total)

    def count(self, expected: float) -> int:
        """Round an expected count up or down at random, so small scales keep fractional shares."""
        whole = math.floor(expected)
        return whole + (1 if self.rng.random() < expected - whole else 0)

    def day_in(self, start: date, end: date) -> date:
        """A day in ``[start, end]``."""
        return start + timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def dong(self, district: DistrictRef, on: date) -> DongRef:
        """A dong that existed on ``on``, weighted by population."""
        dongs = district.dongs_on(on)
        return self.rng.choices(dongs, weights=[d.population for d in dongs])[0]


def select_districts(reference: Reference, spec: ScaleSpec) -> tuple[DistrictRef, ...]:
    if spec.district_count is None:
        return reference.districts
    by_code = {d.code: d for d in reference.districts}
    chosen = [by_code[code] for code in spec.districts if code in by_code]
    chosen += [d for d in reference.districts if d not in chosen]
    return tuple(chosen[: spec.district_count])


def make_context(
    reference: Reference, spec: ScaleSpec, seed: int, progress: Progress | None = None
) -> Context:
    rng = random.Random(seed)
    districts = select_districts(reference, spec)
    # sqrt(population): bigger districts run more projects, but far from proportionally.
    weights = {
        d.code: math.sqrt(d.population) * ACTIVITY_FACTOR.get(d.code, rng.uniform(0.85, 1.3))
        for d in districts
    }
    total = sum(weights.values())
    selected_dongs = sum(len(d.dongs) for d in districts)
    names = NameMaker(rng)
    return Context(
        rng=rng,
        spec=spec,
        districts=districts,
        shares={code: weight / total for code, weight in weights.items()},
        dong_coverage=min(1.0, spec.factor * reference.dong_count / selected_dongs),
        names=names,
        people=People(rng, names, tuple(d.code for d in districts)),
        progress=progress,
    )
