"""The growth ladder on hand-built rows: rungs, the transition matrix, cohorts and time to lead."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.analytics import ladder
from maeul_db.analytics.queries import LadderFacts, PartRow, PersonFact
from maeul_db.models import ParticipationRole, Role, Stage
from tests.builders import bearer, make_participation, make_person, make_project, make_user


def _row(person: int, project: int, role: str, day: date, stage: str) -> PartRow:
    return PartRow(person, project, role, "11110", day, "F", 1980, stage, day.year)


# q1: 2018 participant, 2019 lead proposer; q2: 2018 participant only; q3: straight into a
# village-network project in 2019 (a higher stage); q4: a council seat in 2019, no project.
PARTS = [
    _row(1, 10, "participant", date(2018, 4, 1), "group_formation"),
    _row(1, 20, "lead_proposer", date(2019, 4, 1), "activity_support"),
    _row(2, 10, "participant", date(2018, 4, 1), "group_formation"),
    _row(3, 30, "participant", date(2019, 5, 1), "village_network"),
]
FACTS = LadderFacts(
    parts=PARTS,
    council=[PersonFact(4, "11110", "M", date(2019, 7, 1))],
    trained_expert=[],
    placed_expert=[],
    certificate=[],
)


def test_rung_on_dates() -> None:
    reach = ladder.reached(FACTS)
    rung = {p: ladder.RUNGS[ladder.rung_on(days, date(2019, 12, 31))] for p, days in reach.items()}
    # q1 reached repeat and lead on the same day (second project, as lead).
    assert rung == {1: "lead_proposer", 2: "participant", 3: "higher_stage", 4: "council_or_space"}
    assert ladder.rung_on(reach[1], date(2018, 12, 31)) == 1
    assert ladder.rung_on(reach[1], date(2018, 3, 31)) == 0


def test_transition_matrix_2018_to_2019() -> None:
    counts = ladder.transitions(ladder.reached(FACTS), 2018)
    nonzero = {(a, b): n for a, row in counts.items() for b, n in row.items() if n}
    assert nonzero == {
        ("participant", "lead_proposer"): 1,
        ("participant", "participant"): 1,
        ("none", "higher_stage"): 1,
        ("none", "council_or_space"): 1,
    }


def test_cohorts_retention_and_time_to_lead() -> None:
    rows = ladder.cohorts(PARTS, ladder.reached(FACTS), last_year=2019)
    # 2018 cohort q1, q2: both in 2018, only q1 again in 2019; q1 led 365 days after starting.
    assert rows == [(2018, 2, [2, 1], 365.0, 1), (2019, 1, [1], None, 0)]


def test_ladder_api_suppresses_for_analysts(client: TestClient, session: Session) -> None:
    person = make_person(session)
    project = make_project(session, year=2019, stage=Stage.village_plan)
    make_participation(
        session, project=project, person=person, role=ParticipationRole.lead_proposer
    )
    analyst = make_user(session, role=Role.analyst)
    admin = make_user(session, role=Role.city_admin)
    url = "/api/analytics/ladder?as_of=2019-12-31"
    full = client.get(url, headers=bearer(client, admin.username)).json()
    assert full["people_by_rung"]["higher_stage"]["total"] == 1
    assert full["cohorts"][0]["size"] == 1
    hidden = client.get(url, headers=bearer(client, analyst.username)).json()
    assert hidden["people_by_rung"]["higher_stage"]["total"] is None
    assert hidden["cohorts"][0]["size"] is None
