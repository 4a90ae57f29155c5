"""Shared set-up for certificate tests: an expert with a full training track and careers."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.models import Person, Role, UserAccount
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    bearer,
    complete_program,
    make_career,
    make_person,
    make_program,
    make_user,
)


@dataclass
class World:
    expert_person: Person
    expert: UserAccount
    staff: UserAccount
    programs: list[Any]


def make_world(session: Session) -> World:
    person = make_person(
        session, name="박서연", birth_year=1984, phone="01098765432", email="seoyeon@example.org"
    )
    programs = []
    previous: tuple[int, ...] = ()
    for stage in ("basic", "lecture_practice", "expert_activist"):
        program = make_program(session, stage=stage, requires=previous, hours=(4, 4, 4))
        complete_program(session, program=program, person=person)
        programs.append(program)
        previous = (program.id,)
    make_career(session, person=person, employer="종로구 마을자치센터", verified=True)
    make_career(session, person=person, employer="미확인 협동조합", verified=False)
    make_career(
        session,
        person=person,
        employer="중구 마을자치센터",
        district_code=DISTRICT_B,
        dong_code=None,
        verified=True,
    )
    expert = make_user(session, role=Role.expert, person_id=person.id)
    staff = make_user(session, district_code=DISTRICT_A)
    return World(person, expert, staff, programs)


def issue(client: TestClient, username: str, kind: str, person_id: int) -> dict[str, Any]:
    headers = bearer(client, username)
    response = client.post(
        "/api/certificates", headers=headers, json={"kind": kind, "person_id": person_id}
    )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def download(client: TestClient, username: str, certificate_id: int) -> bytes:
    response = client.get(
        f"/api/certificates/{certificate_id}/pdf", headers=bearer(client, username)
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    return response.content


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
