"""One growth ladder: a person's rung on their timeline is their rung in the analytics ladder, and
"repeat participant" means the same in the indicators, the ladder and the timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.analytics import ladder, ladder_service, queries
from maeul_db.analytics import service as analytics_service
from maeul_db.models import (
    Certificate,
    CertificateKind,
    CouncilSeat,
    JobType,
    ParticipationRole,
    Person,
    Role,
    Stage,
)
from tests.builders import (
    DISTRICT_A,
    DONG_A,
    bearer,
    complete_program,
    make_career,
    make_participation,
    make_person,
    make_placement,
    make_program,
    make_project,
    make_user,
)

AS_OF = date(2030, 12, 31)


def _take_part(session: Session, person: Person, *, times: int = 1, **project: object) -> None:
    target = make_project(session, year=2018, **project)
    for n in range(times):
        make_participation(
            session,
            project=target,
            person=person,
            valid_from=date(2018, 3 + 4 * n, 1),
            valid_to=date(2018, 5 + 4 * n, 1),
        )


def _participant(session: Session, person: Person) -> None:
    _take_part(session, person)


def _same_project_twice(session: Session, person: Person) -> None:
    # Left and rejoined one project: one project, so not a repeat participant.
    _take_part(session, person, times=2)


def _repeat(session: Session, person: Person) -> None:
    _take_part(session, person)
    _take_part(session, person)


def _lead(session: Session, person: Person) -> None:
    make_participation(
        session,
        project=make_project(session, year=2018),
        person=person,
        role=ParticipationRole.lead_proposer,
        valid_from=date(2018, 4, 1),
    )


def _higher_stage(session: Session, person: Person) -> None:
    _take_part(session, person, stage=Stage.village_plan)


def _council(session: Session, person: Person) -> None:
    seat = CouncilSeat(
        person_id=person.id, district_code=DISTRICT_A, dong_code=DONG_A, valid_from=date(2019, 3, 1)
    )
    session.add(seat)
    session.flush()


def _space_operator(session: Session, person: Person) -> None:
    make_career(session, person=person, job_type=JobType.space_operator)


def _trained(session: Session, person: Person) -> None:
    complete_program(session, program=make_program(session, stage="expert_activist"), person=person)


def _placed(session: Session, person: Person) -> None:
    make_placement(session, person=person, valid_from=date(2020, 1, 1))


def _certified(session: Session, person: Person) -> None:
    session.add(
        Certificate(
            number=f"2024-C-TEST-{person.id:04d}",
            verification_id=f"v{person.id}",
            kind=CertificateKind.career,
            person_id=person.id,
            payload="{}",
            payload_sha256="0" * 64,
            key_id="k",
            signature="s",
            issued_at=datetime(2024, 2, 1, tzinfo=UTC),
        )
    )
    session.flush()


CASES: dict[str, tuple[Callable[[Session, Person], None], str]] = {
    "participant": (_participant, "participant"),
    "same project twice": (_same_project_twice, "participant"),
    "repeat": (_repeat, "repeat_participant"),
    "lead": (_lead, "lead_proposer"),
    "higher stage": (_higher_stage, "higher_stage"),
    "council seat": (_council, "council_or_space"),
    "space operator": (_space_operator, "council_or_space"),
    "trained": (_trained, "trained_expert"),
    "placed": (_placed, "placed_expert"),
    "certified": (_certified, "certified"),
}


def test_timeline_rung_equals_the_ladders_for_a_person_at_each_rung(
    client: TestClient, session: Session
) -> None:
    people = {}
    for name, (build, _) in CASES.items():
        people[name] = make_person(session)
        build(session, people[name])
    reach = ladder.reached(queries.ladder_facts(session, end=AS_OF))
    headers = bearer(client, make_user(session, role=Role.city_admin).username)
    for name, (_, expected) in CASES.items():
        person_id = people[name].id
        assert person_id is not None
        body = client.get(f"/api/people/{person_id}/timeline", headers=headers).json()
        analytics_rung = ladder.RUNGS[ladder.rung_on(reach[person_id], AS_OF)]
        assert body["rungs"][-1] == analytics_rung == expected, name
        assert body["rungs"] == [
            r for r, day in zip(ladder.RUNGS, reach[person_id], strict=True) if day
        ], name


def test_repeat_participant_is_one_definition(client: TestClient, session: Session) -> None:
    twice, repeat = make_person(session), make_person(session)
    _same_project_twice(session, twice)
    _repeat(session, repeat)
    admin = make_user(session, role=Role.city_admin)
    kpi = analytics_service.kpi(session, user=admin, start=date(2018, 1, 1), end=date(2018, 12, 31))
    assert kpi.city.participants.total == 2 and kpi.city.repeat_participants.total == 1
    report = ladder_service.report(session, user=admin, as_of=date(2018, 12, 31))
    assert report.people_by_rung["repeat_participant"].total == 1
    assert report.people_by_rung["participant"].total == 1
    headers = bearer(client, admin.username)
    for person, rungs in (
        (twice, ["participant"]),
        (repeat, ["participant", "repeat_participant"]),
    ):
        body = client.get(f"/api/people/{person.id}/timeline", headers=headers).json()
        assert body["rungs"] == rungs
