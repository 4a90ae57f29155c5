"""District A's assembly, plan, agenda item, space (operated by ``person``) and village network
(with ``group`` as member), for the door and access worlds."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from maeul_db.models import (
    AgendaItem,
    AutonomyPlan,
    CommunitySpace,
    GeneralAssembly,
    NetworkMember,
    PopulationBasis,
    SpaceKind,
    SpaceOperator,
    VillageNetwork,
)
from tests.builders import DISTRICT_A, DONG_A, make_career


def seed_autonomy(
    session: Session, *, person_id: int, group_id: int, label: str = "비밀"
) -> dict[str, Any]:
    """The ids the assembly, space and network routes name (``label`` in every name, so a test
    that looks for district A's records finds them if they leak)."""
    assembly = GeneralAssembly(
        district_code=DISTRICT_A,
        dong_code=DONG_A,
        year=2021,
        held_on=date(2021, 6, 12),
        present=30,
        onsite_voters=25,
        prevoters=40,
        adult_population=10_000,
        population_basis=PopulationBasis.entered,
    )
    session.add(assembly)
    session.flush()
    plan = AutonomyPlan(
        district_code=DISTRICT_A,
        dong_code=DONG_A,
        year=2022,
        title=f"{label} 자치계획",
        assembly_id=assembly.id,
    )
    session.add(plan)
    session.flush()
    assert plan.id is not None
    item = AgendaItem(plan_id=plan.id, district_code=DISTRICT_A, title=f"{label} 의제")
    space = CommunitySpace(
        district_code=DISTRICT_A,
        dong_code=DONG_A,
        name=f"{label} 공간",
        address="종로구 어딘가",
        kind=SpaceKind.hub,
        valid_from=date(2019, 1, 1),
    )
    network = VillageNetwork(district_code=DISTRICT_A, name=f"{label} 마을넷")
    session.add_all([item, space, network])
    session.flush()
    assert space.id is not None and network.id is not None
    person = _person(session, person_id)
    career = make_career(session, person=person, job_type="space_operator", employer=space.name)
    member = NetworkMember(
        network_id=network.id,
        group_id=group_id,
        district_code=DISTRICT_A,
        valid_from=date(2020, 1, 1),
    )
    session.add_all(
        [SpaceOperator(space_id=space.id, career_id=career.id, district_code=DISTRICT_A), member]
    )
    session.flush()
    return {
        "assembly_id": assembly.id,
        "plan_id": plan.id,
        "item_id": item.id,
        "space_id": space.id,
        "network_id": network.id,
        "member_id": member.id,
    }


def _person(session: Session, person_id: int) -> Any:
    from maeul_db.models import Person

    return session.get(Person, person_id)
