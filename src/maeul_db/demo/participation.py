"""Who takes part: lead proposers, co-proposers and participants per project, and group memberships.

Most people take part once; an earlier participant is drawn in proportion to how often they took
part already, which gives the long tail of repeat participants the plan describes. Lead proposers of
an existing group's project are its most active members.
"""

from __future__ import annotations

from datetime import date, timedelta

from maeul_db.demo.context import Context
from maeul_db.demo.dataset import END, open_end, stamp
from maeul_db.demo.projects import GroupPlan, Plan, ProjectPlan

# Share of the scale's people who first appear as project participants (the rest: unfunded groups,
# councils, staff).
PARTICIPANT_PEOPLE_SHARE = 0.83
# How much more (or less) often a slot goes to a newcomer than on average, by stage.
NEWCOMER_BIAS = {"group_formation": 1.3, "activity_support": 0.9}
HIGHER_STAGE_BIAS = 0.65
MEMBER_SHARE = 0.6  # of the slots in an existing group's project that go to people already known
LEAD_CANDIDATES = 3
JOIN_AFTER_FORMATION = 0.6
JOIN_LATER = 0.3
LEAVE_SHARE = 0.35
UNFUNDED_EXISTING_SHARE = 0.5


class Budget:
    """Spreads the newcomers over all slots so the total number of people lands near the target."""

    def __init__(self, people: int, slots: int) -> None:
        self.people_left = people
        self.slots_left = max(1, slots)

    def newcomer_chance(self, stage: str) -> float:
        base = self.people_left / max(1, self.slots_left)
        return min(0.97, max(0.02, base * NEWCOMER_BIAS.get(stage, HIGHER_STAGE_BIAS)))

    def spend(self, newcomer: bool) -> None:
        self.slots_left -= 1
        self.people_left -= 1 if newcomer else 0


def active_members(group: GroupPlan, day: date) -> list[int]:
    return [
        pid
        for pid, (start, end) in group.members.items()
        if start is not None and start <= day and (end is None or end > day)
    ]


def join(ctx: Context, group: GroupPlan, person_id: int, day: date, role: str) -> None:
    """Open a membership on ``day`` unless one is open; it may end later (leaving or dissolution)."""
    previous = group.members.get(person_id)
    if previous is not None and (previous[1] is None or previous[1] > day):
        return
    ends: date | None = None
    if ctx.rng.random() < LEAVE_SHARE:
        ends = day + timedelta(days=ctx.rng.randint(365, 5 * 365))
    if group.dissolved_on is not None:
        ends = min(ends or group.dissolved_on, group.dissolved_on)
    valid_to = open_end(ends) if ends else None
    group.members[person_id] = [day, valid_to]
    membership_id = ctx.data.next_id("group_membership")
    created = stamp(day, membership_id)
    ctx.data.add(
        "group_membership",
        (
            membership_id,
            created,
            created,
            day,
            valid_to,
            group.id,
            person_id,
            role,
            group.district.code,
        ),
    )
    ctx.people.touch(person_id, day, group.district.code)


def _known_person(ctx: Context, project: ProjectPlan, members: list[int], lead: bool) -> int | None:
    district = project.group.district.code
    if members and ctx.rng.random() < MEMBER_SHARE:
        if lead:
            # The most active of a few members proposes: repeat participants lead more often.
            picks = [ctx.rng.choice(members) for _ in range(LEAD_CANDIDATES)]
            return max(picks, key=lambda pid: ctx.people.projects[pid])
        return ctx.rng.choice(members)
    return ctx.people.draw_participant(district)


def _pick(
    ctx: Context,
    project: ProjectPlan,
    budget: Budget,
    members: list[int],
    taken: set[int],
    lead: bool,
) -> int:
    person_id = None
    if ctx.rng.random() >= budget.newcomer_chance(project.stage):
        person_id = _known_person(ctx, project, members, lead)
        if person_id in taken:
            person_id = None
    budget.spend(person_id is None)
    if person_id is None:
        group = project.group
        person_id = ctx.people.create(project.starts_on, group.district.code, group.dong.code)
    taken.add(person_id)
    return person_id


def _roles(ctx: Context, project: ProjectPlan) -> list[str]:
    # A group-formation grant needs 3+ residents proposing together.
    co = 2 if project.stage == "group_formation" else ctx.rng.randint(0, 2)
    co = min(co, project.size - 1)
    return ["lead_proposer"] + ["co_proposer"] * co + ["participant"] * (project.size - 1 - co)


def _memberships(ctx: Context, project: ProjectPlan, roles: list[str], forming: bool) -> None:
    group = project.group
    for index, (person_id, role) in enumerate(zip(project.participants, roles, strict=True)):
        if forming and role != "participant":
            title = "representative" if index == 0 else "secretary" if index == 1 else "member"
            join(ctx, group, person_id, group.founded_on, title)
        elif ctx.rng.random() < (JOIN_AFTER_FORMATION if forming else JOIN_LATER):
            join(ctx, group, person_id, project.starts_on, "member")


def staff_project(ctx: Context, project: ProjectPlan, budget: Budget) -> None:
    group = project.group
    forming = group.founded_on.year == project.year and project.stage == "group_formation"
    members = [] if forming else active_members(group, project.starts_on)
    roles = _roles(ctx, project)
    taken: set[int] = set()
    district = group.district.code
    created = stamp(project.starts_on, project.id)
    valid_to = open_end(project.ends_on + timedelta(days=1))
    for role in roles:
        lead = role == "lead_proposer"
        person_id = _pick(ctx, project, budget, members, taken, lead)
        project.participants.append(person_id)
        participation_id = ctx.data.next_id("participation")
        ctx.data.add(
            "participation",
            (
                participation_id,
                created,
                created,
                project.starts_on,
                valid_to,
                project.id,
                person_id,
                role,
                district,
            ),
        )
        ctx.people.participated(person_id, project.starts_on, district, lead=lead)
    _memberships(ctx, project, roles, forming)


def staff_projects(ctx: Context, plan: Plan) -> None:
    budget = Budget(
        round(ctx.spec.people * PARTICIPANT_PEOPLE_SHARE), sum(p.size for p in plan.projects)
    )
    total = len(plan.projects)
    for index, project in enumerate(plan.projects):
        staff_project(ctx, project, budget)
        if index % 2000 == 0 or index + 1 == total:
            ctx.report("participants", index + 1, total)


def populate_unfunded(ctx: Context, groups: list[GroupPlan]) -> None:
    """Members of groups without a grant: some known participants, mostly residents new to the DB."""
    rng = ctx.rng
    for group in groups:
        district = group.district.code
        last_day = min(group.dissolved_on or END, END) - timedelta(days=1)
        for index in range(rng.randint(3, 10)):
            day = group.founded_on
            if index >= 3 and rng.random() < 0.3:
                day = ctx.day_in(group.founded_on, min(last_day, day + timedelta(days=730)))
            person_id = None
            if rng.random() < UNFUNDED_EXISTING_SHARE:
                person_id = ctx.people.draw_participant(district)
            if person_id is None or person_id in group.members:
                person_id = ctx.people.create(day, district, group.dong.code)
            role = "representative" if index == 0 else "secretary" if index == 1 else "member"
            join(ctx, group, person_id, day, role)
