"""Small builders for test data: each takes overrides and fills the rest with valid values."""

from __future__ import annotations

from datetime import date
from itertools import count
from typing import Any

from sqlmodel import Session

from maeul_db.auth import service as auth_service
from maeul_db.auth.schemas import UserCreate
from maeul_db.models import (
    Gender,
    Group,
    GroupMembership,
    Participation,
    ParticipationRole,
    Person,
    Project,
    Role,
    Stage,
    UserAccount,
)

DISTRICT_A = "11110"  # 종로구
DISTRICT_B = "11140"  # 중구
DONG_A = "1111051500"  # 청운효자동 (종로구)
DONG_B = "1114052000"  # 소공동 (중구)
PASSWORD = "correct-horse-battery"

_seq = count(1)


def make_user(
    session: Session,
    *,
    role: Role = Role.district_staff,
    district_code: str | None = DISTRICT_A,
    person_id: int | None = None,
    password: str = PASSWORD,
    username: str | None = None,
) -> UserAccount:
    if role != Role.district_staff:
        district_code = None
    data = UserCreate(
        username=username or f"user{next(_seq)}",
        password=password,
        role=role,
        district_code=district_code,
        person_id=person_id,
    )
    return auth_service.create(session, data=data)


def make_person(session: Session, **overrides: Any) -> Person:
    n = next(_seq)
    values: dict[str, Any] = {
        "name": f"김민지{n}",
        "gender": Gender.female,
        "birth_year": 1980,
        "phone": f"010{n:08d}"[-11:],
        "registered_district_code": DISTRICT_A,
    }
    values.update(overrides)
    person = Person(**values)
    session.add(person)
    session.flush()
    return person


def make_group(session: Session, **overrides: Any) -> Group:
    values: dict[str, Any] = {
        "name": f"모임{next(_seq)}",
        "district_code": DISTRICT_A,
        "founded_on": date(2018, 3, 1),
    }
    values.update(overrides)
    group = Group(**values)
    session.add(group)
    session.flush()
    return group


def make_project(session: Session, **overrides: Any) -> Project:
    values: dict[str, Any] = {
        "name": f"사업{next(_seq)}",
        "year": 2019,
        "district_code": DISTRICT_A,
        "stage": Stage.group_formation,
    }
    values.update(overrides)
    project = Project(**values)
    session.add(project)
    session.flush()
    return project


def make_participation(
    session: Session,
    *,
    project: Project,
    person: Person,
    role: ParticipationRole = ParticipationRole.participant,
    valid_from: date = date(2019, 4, 1),
    valid_to: date | None = None,
) -> Participation:
    row = Participation(
        project_id=project.id,
        person_id=person.id,
        role=role,
        valid_from=valid_from,
        valid_to=valid_to,
        district_code=project.district_code,
    )
    session.add(row)
    session.flush()
    return row


def make_membership(
    session: Session,
    *,
    group: Group,
    person: Person,
    valid_from: date = date(2019, 1, 1),
    valid_to: date | None = None,
) -> GroupMembership:
    row = GroupMembership(
        group_id=group.id,
        person_id=person.id,
        valid_from=valid_from,
        valid_to=valid_to,
        district_code=group.district_code,
    )
    session.add(row)
    session.flush()
    return row


def bearer(client: Any, username: str, password: str = PASSWORD) -> dict[str, str]:
    response = client.post("/api/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
