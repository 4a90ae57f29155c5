from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.models import CouncilSeat, ExpertPlacement, ParticipationRole, Role, Stage
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_A,
    bearer,
    make_group,
    make_membership,
    make_participation,
    make_person,
    make_project,
    make_user,
)
from tests.web_login import log_in


def _climber(session: Session) -> int:
    """A person who climbs: participant (2016) → repeat (2017, in B) → lead (2018) →
    higher stage (2019) → council (2020) → placed expert (2021)."""
    person = make_person(session)
    p16 = make_project(session, year=2016, name="첫모임")
    p17 = make_project(session, year=2017, name="이웃잔치", district_code=DISTRICT_B)
    p18 = make_project(session, year=2018, name="골목정원")
    p19 = make_project(session, year=2019, name="마을계획", stage=Stage.village_plan)
    make_participation(
        session, project=p16, person=person, valid_from=date(2016, 4, 1), valid_to=date(2016, 12, 1)
    )
    make_participation(session, project=p17, person=person, valid_from=date(2017, 4, 1))
    make_participation(
        session,
        project=p18,
        person=person,
        valid_from=date(2018, 4, 1),
        role=ParticipationRole.lead_proposer,
    )
    make_participation(session, project=p19, person=person, valid_from=date(2019, 4, 1))
    make_membership(
        session,
        group=make_group(session, name="책모임"),
        person=person,
        valid_from=date(2016, 3, 1),
    )
    session.add(
        CouncilSeat(
            person_id=person.id,
            district_code=DISTRICT_A,
            dong_code=DONG_A,
            valid_from=date(2020, 3, 1),
        )
    )
    session.add(
        ExpertPlacement(
            person_id=person.id,
            district_code=DISTRICT_A,
            dong_code=DONG_A,
            valid_from=date(2021, 1, 1),
            valid_to=date(2022, 12, 31),
        )
    )
    session.flush()
    assert person.id is not None
    return person.id


def test_timeline_orders_events_and_marks_the_ladder(client: TestClient, session: Session) -> None:
    person_id = _climber(session)
    admin = make_user(session, role=Role.city_admin)
    body = client.get(
        f"/api/people/{person_id}/timeline", headers=bearer(client, admin.username)
    ).json()
    events = body["events"]
    assert [e["on"] for e in events] == sorted(e["on"] for e in events)
    assert [(e["on"], e["reached"]) for e in events if e["reached"]] == [
        ("2016-04-01", "participant"),
        ("2017-04-01", "repeat_participant"),
        ("2018-04-01", "lead_proposer"),
        ("2019-04-01", "higher_stage"),
        ("2020-03-01", "council_or_space"),
        ("2021-01-01", "placed_expert"),
    ]
    assert body["rungs"] == [
        "participant",
        "repeat_participant",
        "lead_proposer",
        "higher_stage",
        "council_or_space",
        "placed_expert",
    ]
    assert body["partial"] is False
    assert {e["kind"] for e in events} == {
        "participation",
        "membership",
        "council_seat",
        "placement",
    }


def test_timeline_for_district_staff_hides_other_districts_facts(
    client: TestClient, session: Session
) -> None:
    person_id = _climber(session)
    staff_a = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    body = client.get(
        f"/api/people/{person_id}/timeline", headers=bearer(client, staff_a.username)
    ).json()
    assert body["partial"] is True
    assert all(e["district_code"] == DISTRICT_A for e in body["events"])
    assert "이웃잔치" not in {e["title"] for e in body["events"]}
    staff_b = make_user(session, role=Role.district_staff, district_code=DISTRICT_B)
    only_b = client.get(
        f"/api/people/{person_id}/timeline", headers=bearer(client, staff_b.username)
    ).json()
    assert [e["title"] for e in only_b["events"]] == ["이웃잔치"]
    stranger = make_user(session, role=Role.district_staff, district_code="11170")
    assert (
        client.get(
            f"/api/people/{person_id}/timeline", headers=bearer(client, stranger.username)
        ).status_code
        == 404
    )


def test_person_page_shows_timeline_in_korean(client: TestClient, session: Session) -> None:

    person_id = _climber(session)
    admin = make_user(session, role=Role.city_admin)
    assert log_in(client, admin.username).status_code == 303
    page = client.get(f"/people/{person_id}")
    assert page.status_code == 200
    for text in (
        "활동 이력",
        "대표제안자",
        "다차 참여자",
        "주민자치회 위원",
        "배치된 전문가",
        "골목정원",
    ):
        assert text in page.text
    # The date column carries the year; the title does not repeat it (issue 14).
    assert "2018 골목정원" not in page.text


def test_timeline_of_a_survivor_includes_merged_duplicates_facts(
    client: TestClient, session: Session
) -> None:
    survivor = make_person(session, registered_district_code=DISTRICT_A)
    duplicate = make_person(session, registered_district_code=DISTRICT_B)
    project_b = make_project(session, year=2020, name="중복의사업", district_code=DISTRICT_B)
    make_participation(session, project=project_b, person=duplicate, valid_from=date(2020, 4, 1))
    duplicate.merged_into_id = survivor.id
    session.add(duplicate)
    session.flush()
    admin = make_user(session, role=Role.city_admin)
    body = client.get(
        f"/api/people/{survivor.id}/timeline", headers=bearer(client, admin.username)
    ).json()
    assert "중복의사업" in {e["title"] for e in body["events"]}
    # District B still sees the survivor through the duplicate's fact.
    staff_b = make_user(session, role=Role.district_staff, district_code=DISTRICT_B)
    seen = client.get(
        f"/api/people/{survivor.id}/timeline", headers=bearer(client, staff_b.username)
    )
    assert seen.status_code == 200 and [e["title"] for e in seen.json()["events"]] == ["중복의사업"]
