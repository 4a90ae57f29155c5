"""Demo data: the pure generator (no database) and writing it through the bulk path."""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from maeul_db.demo import generate_demo
from maeul_db.demo.dataset import COLUMNS, DemoData
from maeul_db.demo.generator import generate
from maeul_db.demo.reference import DistrictRef, DongRef, Reference
from maeul_db.demo.scales import SCALES, STAGE_INDEX
from maeul_db.errors import Conflict, InvalidInput
from maeul_db.models import District, Dong, Gender, NoncashRule, Person

INTERVAL_TABLES = (
    "group_membership",
    "participation",
    "council_seat",
    "expert_placement",
    "career",
    "community_space",
    "network_member",
)


def make_reference() -> Reference:
    """Three made-up districts of 18 dongs; one dong starts in 2020, as 항동 did."""
    districts = []
    for number, code in enumerate(("11290", "11380", "11110")):
        dongs = tuple(
            DongRef(
                f"{code}{index:05d}",
                code,
                f"시험{number}-{index}동",
                date(2020, 1, 1) if index == 0 else None,
                10_000 + 1_000 * index,
            )
            for index in range(18)
        )
        districts.append(DistrictRef(code, f"시험{number}구", 400_000, dongs))
    # The rule in force in the demo's years, as the migration seeds it (ids as in a fresh database).
    rule = NoncashRule(
        id=5,
        effective_year=2022,
        volunteer_hourly_krw=9160,
        professional_hourly_cap_krw=50000,
        recognised_share_pct=50,
    )
    return Reference(tuple(districts), (rule,))


@pytest.fixture(scope="module")
def small() -> DemoData:
    return generate(make_reference(), SCALES["small"], seed=1)


def rows(data: DemoData, table: str) -> list[dict[str, Any]]:
    return data.as_dicts(table)


def digest(data: DemoData) -> str:
    sha = hashlib.sha256()
    for table, table_rows in data.rows.items():
        sha.update(table.encode())
        for row in table_rows:
            sha.update(repr(row).encode())
    return sha.hexdigest()


def test_generate_same_seed_gives_same_rows(small: DemoData) -> None:
    again = generate(make_reference(), SCALES["small"], seed=1)
    other = generate(make_reference(), SCALES["small"], seed=2)
    assert digest(again) == digest(small)
    assert digest(other) != digest(small)


def test_generate_small_scale_size(small: DemoData) -> None:
    counts = small.counts()
    assert 1_700 <= counts["person"] <= 2_400
    assert counts["person_version"] == counts["person"]
    assert all(counts[name] > 0 for name in COLUMNS)
    districts = {p["registered_district_code"] for p in rows(small, "person")}
    assert districts == {"11290", "11380"}


def test_generate_women_share_matches_plan(small: DemoData) -> None:
    people = rows(small, "person")
    women = sum(p["gender"] == "F" for p in people) / len(people)
    assert 0.65 <= women <= 0.80
    assert {p["gender"] for p in people} <= {"F", "M", "X"}


def test_generate_thirties_forties_share_at_first_participation(small: DemoData) -> None:
    birth = {p["id"]: p["birth_year"] for p in rows(small, "person")}
    first: dict[int, date] = {}
    for row in rows(small, "participation"):
        pid = row["person_id"]
        first[pid] = min(first.get(pid, date.max), row["valid_from"])
    ages = [day.year - birth[pid] for pid, day in first.items()]
    share = sum(30 <= age < 50 for age in ages) / len(ages)
    twenties = sum(20 <= age < 30 for age in ages) / len(ages)
    assert 0.55 <= share <= 0.75
    assert twenties < 0.12


def test_generate_exactly_one_lead_proposer_per_project(small: DemoData) -> None:
    leads = Counter(
        r["project_id"] for r in rows(small, "participation") if r["role"] == "lead_proposer"
    )
    projects = {p["id"] for p in rows(small, "project")}
    assert set(leads) == projects
    assert set(leads.values()) == {1}


def test_generate_repeat_participants_and_leads_prefer_them(small: DemoData) -> None:
    participations = rows(small, "participation")
    per_person = Counter(r["person_id"] for r in participations)
    repeat = {pid for pid, n in per_person.items() if n >= 2}
    assert repeat
    assert len(repeat) / len(per_person) < 0.5  # most people take part once
    leads = {r["person_id"] for r in participations if r["role"] == "lead_proposer"}
    assert len(leads & repeat) / len(leads) > len(repeat) / len(per_person)


def test_generate_facts_carry_their_owner_district(small: DemoData) -> None:
    groups = {g["id"]: g["district_code"] for g in rows(small, "community_group")}
    projects = {p["id"]: p for p in rows(small, "project")}
    assert all(groups[p["group_id"]] == p["district_code"] for p in projects.values())
    for row in rows(small, "participation"):
        assert row["district_code"] == projects[row["project_id"]]["district_code"]
    for row in rows(small, "group_membership"):
        assert row["district_code"] == groups[row["group_id"]]
    activities = {a["id"]: a for a in rows(small, "activity")}
    for activity in activities.values():
        owner = activity["project_id"] and projects[activity["project_id"]]["district_code"]
        owner = owner or (activity["group_id"] and groups[activity["group_id"]])
        assert owner in (None, activity["district_code"])
    for row in rows(small, "attendance"):
        assert row["district_code"] == activities[row["activity_id"]]["district_code"]


def test_generate_intervals_are_valid(small: DemoData) -> None:
    for table in INTERVAL_TABLES:
        for row in rows(small, table):
            assert row["valid_to"] is None or row["valid_to"] > row["valid_from"], (table, row)
    for group in rows(small, "community_group"):
        assert group["dissolved_on"] is None or group["dissolved_on"] > group["founded_on"]


def test_generate_memberships_never_overlap(small: DemoData) -> None:
    spans: dict[tuple[int, int], list[tuple[date, date]]] = defaultdict(list)
    for row in rows(small, "group_membership"):
        spans[(row["group_id"], row["person_id"])].append(
            (row["valid_from"], row["valid_to"] or date.max)
        )
    for intervals in spans.values():
        intervals.sort()
        for (_, end), (start, _) in itertools.pairwise(intervals):
            assert start >= end


def test_generate_no_duplicate_facts(small: DemoData) -> None:
    """The unique indexes of i14-facts hold for demo data: names per district (and year), one
    participation per project and person, and every headcount = named + unnamed."""
    groups = Counter((g["district_code"], g["name"]) for g in rows(small, "community_group"))
    assert max(groups.values()) == 1
    projects = Counter((p["district_code"], p["year"], p["name"]) for p in rows(small, "project"))
    assert max(projects.values()) == 1
    parts = Counter((r["project_id"], r["person_id"]) for r in rows(small, "participation"))
    assert max(parts.values()) == 1
    named = Counter(r["activity_id"] for r in rows(small, "attendance"))
    for activity in rows(small, "activity"):
        assert activity["headcount"] == named[activity["id"]] + activity["unnamed_count"]


def test_generate_higher_stages_go_to_groups_that_climbed(small: DemoData) -> None:
    by_group: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for project in rows(small, "project"):
        by_group[project["group_id"]].append(project)
    for projects in by_group.values():
        projects.sort(key=lambda p: p["year"])
        assert projects[0]["stage"] in ("group_formation", "activity_support")
        for earlier, later in itertools.pairwise(projects):
            assert later["year"] > earlier["year"]
            if STAGE_INDEX[later["stage"]] >= 2:
                assert (
                    max(STAGE_INDEX[p["stage"]] for p in projects if p["year"] < later["year"]) >= 1
                )


def test_generate_council_terms_keep_gender_rule(small: DemoData) -> None:
    gender = {p["id"]: p["gender"] for p in rows(small, "person")}
    terms: dict[tuple[str, date], list[str]] = defaultdict(list)
    for seat in rows(small, "council_seat"):
        terms[(seat["dong_code"], seat["valid_from"])].append(gender[seat["person_id"]])
    assert terms
    for members in terms.values():
        assert max(Counter(members).values()) / len(members) <= 0.6


def test_generate_completions_follow_the_attendance_rule(small: DemoData) -> None:
    programme_hours: Counter[int] = Counter()
    for module in rows(small, "training_module"):
        programme_hours[module["program_id"]] += module["hours"]
    programmes = {p["id"]: p for p in rows(small, "training_program")}
    for completion in rows(small, "training_completion"):
        programme = programmes[completion["program_id"]]
        needed = programme_hours[programme["id"]] * programme["min_attendance_percent"] / 100
        assert completion["hours"] >= needed
        assert completion["hours"] >= (programme["min_hours"] or Decimal(0))
    stages = {p["stage"] for p in programmes.values()}
    assert {"basic", "lecture_practice", "expert_activist", "council_school"} <= stages


def test_generate_timestamps_are_aware_utc(small: DemoData) -> None:
    for person in rows(small, "person"):
        assert person["created_at"].tzinfo is UTC
    versions = {v["person_id"]: v for v in rows(small, "person_version")}
    for person in rows(small, "person"):
        version = versions[person["id"]]
        assert (version["version"], version["recorded_at"]) == (1, person["created_at"])
        assert version["name"] == person["name"]


def test_generate_unknown_scale_is_refused() -> None:
    with pytest.raises(InvalidInput):
        generate_demo(None, scale="galaxy", seed=1)  # type: ignore[arg-type]


# --- through the database (SQLite and PostgreSQL) ------------------------------------------------


@pytest.fixture
def demo_session(session: Session) -> Iterator[Session]:
    """The rolled-back session, with PostgreSQL id sequences set back afterwards.

    ``setval`` ignores rollback, so without this every later test would see ids start after the
    demo's. The demo tables were empty before (generate_demo refuses otherwise), so 1 is right.
    """
    yield session
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return
    try:
        for name, columns in COLUMNS.items():
            if "id" in columns:
                connection.execute(
                    text("SELECT setval(pg_get_serial_sequence(:t, 'id'), 1, false)"), {"t": name}
                )
    except DBAPIError:
        pass  # the test left its transaction aborted; the rollback that follows is what matters


def test_generate_demo_writes_every_row(demo_session: Session) -> None:
    session = demo_session
    summary = generate_demo(session.connection(), scale="small", seed=1)
    for table, count in summary.rows.items():
        stored = session.connection().execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
        assert stored == count, table
    people = session.exec(select(Person.registered_district_code).distinct()).all()
    assert set(people) == {"11290", "11380"}


def test_generate_demo_refuses_twice_then_replaces(demo_session: Session) -> None:
    session = demo_session
    connection = session.connection()
    districts = session.exec(select(func.count()).select_from(District)).one()
    dongs = session.exec(select(func.count()).select_from(Dong)).one()
    first = generate_demo(connection, scale="small", seed=1)
    with pytest.raises(Conflict):
        generate_demo(connection, scale="small", seed=2)
    second = generate_demo(connection, scale="small", seed=2, replace=True)
    assert second.deleted["person"] == first.rows["person"]
    stored = session.exec(select(func.count()).select_from(Person)).one()
    assert stored == second.rows["person"]
    assert session.exec(select(func.count()).select_from(District)).one() == districts
    assert session.exec(select(func.count()).select_from(Dong)).one() == dongs


def test_generate_demo_leaves_ids_free_after_explicit_ids(demo_session: Session) -> None:
    session = demo_session
    summary = generate_demo(session.connection(), scale="small", seed=3)
    person = Person(
        name="새주민", gender=Gender.female, birth_year=1985, registered_district_code="11290"
    )
    session.add(person)
    session.flush()
    assert person.id == summary.rows["person"] + 1


def _comparable(indexes: list[Any]) -> list[Any]:
    # SQLite reflects a partial index's WHERE as a new TextClause each time: compare its text.
    return [
        {**index, "dialect_options": {k: str(v) for k, v in index["dialect_options"].items()}}
        if "dialect_options" in index
        else index
        for index in indexes
    ]


def test_generate_demo_keeps_indexes_and_foreign_keys(demo_session: Session) -> None:
    """PostgreSQL drops them for the load and restores them; the schema must end up unchanged."""
    session = demo_session

    def schema() -> list[Any]:
        inspector = inspect(session.connection())
        return [
            (name, inspector.get_foreign_keys(name), _comparable(inspector.get_indexes(name)))
            for name in COLUMNS
        ]

    before = schema()
    generate_demo(session.connection(), scale="small", seed=4)
    assert schema() == before


def test_generate_seats_belong_to_one_council_per_dong(small: DemoData) -> None:
    councils = {c["id"]: c for c in rows(small, "council")}
    assert councils and len({c["dong_code"] for c in councils.values()}) == len(councils)
    methods = Counter()
    for seat in rows(small, "council_seat"):
        council = councils[seat["council_id"]]
        assert council["dong_code"] == seat["dong_code"]
        assert council["founded_on"] <= seat["valid_from"]
        methods[seat["chosen_by"]] += 1
    assert set(methods) == {"open_call", "recommended", "lottery"}


def test_generate_assemblies_plans_spaces_and_networks(small: DemoData) -> None:
    """Issue 12's tables are filled and consistent: one assembly per dong and year, no more item
    votes than the assembly's voters, linked items point at a project of their district, every
    operator link names a space_operator career of the space's district."""
    assemblies = rows(small, "general_assembly")
    assert assemblies and len({(a["dong_code"], a["year"]) for a in assemblies}) == len(assemblies)
    for a in assemblies:
        assert a["onsite_voters"] <= a["present"]
        assert a["present"] + a["prevoters"] <= a["adult_population"]
    voters = {a["id"]: a["onsite_voters"] + a["prevoters"] for a in assemblies}
    plans = {p["id"]: p for p in rows(small, "autonomy_plan")}
    projects = {p["id"]: p for p in rows(small, "project")}
    items = rows(small, "agenda_item")
    assert items and any(i["project_id"] for i in items)
    for item in items:
        plan = plans[item["plan_id"]]
        cast = item["votes_for"] + item["votes_against"] + item["votes_abstain"]
        assert cast <= voters[plan["assembly_id"]]
        assert isinstance(item["budget_granted_krw"], int)
        if item["project_id"]:
            assert projects[item["project_id"]]["district_code"] == item["district_code"]
    careers = {c["id"]: c for c in rows(small, "career")}
    spaces = {s["id"]: s for s in rows(small, "community_space")}
    links = rows(small, "space_operator")
    assert links and rows(small, "network_member")
    for link in links:
        career = careers[link["career_id"]]
        assert career["job_type"] == "space_operator"
        assert career["district_code"] == spaces[link["space_id"]]["district_code"]
