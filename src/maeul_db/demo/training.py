"""The training catalogue, enrolments, module attendance and the completions the rule grants.

Completion follows the catalogue's rule: attended hours reach ``min_attendance_percent`` of the
programme's hours and, when set, ``min_hours`` (6 for the council school). The expert track is
basic → lecture practice → expert (activist) stage, each open once the one before is completed;
completers of the last stage form the pool districts place experts from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from maeul_db.demo.context import Context
from maeul_db.demo.dataset import END, stamp
from maeul_db.demo.projects import Plan

# (code, name, stage, modules (name, hours), min_attendance_percent, min_hours)
CourseSpec = tuple[str, str, str, tuple[tuple[str, int], ...], int, int | None]
CITY_COURSES: tuple[CourseSpec, ...] = (
    (
        "EXP-BASIC",
        "마을자치전문가 기본과정",
        "basic",
        (
            ("마을공동체의 이해", 3),
            ("주민자치와 협치", 3),
            ("퍼실리테이션 기초", 3),
            ("마을자원 조사", 3),
        ),
        80,
        None,
    ),
    (
        "EXP-PRACTICE",
        "마을자치전문가 강의실습",
        "lecture_practice",
        (("강의안 작성", 4), ("모의 강의", 4), ("현장 강의 실습", 4)),
        80,
        None,
    ),
    (
        "EXP-ACTIVIST",
        "마을자치전문가 전문가과정(활동가)",
        "expert_activist",
        (
            ("의제 발굴", 4),
            ("주민총회 지원", 4),
            ("자치계획 컨설팅", 4),
            ("갈등 조정", 4),
            ("현장 활동 평가", 4),
        ),
        80,
        None,
    ),
)
COUNCIL_SCHOOL: CourseSpec = (
    "CS-{code}",
    "{name} 주민자치학교",
    "council_school",
    (("주민자치회의 이해", 2), ("자치계획 수립", 2), ("주민총회 운영", 2)),
    80,
    6,
)
GENERAL: CourseSpec = (
    "GEN-{code}",
    "{name} 마을공동체 시민교육",
    "general",
    (("우리 마을 알기", 2), ("마을활동 시작하기", 2)),
    80,
    None,
)
CATALOGUE_DAY = date(2013, 1, 2)

# Expert track sizing: basic enrolments per expert slot, and the share moving on after each stage.
BASIC_PER_SLOT = 4.0
MOVE_ON = 0.75
EXPERT_DILIGENCE = 0.93
COHORT_YEARS = {2015: 1, 2016: 2, 2017: 2, 2018: 2, 2019: 2, 2020: 1, 2021: 1, 2022: 1}
GENERAL_SHARE = 0.04
WITHDRAW_SHARE = 0.5


@dataclass(frozen=True)
class Course:
    id: int
    stage: str
    district: str | None
    modules: tuple[tuple[int, Decimal], ...]
    min_percent: int
    min_hours: Decimal | None

    def completes(self, hours: Decimal) -> bool:
        total = sum(h for _, h in self.modules)
        enough_share = hours * 100 >= total * self.min_percent
        return enough_share and (self.min_hours is None or hours >= self.min_hours)


@dataclass
class Catalogue:
    city: dict[str, Course]
    council_school: dict[str, Course]
    general: dict[str, Course]


def _course(ctx: Context, spec: CourseSpec, district: str | None, name: str) -> Course:
    code, title, stage, modules, percent, min_hours = spec
    data = ctx.data
    program_id = data.next_id("training_program")
    created = stamp(CATALOGUE_DAY, program_id)
    code = code.format(code=district)
    data.add(
        "training_program",
        (
            program_id,
            created,
            created,
            code,
            title.format(name=name),
            stage,
            percent,
            Decimal(min_hours) if min_hours else None,
            district,
        ),
    )
    module_rows = []
    for sequence, (module_name, hours) in enumerate(modules, start=1):
        module_id = data.next_id("training_module")
        data.add(
            "training_module",
            (module_id, created, created, program_id, module_name, Decimal(hours), sequence),
        )
        module_rows.append((module_id, Decimal(hours)))
    return Course(
        program_id,
        stage,
        district,
        tuple(module_rows),
        percent,
        Decimal(min_hours) if min_hours else None,
    )


def make_catalogue(ctx: Context) -> Catalogue:
    city = {spec[2]: _course(ctx, spec, None, "") for spec in CITY_COURSES}
    order = [city[stage].id for stage in ("basic", "lecture_practice", "expert_activist")]
    for before, after in pairwise(order):
        ctx.data.add("training_prerequisite", (after, before))
    council = {d.code: _course(ctx, COUNCIL_SCHOOL, d.code, d.name) for d in ctx.districts}
    general = {d.code: _course(ctx, GENERAL, d.code, d.name) for d in ctx.districts}
    return Catalogue(city, council, general)


def enrol(
    ctx: Context, course: Course, person_id: int, *, day: date, diligence: float
) -> date | None:
    """Enrol, attend weekly sessions, and complete when the rule says so; the completion day or None."""
    rng, data = ctx.rng, ctx.data
    enrolment_id = data.next_id("enrolment")
    attended, last_day = Decimal(0), day
    sessions = []
    for sequence, (module_id, hours) in enumerate(course.modules, start=1):
        roll = rng.random()
        if roll >= diligence + (1 - diligence) / 2:
            continue
        got = hours if roll < diligence else hours / 2
        last_day = day + timedelta(days=7 * sequence)
        attended += got
        sessions.append((enrolment_id, module_id, got, last_day))
    completed = course.completes(attended)
    withdrawn = None
    if not completed and rng.random() < WITHDRAW_SHARE:
        withdrawn = last_day + timedelta(days=1)
    created = stamp(day, enrolment_id)
    cohort = f"{day.year}-{1 if day.month < 7 else 2}"
    data.add(
        "enrolment",
        (
            enrolment_id,
            created,
            created,
            course.id,
            person_id,
            course.district,
            cohort,
            day,
            withdrawn,
        ),
    )
    data.rows["module_attendance"].extend(sessions)
    ctx.people.touch(person_id, day, course.district)
    if not completed:
        return None
    completion_id = data.next_id("training_completion")
    done = stamp(last_day, completion_id)
    data.add(
        "training_completion",
        (completion_id, done, done, enrolment_id, person_id, course.id, last_day, attended),
    )
    return last_day


def _expert_track(ctx: Context, catalogue: Catalogue, person_id: int, start: date) -> date | None:
    """Walk one person up the expert track; the day they complete the last stage, or None."""
    day = start
    for stage in ("basic", "lecture_practice", "expert_activist"):
        if day >= END:
            return None
        done = enrol(ctx, catalogue.city[stage], person_id, day=day, diligence=EXPERT_DILIGENCE)
        if done is None or stage == "expert_activist":
            return done
        if ctx.rng.random() >= MOVE_ON:
            return None
        day = done + timedelta(days=ctx.rng.randint(60, 200))
    return None


def expert_pool(
    ctx: Context, catalogue: Catalogue, slots: dict[str, int]
) -> dict[str, list[tuple[date, int]]]:
    """Per district, (ready day, person) of everyone who completed the expert stage, by day."""
    pool: dict[str, list[tuple[date, int]]] = {}
    years, weights = list(COHORT_YEARS), list(COHORT_YEARS.values())
    for district in ctx.districts:
        enrolled: set[int] = set()
        ready = pool.setdefault(district.code, [])
        for _ in range(math.ceil(slots.get(district.code, 0) * BASIC_PER_SLOT)):
            year = ctx.rng.choices(years, weights=weights)[0]
            # Eligible after two years of activity: first project at least two seasons earlier.
            person_id = ctx.people.draw_climber(district.code, before=date(year - 1, 3, 1))
            if person_id is None or person_id in enrolled:
                continue
            enrolled.add(person_id)
            done = _expert_track(
                ctx, catalogue, person_id, ctx.day_in(date(year, 3, 2), date(year, 8, 31))
            )
            if done is not None:
                ready.append((done, person_id))
        ready.sort()
    return pool


def general_education(ctx: Context, catalogue: Catalogue, plan: Plan) -> None:
    """Each district's citizen course takes a few of the year's participants."""
    by_key: dict[tuple[str, int], list[int]] = {}
    for project in plan.projects:
        by_key.setdefault((project.group.district.code, project.year), []).extend(
            project.participants
        )
    for (district, year), people in by_key.items():
        unique = list(dict.fromkeys(people))
        for person_id in ctx.rng.sample(unique, ctx.count(len(unique) * GENERAL_SHARE)):
            day = ctx.day_in(date(year, 9, 1), date(year, 11, 30))
            enrol(ctx, catalogue.general[district], person_id, day=day, diligence=0.8)
