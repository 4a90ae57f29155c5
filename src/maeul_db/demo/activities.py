"""Activities and attendance: project meetings and events, unfunded groups' meetings, and each
district's year-end network party, where people from different projects meet (the connections the
analysts trace).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from maeul_db.demo.context import Context
from maeul_db.demo.dataset import END, stamp
from maeul_db.demo.participation import active_members
from maeul_db.demo.projects import GroupPlan, Plan, ProjectPlan

HOURS = {
    "meeting": Decimal("2"),
    "event": Decimal("4"),
    "education": Decimal("3"),
    "network_party": Decimal("3"),
}
EVENT_SHARE = 0.5
EDUCATION_SHARE = 0.3
# Attendance is recorded without hours this often (a sign-in sheet with names only).
NO_HOURS_SHARE = 0.15
PARTY_SHARE = 0.15
PARTY_CAP = 300


def add_activity(
    ctx: Context,
    *,
    kind: str,
    subject: str,
    day: date,
    district: str,
    project_id: int | None,
    group_id: int | None,
    attendees: list[int],
    extra_headcount: int = 0,
) -> None:
    activity_id = ctx.data.next_id("activity")
    created = stamp(day, activity_id)
    hours = HOURS[kind]
    ctx.data.add(
        "activity",
        (
            activity_id,
            created,
            created,
            ctx.names.activity_title(kind, subject),
            kind,
            day,
            hours,
            district,
            project_id,
            group_id,
            extra_headcount,
            # The headcount is always named attendees + unnamed (activities.attendance).
            len(attendees) + extra_headcount,
        ),
    )
    no_hours = ctx.rng.random() < NO_HOURS_SHARE
    add = ctx.data.rows["attendance"].append
    for person_id in attendees:
        add((activity_id, person_id, None if no_hours else hours, district))


def _sample(ctx: Context, people: list[int], low: float, high: float) -> list[int]:
    if not people:
        return []
    k = max(1, round(len(people) * ctx.rng.uniform(low, high)))
    return ctx.rng.sample(people, min(k, len(people)))


def project_activities(ctx: Context, project: ProjectPlan) -> None:
    rng = ctx.rng
    kinds = ["meeting"] * rng.randint(3, 8)
    if rng.random() < EVENT_SHARE:
        kinds.append("event")
    if rng.random() < EDUCATION_SHARE:
        kinds.append("education")
    group = project.group
    for kind in kinds:
        extra = rng.randint(10, 80) if kind == "event" else 0
        add_activity(
            ctx,
            kind=kind,
            subject=group.name,
            day=ctx.day_in(project.starts_on, project.ends_on),
            district=group.district.code,
            project_id=project.id,
            group_id=group.id,
            attendees=_sample(ctx, project.participants, 0.4, 0.9),
            extra_headcount=extra,
        )


def group_meetings(ctx: Context, group: GroupPlan) -> None:
    """An unfunded group meets a few times in its first years."""
    last = min(group.dissolved_on or END, END) - timedelta(days=1)
    for _ in range(ctx.rng.randint(1, 4)):
        day = ctx.day_in(group.founded_on, min(last, group.founded_on + timedelta(days=700)))
        members = active_members(group, day)
        if members:
            add_activity(
                ctx,
                kind="meeting",
                subject=group.name,
                day=day,
                district=group.district.code,
                project_id=None,
                group_id=group.id,
                attendees=_sample(ctx, members, 0.5, 1.0),
            )


def network_parties(ctx: Context, plan: Plan) -> None:
    """One party per district and year for that year's participants."""
    by_key: dict[tuple[str, int], list[int]] = {}
    for project in plan.projects:
        by_key.setdefault((project.group.district.code, project.year), []).extend(
            project.participants
        )
    for (district, year), people in by_key.items():
        unique = list(dict.fromkeys(people))
        k = min(PARTY_CAP, max(1, round(len(unique) * PARTY_SHARE)))
        day = date(year, 12, ctx.rng.randint(5, 20))
        name = next(d.name for d in ctx.districts if d.code == district)
        add_activity(
            ctx,
            kind="network_party",
            subject=f"{year} {name}",
            day=day,
            district=district,
            project_id=None,
            group_id=None,
            attendees=ctx.rng.sample(unique, k),
            extra_headcount=ctx.rng.randint(0, 30),
        )


def make_activities(ctx: Context, plan: Plan, unfunded: list[GroupPlan]) -> None:
    total = len(plan.projects)
    for index, project in enumerate(plan.projects):
        project_activities(ctx, project)
        if index % 2000 == 0 or index + 1 == total:
            ctx.report("activities", index + 1, total)
    for group in unfunded:
        group_meetings(ctx, group)
    network_parties(ctx, plan)
