"""A small hand-built world for analytics tests; the right answers are worked out in the tests.

Period 2019. 종로구 (A): projects A1 (group formation) and A2 (activity support, parent community),
plus A0 in 2017. 중구 (B): project B1 (village network).

| person | gender | born | A1 | A2 | B1 | other |
|---|---|---|---|---|---|---|
| p1 | F | 1985 (30s) | lead | participant | | placed expert in A from 2019-03-01 |
| p2 | M | 1975 (40s) | participant | | lead | completes the 3 expert stages in 2019, 6 h in A |
| p3 | F | 1990 (20s) | participant | (voided) | | |
| p4 | F | 1950 (60s) | | participant | | A0 in 2017; council seat in A from 2019-06-01 |
| p5 | X | 2001 (18) | | | participant | |
| p6 | M | 1960 | | | | council seat in B from 2019-06-01, never in a project |
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlmodel import Session

from maeul_db.models import (
    CouncilSeat,
    Enrolment,
    ExpertPlacement,
    Gender,
    ModuleAttendance,
    ParticipationRole,
    Person,
    Programme,
    Project,
    Stage,
    TrainingCompletion,
    TrainingModule,
    TrainingProgram,
    TrainingStage,
)
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_A,
    DONG_B,
    make_participation,
    make_person,
    make_project,
)

LEAD = ParticipationRole.lead_proposer


@dataclass
class World:
    people: dict[str, Person]
    projects: dict[str, Project]


def _training(session: Session, person: Person) -> None:
    """p2 completes basic, lecture practice and the expert stage in 2019; 6 h of basic in A."""
    for n, stage in enumerate(
        (TrainingStage.basic, TrainingStage.lecture_practice, TrainingStage.expert_activist)
    ):
        program = TrainingProgram(
            code=f"T-{stage.value}-{person.id}", name=stage.value, stage=stage
        )
        session.add(program)
        session.flush()
        module = TrainingModule(program_id=program.id, name="m", hours=Decimal(6))
        enrolment = Enrolment(
            program_id=program.id,
            person_id=person.id,
            district_code=DISTRICT_A,
            enrolled_on=date(2019, 2 + n, 1),
        )
        session.add_all([module, enrolment])
        session.flush()
        if stage == TrainingStage.basic:
            session.add(
                ModuleAttendance(
                    enrolment_id=enrolment.id,
                    module_id=module.id,
                    hours_attended=Decimal(6),
                    attended_on=date(2019, 2, 8),
                )
            )
        session.add(
            TrainingCompletion(
                enrolment_id=enrolment.id,
                person_id=person.id,
                program_id=program.id,
                completed_on=date(2019, 2 + n, 20),
                hours=Decimal(6),
            )
        )
    session.flush()


def build_world(session: Session) -> World:
    p = {
        "p1": make_person(session, name="가나다", gender=Gender.female, birth_year=1985),
        "p2": make_person(session, name="라마바", gender=Gender.male, birth_year=1975),
        "p3": make_person(session, name="사아자", gender=Gender.female, birth_year=1990),
        "p4": make_person(session, name="차카타", gender=Gender.female, birth_year=1950),
        "p5": make_person(
            session,
            name="파하거",
            gender=Gender.unstated,
            birth_year=2001,
            registered_district_code=DISTRICT_B,
        ),
        "p6": make_person(
            session,
            name="너더러",
            gender=Gender.male,
            birth_year=1960,
            registered_district_code=DISTRICT_B,
        ),
    }
    j = {
        "A0": make_project(session, year=2017, district_code=DISTRICT_A),
        "A1": make_project(
            session, year=2019, district_code=DISTRICT_A, stage=Stage.group_formation
        ),
        "A2": make_project(
            session,
            year=2019,
            district_code=DISTRICT_A,
            stage=Stage.activity_support,
            programme=Programme.parent_community,
        ),
        "B1": make_project(
            session, year=2019, district_code=DISTRICT_B, stage=Stage.village_network
        ),
    }
    make_participation(
        session,
        project=j["A0"],
        person=p["p4"],
        valid_from=date(2017, 4, 1),
        valid_to=date(2017, 12, 31),
    )
    make_participation(session, project=j["A1"], person=p["p1"], role=LEAD)
    make_participation(session, project=j["A1"], person=p["p2"])
    make_participation(session, project=j["A1"], person=p["p3"])
    make_participation(session, project=j["A2"], person=p["p1"])
    make_participation(session, project=j["A2"], person=p["p4"])
    voided = make_participation(session, project=j["A2"], person=p["p3"])
    voided.voided_at = datetime(2019, 5, 1)
    voided.void_reason = "entered by mistake"
    make_participation(session, project=j["B1"], person=p["p2"], role=LEAD)
    make_participation(session, project=j["B1"], person=p["p5"])
    session.add_all(
        [
            CouncilSeat(
                person_id=p["p4"].id,
                district_code=DISTRICT_A,
                dong_code=DONG_A,
                valid_from=date(2019, 6, 1),
            ),
            CouncilSeat(
                person_id=p["p6"].id,
                district_code=DISTRICT_B,
                dong_code=DONG_B,
                valid_from=date(2019, 6, 1),
            ),
            ExpertPlacement(
                person_id=p["p1"].id,
                district_code=DISTRICT_A,
                dong_code=DONG_A,
                valid_from=date(2019, 3, 1),
            ),
        ]
    )
    session.flush()
    _training(session, p["p2"])
    return World(people=p, projects=j)
