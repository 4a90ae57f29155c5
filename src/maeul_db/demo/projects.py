"""Groups and funded projects, year by year: new groups form, some climb the stage ladder.

A group-formation grant forms a new group; later stages go only to groups that ran the stage below in
an earlier year and still exist, so the ladder the plan describes is visible in the data. Groups
that never got a grant (registered by a centre, meeting on their own) make up the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from maeul_db.demo.context import Context
from maeul_db.demo.dataset import END, YEARS, open_end, stamp
from maeul_db.demo.names import project_name
from maeul_db.demo.reference import DistrictRef, DongRef
from maeul_db.demo.scales import (
    DEPARTMENT_GRANT,
    DEPARTMENT_NEW_GROUP_SHARE,
    DEPARTMENT_PER_YEAR,
    DEPARTMENT_PROGRAMMES,
    DEPARTMENT_SIZE,
    LADDER,
    STAGE_INDEX,
    StagePlan,
    ramp,
)

THEMES = (
    "care",
    "culture",
    "environment",
    "education",
    "neighbourhood",
    "safety",
    "economy",
    "media",
    "other",
)
THEME_WEIGHTS = (20, 20, 12, 12, 16, 5, 6, 5, 4)
PROGRAMME_THEME = {
    "parent_community": "education",
    "co_parenting": "care",
    "village_art_studio": "culture",
    "village_media": "media",
    "apartment_community": "neighbourhood",
    "energy_village": "environment",
    "village_enterprise": "economy",
}
DISSOLVE_SHARE = 0.35
# From 2018 the recognised non-cash self-contribution rises from 10% to 50% of the grant (2022).
NONCASH_FROM, NONCASH_FULL = 2018, 2022
BOTAME_FROM = 2023


@dataclass(eq=False, slots=True)
class GroupPlan:
    id: int
    district: DistrictRef
    dong: DongRef
    name: str
    founded_on: date
    dissolved_on: date | None
    reached: int = -1  # highest ladder index the group has run (-1: none)
    busy_year: int = 0
    # person id -> [valid_from, valid_to] of their latest membership interval
    members: dict[int, list[date | None]] = field(default_factory=dict)

    def exists_through(self, year: int) -> bool:
        return self.dissolved_on is None or self.dissolved_on > date(year, 12, 31)


@dataclass(eq=False, slots=True)
class ProjectPlan:
    id: int
    year: int
    group: GroupPlan
    stage: str
    programme: str
    size: int
    starts_on: date
    ends_on: date
    participants: list[int] = field(default_factory=list)


@dataclass
class Plan:
    groups: list[GroupPlan] = field(default_factory=list)
    projects: list[ProjectPlan] = field(default_factory=list)
    by_district: dict[str, list[GroupPlan]] = field(default_factory=dict)


def new_group(
    ctx: Context, plan: Plan, district: DistrictRef, founded_on: date, theme: str | None = None
) -> GroupPlan:
    rng = ctx.rng
    theme = theme or rng.choices(THEMES, weights=THEME_WEIGHTS)[0]
    dong = ctx.dong(district, founded_on)
    dissolved = None
    if rng.random() < DISSOLVE_SHARE:
        dissolved = open_end(founded_on + timedelta(days=rng.randint(400, 6 * 365)))
    group = GroupPlan(
        ctx.data.next_id("community_group"),
        district,
        dong,
        ctx.names.group_name(dong.name, theme, district.code),
        founded_on,
        dissolved,
    )
    created = stamp(founded_on, group.id)
    ctx.data.add(
        "community_group",
        (
            group.id,
            created,
            created,
            group.name,
            district.code,
            dong.code,
            theme,
            founded_on,
            dissolved,
        ),
    )
    plan.groups.append(group)
    plan.by_district.setdefault(district.code, []).append(group)
    return group


def _money(ctx: Context, low: int, high: int, step: int = 10_000) -> int:
    return low + step * ctx.rng.randint(0, (high - low) // step)


def add_project(
    ctx: Context,
    plan: Plan,
    group: GroupPlan,
    year: int,
    stage: str,
    programme: str,
    size: tuple[int, int],
    grant: tuple[int, int],
    starts_on: date,
) -> None:
    rng = ctx.rng
    ends_on = date(year, 11, 15) + timedelta(days=rng.randint(0, 30))
    project = ProjectPlan(
        ctx.data.next_id("project"),
        year,
        group,
        stage,
        programme,
        rng.randint(*size),
        starts_on,
        ends_on,
    )
    group.busy_year = year
    group.reached = max(group.reached, STAGE_INDEX[stage])
    amount = _money(ctx, *grant)
    noncash = 0
    if year >= NONCASH_FROM and rng.random() < 0.6:
        share = 0.1 + 0.4 * min(1.0, (year - NONCASH_FROM) / (NONCASH_FULL - NONCASH_FROM))
        noncash = int(round(amount * share * rng.uniform(0.3, 1.0), -3))
    created = stamp(starts_on - timedelta(days=45), project.id)
    botame = f"BTM-{year}-{project.id:07d}" if year >= BOTAME_FROM else None
    ctx.data.add(
        "project",
        (
            project.id,
            created,
            created,
            ctx.names.distinct(
                (group.district.code, year), project_name(group.name, stage, programme, year)
            ),
            year,
            group.district.code,
            group.dong.code,
            group.id,
            programme,
            stage,
            amount,
            int(round(amount * rng.uniform(0, 0.1), -3)),
            noncash,
            starts_on,
            ends_on,
            botame,
        ),
    )
    plan.projects.append(project)


def _start(ctx: Context, year: int) -> date:
    return date(year, 4, 1) + timedelta(days=ctx.rng.randint(0, 75))


def _formation(ctx: Context, plan: Plan, district: DistrictRef, year: int, programme: str) -> None:
    """A project that forms a new group (the grant is what brings the residents together)."""
    starts_on = _start(ctx, year)
    founded_on = starts_on - timedelta(days=ctx.rng.randint(14, 60))
    theme = PROGRAMME_THEME.get(programme)
    group = new_group(ctx, plan, district, founded_on, theme)
    first = LADDER[0]
    if programme == "village_community":
        add_project(
            ctx, plan, group, year, first.stage, programme, first.size, first.grant, starts_on
        )
    else:
        add_project(
            ctx,
            plan,
            group,
            year,
            first.stage,
            programme,
            DEPARTMENT_SIZE,
            DEPARTMENT_GRANT,
            starts_on,
        )


def _eligible(plan: Plan, district: DistrictRef, year: int, requires: int) -> list[GroupPlan]:
    return [
        g
        for g in plan.by_district.get(district.code, ())
        if g.founded_on.year < year
        and g.busy_year != year
        and g.reached >= requires
        and g.exists_through(year)
    ]


def _climb(
    ctx: Context, plan: Plan, district: DistrictRef, year: int, stage: StagePlan, expected: float
) -> None:
    wanted = ctx.count(expected)
    if not wanted:
        return
    eligible = _eligible(plan, district, year, stage.requires)
    for group in ctx.rng.sample(eligible, min(wanted, len(eligible))):
        add_project(
            ctx,
            plan,
            group,
            year,
            stage.stage,
            "village_community",
            stage.size,
            stage.grant,
            _start(ctx, year),
        )


def _department(
    ctx: Context, plan: Plan, district: DistrictRef, year: int, expected: float
) -> None:
    for _ in range(ctx.count(expected)):
        programme = ctx.rng.choice(DEPARTMENT_PROGRAMMES)
        existing = _eligible(plan, district, year, 0)
        if ctx.rng.random() < DEPARTMENT_NEW_GROUP_SHARE or not existing:
            _formation(ctx, plan, district, year, programme)
            continue
        stage = LADDER[1].stage
        add_project(
            ctx,
            plan,
            ctx.rng.choice(existing),
            year,
            stage,
            programme,
            DEPARTMENT_SIZE,
            DEPARTMENT_GRANT,
            _start(ctx, year),
        )


def _year(ctx: Context, plan: Plan, district: DistrictRef, year: int) -> None:
    factor = ctx.spec.factor * ctx.shares[district.code]
    # Group formation runs at full strength from the first year (the programme began in 2012).
    for _ in range(ctx.count(LADDER[0].per_year * factor)):
        _formation(ctx, plan, district, year, "village_community")
    _department(ctx, plan, district, year, DEPARTMENT_PER_YEAR * factor)
    for stage in LADDER[1:]:
        _climb(
            ctx, plan, district, year, stage, stage.per_year * factor * ramp(stage.first_year, year)
        )


def _unfunded_groups(ctx: Context, plan: Plan) -> list[GroupPlan]:
    """Groups a centre registered without a grant, to bring the total to the scale's figure."""
    missing = max(0, ctx.spec.groups - len(plan.groups))
    created: list[GroupPlan] = []
    for district in ctx.districts:
        for _ in range(ctx.count(missing * ctx.shares[district.code])):
            founded_on = ctx.day_in(date(YEARS[0], 1, 1), END - timedelta(days=60))
            created.append(new_group(ctx, plan, district, founded_on))
    return created


def plan_projects(ctx: Context) -> tuple[Plan, list[GroupPlan]]:
    """All funded projects (with their new groups) and the unfunded groups, ids in creation order."""
    plan = Plan()
    for index, year in enumerate(YEARS):
        for district in ctx.districts:
            _year(ctx, plan, district, year)
        ctx.report("projects", index + 1, len(YEARS))
    return plan, _unfunded_groups(ctx, plan)
