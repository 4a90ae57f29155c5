"""How much data each scale makes, and the yearly project mix at city scale.

Every count is the city-wide (``seoul``) figure times the scale's ``factor``, so the smaller scales
are the same city in miniature, not a different shape.
"""

from __future__ import annotations

from dataclasses import dataclass

from maeul_db.errors import InvalidInput

CITY_PEOPLE = 300_000
CITY_GROUPS = 30_000


@dataclass(frozen=True)
class ScaleSpec:
    name: str
    people: int
    # District codes to use, in order of preference; empty = all districts.
    districts: tuple[str, ...]
    district_count: int | None

    @property
    def factor(self) -> float:
        return self.people / CITY_PEOPLE

    @property
    def groups(self) -> int:
        return round(CITY_GROUPS * self.factor)


# 성북구 and 은평구: the plan's busiest districts (most projects, most lead proposers).
SCALES: dict[str, ScaleSpec] = {
    "small": ScaleSpec("small", 2_000, ("11290", "11380"), 2),
    "district": ScaleSpec("district", 15_000, ("11290",), 1),
    "seoul": ScaleSpec("seoul", CITY_PEOPLE, (), None),
}


def get_scale(name: str) -> ScaleSpec:
    try:
        return SCALES[name]
    except KeyError:
        raise InvalidInput(
            "demo.unknown_scale", field="scale", name=name, scales=", ".join(SCALES)
        ) from None


@dataclass(frozen=True)
class StagePlan:
    stage: str
    first_year: int
    # Projects a year city-wide once the stage has ramped up (three years after first_year).
    per_year: int
    # The stage (by ladder index) a group must have reached before; -1 = a new group.
    requires: int
    size: tuple[int, int]
    grant: tuple[int, int]


# The ladder, in order. About 1,000 group-formation projects a year (the plan's figure); each later
# stage is smaller and only open to groups that ran an earlier stage in an earlier year.
LADDER: tuple[StagePlan, ...] = (
    StagePlan("group_formation", 2013, 1_000, -1, (3, 8), (500_000, 1_000_000)),
    StagePlan("activity_support", 2014, 950, 0, (4, 14), (1_000_000, 5_000_000)),
    StagePlan("village_network", 2015, 550, 1, (8, 20), (5_000_000, 15_000_000)),
    StagePlan("community_space", 2015, 500, 1, (5, 12), (10_000_000, 30_000_000)),
    StagePlan("village_plan", 2015, 500, 1, (10, 25), (10_000_000, 30_000_000)),
    StagePlan("resident_council", 2017, 500, 1, (10, 25), (5_000_000, 20_000_000)),
)
STAGE_INDEX = {plan.stage: index for index, plan in enumerate(LADDER)}

# The city departments' own programmes (a minority of projects), run by new or existing groups.
DEPARTMENT_PROGRAMMES = (
    "parent_community",
    "co_parenting",
    "village_art_studio",
    "village_media",
    "apartment_community",
    "energy_village",
    "village_enterprise",
)
DEPARTMENT_PER_YEAR = 900
DEPARTMENT_NEW_GROUP_SHARE = 0.6
DEPARTMENT_SIZE = (4, 12)
DEPARTMENT_GRANT = (2_000_000, 10_000_000)

# Districts the plan names as most and least active; the rest get a seeded factor in between.
ACTIVITY_FACTOR = {"11290": 1.7, "11380": 1.6, "11410": 1.45, "11140": 0.55, "11170": 0.6}
RAMP_YEARS = 3


def ramp(plan_first_year: int, year: int) -> float:
    """Share of a stage's full yearly count in ``year`` (a new stage grows over three years)."""
    if year < plan_first_year:
        return 0.0
    return min(1.0, (year - plan_first_year + 1) / RAMP_YEARS)
