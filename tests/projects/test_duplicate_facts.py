"""One participation per person and project at any time, one project per name in a district and
year: refused by the service (409 naming the existing record) and by the database itself."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from maeul_db.models import AuditLog, Participation, ParticipationRole, Project
from tests.builders import bearer, make_participation, make_person, make_project, make_user
from tests.web_login import csrf_token, log_in


def _participations(session: Session, project_id: int | None) -> list[Participation]:
    session.expire_all()
    return list(
        session.exec(
            select(Participation)
            .where(Participation.project_id == project_id)
            .order_by(col(Participation.id))
        ).all()
    )


def test_add_participant_twice_is_a_conflict_naming_the_existing(
    client: TestClient, session: Session
) -> None:
    project, person = make_project(session), make_person(session)
    headers = bearer(client, make_user(session).username)
    body = {"person_id": person.id, "valid_from": "2019-04-01"}
    first = client.post(f"/api/projects/{project.id}/participants", json=body, headers=headers)
    assert first.status_code == 201, first.text
    again = client.post(
        f"/api/projects/{project.id}/participants",
        json={**body, "role": "lead_proposer", "valid_from": "2019-05-01"},
        headers=headers,
    )
    assert again.status_code == 409, again.text
    assert again.json()["code"] == "participation.duplicate"
    assert again.json()["existing_id"] == first.json()["id"]
    assert str(first.json()["id"]) in again.json()["message"]
    assert [p.role for p in _participations(session, project.id)] == ["participant"]


def test_add_participant_after_the_earlier_one_ended_is_allowed(
    client: TestClient, session: Session
) -> None:
    project, person = make_project(session), make_person(session)
    make_participation(
        session, project=project, person=person, valid_to=date(2019, 6, 1)
    )  # [04-01, 06-01)
    headers = bearer(client, make_user(session).username)
    url = f"/api/projects/{project.id}/participants"
    overlapping = client.post(
        url, json={"person_id": person.id, "valid_from": "2019-05-31"}, headers=headers
    )
    assert (
        overlapping.status_code == 409 and overlapping.json()["code"] == "participation.duplicate"
    )
    after = client.post(
        url, json={"person_id": person.id, "valid_from": "2019-06-01"}, headers=headers
    )
    assert after.status_code == 201, after.text


def test_a_voided_participation_does_not_block_a_new_one(
    client: TestClient, session: Session
) -> None:
    project, person = make_project(session), make_person(session)
    wrong = make_participation(session, project=project, person=person)
    headers = bearer(client, make_user(session).username)
    voided = client.post(
        f"/api/projects/participations/{wrong.id}/void",
        json={"reason": "잘못 입력"},
        headers=headers,
    )
    assert voided.status_code == 200 and voided.json()["void_reason"] == "잘못 입력"
    again = client.post(
        f"/api/projects/{project.id}/participants",
        json={"person_id": person.id, "valid_from": "2019-04-01", "role": "lead_proposer"},
        headers=headers,
    )
    assert again.status_code == 201, again.text


def test_change_role_closes_one_interval_and_opens_the_next(
    client: TestClient, session: Session
) -> None:
    project, person = make_project(session), make_person(session)
    first = make_participation(session, project=project, person=person)
    headers = bearer(client, make_user(session).username)
    changed = client.post(
        f"/api/projects/participations/{first.id}/role",
        json={"role": "lead_proposer", "on": "2019-07-01"},
        headers=headers,
    )
    assert changed.status_code == 201, changed.text
    rows = _participations(session, project.id)
    assert [(r.role, r.valid_from, r.valid_to) for r in rows] == [
        (ParticipationRole.participant, date(2019, 4, 1), date(2019, 7, 1)),
        (ParticipationRole.lead_proposer, date(2019, 7, 1), None),
    ]
    leads = client.get(
        f"/api/projects/{project.id}/participants",
        params={"as_of": "2019-08-01", "role": "lead_proposer"},
        headers=headers,
    ).json()
    assert [r["person_id"] for r in leads] == [person.id]
    audit = session.exec(select(AuditLog).where(AuditLog.action == "change_role")).all()
    assert len(audit) == 1 and audit[0].entity_id == str(first.id)
    same = client.post(
        f"/api/projects/participations/{changed.json()['id']}/role",
        json={"role": "lead_proposer", "on": "2019-09-01"},
        headers=headers,
    )
    assert same.status_code == 409 and same.json()["code"] == "interval.same_role"


def test_database_refuses_a_second_open_participation(session: Session) -> None:
    project, person = make_project(session), make_person(session)
    make_participation(session, project=project, person=person)
    with pytest.raises(IntegrityError), session.begin_nested():
        make_participation(
            session, project=project, person=person, role=ParticipationRole.lead_proposer
        )


def test_database_refuses_a_second_project_of_the_same_name(session: Session) -> None:
    make_project(session, name="골목축제", year=2020)
    make_project(session, name="골목축제", year=2021)  # another year: another project
    with pytest.raises(IntegrityError), session.begin_nested():
        make_project(session, name="골목축제", year=2020)


def test_create_project_twice_is_a_conflict_on_api_and_page(
    client: TestClient, session: Session
) -> None:
    existing = make_project(session, name="마을잔치", year=2020)
    user = make_user(session)
    api = client.post(
        "/api/projects",
        json={"name": "마을잔치", "year": 2020},
        headers=bearer(client, user.username),
    )
    assert api.status_code == 409 and api.json()["existing_id"] == existing.id
    assert log_in(client, user.username).status_code == 303
    page = client.post(
        "/projects/new",
        data={
            "name": "마을잔치",
            "year": "2020",
            "stage": "group_formation",
            "programme": "village_community",
            "csrf_token": csrf_token(client.get("/projects/new").text),
        },
        follow_redirects=False,
    )
    assert page.status_code == 422
    assert "같은 이름의 사업" in page.text and f'href="/projects/{existing.id}"' in page.text
    session.expire_all()
    assert len(session.exec(select(Project).where(Project.name == "마을잔치")).all()) == 1


def test_page_add_participant_twice_is_stopped_with_a_link(
    client: TestClient, session: Session
) -> None:
    project, person = make_project(session), make_person(session, name="두번참여")
    first = make_participation(session, project=project, person=person)
    assert log_in(client, make_user(session).username).status_code == 303
    token = csrf_token(client.get(f"/projects/{project.id}").text)
    page = client.post(
        f"/projects/{project.id}/participants",
        data={
            "person": str(person.id),
            "role": "lead_proposer",
            "valid_from": "2019-05-01",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert page.status_code == 422
    assert "이미 이 사업에 참여 중입니다" in page.text
    assert f"#participation-{first.id}" in page.text
    assert len(_participations(session, project.id)) == 1
