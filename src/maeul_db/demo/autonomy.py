"""General assemblies, autonomy plans, community spaces and village networks (issue 12).

- Every dong with a council holds a yearly assembly from its first term on; turnout climbs from the
  plan's 2.8% (2017) to 5% (2022) with a spread between dongs, more than half of the votes cast in
  advance, and some dongs short of the 1% quorum.
- Each assembly votes the next year's plan: 3-6 agenda items found by subcommittees, most adopted,
  funded from the dong-level citizen budget or the returned resident tax; many adopted items are
  executed by one of the dong's (or district's) projects of the plan year, which links back.
- Community-space projects give their group a resident-run space with 1-3 operators; each district
  opens about 3 마을활력소 from 2018 with 3 operators each (the plan's job rule).
- Each district's 마을넷 has some of its groups as members, joining and leaving over time.
Adult populations are estimated from the dong's population as the service does (assemblies.turnout).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from maeul_db.assemblies.turnout import estimate_adults
from maeul_db.demo.careers import _hire, add_career
from maeul_db.demo.context import Context
from maeul_db.demo.dataset import END, LAST_YEAR, open_end, stamp
from maeul_db.demo.projects import Plan
from maeul_db.demo.reference import DistrictRef, DongRef

TURNOUT = {2017: 0.028, 2022: 0.05}
TURNOUT_SPREAD = (0.45, 1.6)
PREVOTE_SHARE = (0.5, 0.8)
ITEMS = (3, 6)
ADOPTED_SHARE = 0.85
LINKED_SHARE = 0.6
HUBS_PER_DISTRICT = 3
HUB_OPERATORS = 3
NETWORK_JOIN_SHARE = 0.25
# Agenda items, subcommittees and budget sources (data: what residents and councils call them).
AGENDA = (
    "골목 안전 지도 만들기",
    "어르신 말벗 돌봄",
    "공원 쓰레기 줄이기",
    "마을 축제 열기",
    "어린이 통학로 정비",
    "주민 공유 공구함",
    "마을 도서관 운영",
    "1인 가구 이웃 모임",
    "반려동물 산책 예절",
    "빈집 활용 쉼터",
    "청소년 놀이 공간",
    "마을 텃밭 가꾸기",
)
SUBCOMMITTEES = ("안전분과", "복지분과", "환경분과", "문화분과", "교육분과", "마을경제분과")
SOURCES = (("citizen_budget", 0.5), ("resident_tax", 0.35), ("district_budget", 0.15))


def turnout_target(year: int) -> float:
    (first, low), (last, high) = TURNOUT.items()
    return low + (high - low) * min(1.2, max(0.0, (year - first) / (last - first)))


def _council_starts(ctx: Context) -> dict[str, tuple[str, date]]:
    """dong code -> (district code, first council term start), from the council seats so far."""
    starts: dict[str, tuple[str, date]] = {}
    for row in ctx.data.rows["council_seat"]:
        valid_from, district, dong = row[3], row[6], row[7]
        if dong not in starts or valid_from < starts[dong][1]:
            starts[dong] = (district, valid_from)
    return starts


def _projects_by_place(plan: Plan) -> dict[tuple[str, int], list[int]]:
    """(dong or district code, year) -> project ids, for linking executed items."""
    index: dict[tuple[str, int], list[int]] = defaultdict(list)
    for project in plan.projects:
        index[(project.group.dong.code, project.year)].append(project.id)
        index[(project.group.district.code, project.year)].append(project.id)
    return index


def make_assemblies(ctx: Context, plan: Plan) -> None:
    dongs = {d.code: d for district in ctx.districts for d in district.dongs}
    projects = _projects_by_place(plan)
    for dong_code, (district, start) in sorted(_council_starts(ctx).items()):
        dong = dongs.get(dong_code)
        if dong is None:
            continue
        for year in range(start.year, LAST_YEAR + 1):
            held_on = ctx.day_in(date(year, 5, 1), date(year, 10, 31))
            if held_on < start:
                continue
            assembly = _assembly(ctx, district, dong, held_on)
            _plan(ctx, district, dong, held_on, assembly, projects)


def _assembly(ctx: Context, district: str, dong: DongRef, held_on: date) -> tuple[int, int]:
    """One assembly row; returns its id and its voters (on site + pre-votes)."""
    rng = ctx.rng
    adults = estimate_adults(dong.population)
    share = turnout_target(held_on.year) * rng.uniform(*TURNOUT_SPREAD)
    voters = max(1, round(adults * share))
    prevoters = round(voters * rng.uniform(*PREVOTE_SHARE))
    onsite = voters - prevoters
    present = min(adults - prevoters, onsite + round(onsite * rng.uniform(0.02, 0.15)))
    assembly_id = ctx.data.next_id("general_assembly")
    created = stamp(held_on, assembly_id)
    ctx.data.add(
        "general_assembly",
        (
            assembly_id,
            created,
            created,
            district,
            dong.code,
            held_on.year,
            held_on,
            present,
            onsite,
            prevoters,
            adults,
            "estimated",
        ),
    )
    return assembly_id, voters


def _plan(
    ctx: Context,
    district: str,
    dong: DongRef,
    held_on: date,
    assembly: tuple[int, int],
    projects: dict[tuple[str, int], list[int]],
) -> None:
    """The next year's plan, voted at ``assembly`` (id, voters)."""
    rng = ctx.rng
    assembly_id, voters = assembly
    year = held_on.year
    plan_id = ctx.data.next_id("autonomy_plan")
    created = stamp(held_on, plan_id)
    title = f"{year + 1}년 {dong.name} 자치계획"
    ctx.data.add(
        "autonomy_plan",
        (plan_id, created, created, district, dong.code, year + 1, title, assembly_id),
    )
    for title in rng.sample(AGENDA, rng.randint(*ITEMS)):
        _item(ctx, plan_id, district, dong, year + 1, voters, title, projects, created)


def _votes(ctx: Context, voters: int, adopted: bool) -> tuple[int, int, int]:
    rng = ctx.rng
    cast = max(1, round(voters * rng.uniform(0.85, 1.0)))
    share = rng.uniform(0.55, 0.9) if adopted else rng.uniform(0.2, 0.45)
    votes_for = round(cast * share)
    against = round((cast - votes_for) * rng.uniform(0.5, 0.9))
    return votes_for, against, cast - votes_for - against


def _item(
    ctx: Context,
    plan_id: int,
    district: str,
    dong: DongRef,
    plan_year: int,
    voters: int,
    title: str,
    projects: dict[tuple[str, int], list[int]],
    created: object,
) -> None:
    rng = ctx.rng
    adopted = rng.random() < ADOPTED_SHARE
    votes_for, against, abstain = _votes(ctx, voters, adopted)
    source = rng.choices([s for s, _ in SOURCES], weights=[w for _, w in SOURCES])[0]
    requested = rng.randint(3, 15) * 1_000_000
    granted = int(round(requested * rng.uniform(0.7, 1.0), -5)) if adopted else 0
    project_id = None
    if adopted and rng.random() < LINKED_SHARE:
        pool = projects.get((dong.code, plan_year)) or projects.get((district, plan_year))
        project_id = rng.choice(pool) if pool else None
    ctx.data.add(
        "agenda_item",
        (
            ctx.data.next_id("agenda_item"),
            created,
            created,
            plan_id,
            district,
            title,
            rng.choice(SUBCOMMITTEES),
            votes_for,
            against,
            abstain,
            source,
            requested,
            granted,
            project_id,
        ),
    )


def _space(
    ctx: Context,
    district: DistrictRef,
    dong: DongRef,
    name: str,
    kind: str,
    opened: date,
    closed: date | None,
) -> int:
    space_id = ctx.data.next_id("community_space")
    created = stamp(opened, space_id)
    address = f"서울특별시 {district.name} {dong.name} 일대"
    ctx.data.add(
        "community_space",
        (space_id, created, created, opened, closed, district.code, dong.code, name, address, kind),
    )
    return space_id


def _operator(
    ctx: Context,
    space: tuple[int, str, str],
    person_id: int,
    valid_from: date,
    valid_to: date | None,
) -> None:
    """An operator job at ``space`` (id, name, dong): a space_operator career and its link."""
    space_id, name, dong = space
    district = dong[:5]  # a dong code starts with its district code
    career_id = add_career(
        ctx, person_id, "space_operator", name, district, valid_from, valid_to, dong=dong
    )
    created = stamp(valid_from, career_id)
    row_id = ctx.data.next_id("space_operator")
    ctx.data.add("space_operator", (row_id, created, created, space_id, career_id, district))


def make_spaces(ctx: Context, plan: Plan) -> None:
    """Resident spaces from community-space projects (one per group), then each district's hubs."""
    spaced: set[int] = set()
    for project in plan.projects:
        if project.stage != "community_space" or project.group.id in spaced:
            continue
        spaced.add(project.group.id)
        group = project.group
        closed = (
            group.dissolved_on
            if group.dissolved_on and group.dissolved_on > project.starts_on
            else None
        )
        name = f"{group.name} 공간"
        space_id = _space(
            ctx,
            group.district,
            group.dong,
            name,
            "resident",
            project.starts_on,
            open_end(closed or END),
        )
        end = open_end(project.ends_on + timedelta(days=1))
        for person_id in project.participants[: ctx.rng.randint(1, 3)]:
            _operator(ctx, (space_id, name, group.dong.code), person_id, project.starts_on, end)
    for district in ctx.districts:
        _hubs(ctx, district)


def _hubs(ctx: Context, district: DistrictRef) -> None:
    for number in range(1, ctx.count(HUBS_PER_DISTRICT * ctx.dong_coverage) + 1):
        opened = ctx.day_in(date(2018, 3, 1), date(2022, 10, 31))
        dong = ctx.dong(district, opened)
        name = f"{district.name} 마을활력소 {number}호"
        space_id = _space(ctx, district, dong, name, "hub", opened, None)
        for _ in range(HUB_OPERATORS):
            months = ctx.rng.randint(10, 40)
            end = open_end(opened + timedelta(days=30 * months))
            person_id = _hire(ctx, district, opened)
            _operator(ctx, (space_id, name, dong.code), person_id, opened, end)


def make_networks(ctx: Context, plan: Plan) -> None:
    """Each district's 마을넷 and its member groups over time."""
    for district in ctx.districts:
        founded = ctx.day_in(date(2013, 1, 2), date(2015, 12, 31))
        network_id = ctx.data.next_id("village_network")
        created = stamp(founded, network_id)
        name = f"{district.name} 마을넷"
        ctx.data.add(
            "village_network", (network_id, created, created, district.code, name, founded)
        )
        for group in plan.by_district.get(district.code, []):
            if ctx.rng.random() >= NETWORK_JOIN_SHARE:
                continue
            joined = max(group.founded_on, founded) + timedelta(days=ctx.rng.randint(30, 700))
            left = group.dissolved_on
            if left is None and ctx.rng.random() < 0.3:
                left = joined + timedelta(days=ctx.rng.randint(365, 1500))
            if joined >= END or (left is not None and left <= joined):
                continue
            member_id = ctx.data.next_id("network_member")
            stamp_ = stamp(joined, member_id)
            ctx.data.add(
                "network_member",
                (
                    member_id,
                    stamp_,
                    stamp_,
                    joined,
                    open_end(left or END),
                    network_id,
                    group.id,
                    district.code,
                ),
            )
