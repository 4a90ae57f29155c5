"""The access export (열람) holds every fact about the person in every district, their consents,
certificates and the reads of their record, as JSON and as a real PDF; producing it is logged."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, select

from maeul_db.certificates import service as certificate_service
from maeul_db.errors import Forbidden, NotFound
from maeul_db.models import (
    AccessLog,
    Activity,
    Attendance,
    CertificateKind,
    ConsentMethod,
    CouncilRole,
    CouncilSeat,
    Role,
)
from maeul_db.participants import service as participant_service
from maeul_db.privacy import access_export, consent
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_B,
    complete_program,
    make_career,
    make_group,
    make_membership,
    make_participation,
    make_person,
    make_placement,
    make_program,
    make_project,
    make_user,
)


def _world(session: Session) -> dict[str, object]:
    person = make_person(session, name="열람할사람", email="open@example.kr")
    project = make_project(session, name="햇빛사업")
    group_b = make_group(session, name="중구모임", district_code=DISTRICT_B)
    activity = Activity(title="골목청소", held_on=date(2019, 5, 1), district_code=DISTRICT_A)
    session.add(activity)
    session.flush()
    session.add(Attendance(activity_id=activity.id, person_id=person.id, district_code=DISTRICT_A))
    seat = CouncilSeat(
        person_id=person.id,
        district_code=DISTRICT_B,
        dong_code=DONG_B,
        role=CouncilRole.member,
        valid_from=date(2021, 1, 1),
    )
    session.add(seat)
    staff = make_user(session)
    ids = {
        "participation": make_participation(session, project=project, person=person).id,
        "membership": make_membership(session, group=group_b, person=person).id,
        "enrolment": complete_program(
            session, program=make_program(session, district_code=DISTRICT_A), person=person
        ).id,
        "career": make_career(session, person=person).id,
        "placement": make_placement(session, person=person).id,
    }
    session.flush()
    certificate, _ = certificate_service.issue(
        session, user=staff, kind=CertificateKind.training, person_id=person.id
    )
    consent.give(
        session,
        user=staff,
        person_id=person.id,
        purpose="photos",
        method=ConsentMethod.paper,
        given_on=date(2020, 1, 1),
    )
    reader = make_user(session, username="reader-b", district_code=DISTRICT_B)
    participant_service.read(session, user=reader, person_id=person.id)
    return {
        "person": person,
        "staff": staff,
        "ids": ids,
        "seat": seat.id,
        "certificate": certificate.number,
    }


def test_access_export_contains_every_fact_and_the_reads(session: Session) -> None:
    world = _world(session)
    person, staff, ids = world["person"], world["staff"], world["ids"]
    document = access_export.build(session, user=staff, person_id=person.id)  # type: ignore[arg-type, attr-defined]
    facts = document["facts_by_district"]
    assert [r["id"] for r in facts[DISTRICT_A]["participations"]] == [ids["participation"]]  # type: ignore[index]
    assert [r["title"] for r in facts[DISTRICT_A]["attendance"]] == ["골목청소"]
    assert [r["id"] for r in facts[DISTRICT_B]["memberships"]] == [ids["membership"]]  # type: ignore[index]
    assert [r["id"] for r in facts[DISTRICT_B]["council_seats"]] == [world["seat"]]
    assert [r["id"] for r in facts[DISTRICT_A]["enrolments"]] == [ids["enrolment"]]  # type: ignore[index]
    assert len(facts[DISTRICT_A]["completions"]) == 1
    assert [r["id"] for r in facts[DISTRICT_A]["careers"]] == [ids["career"]]  # type: ignore[index]
    assert [r["id"] for r in facts[DISTRICT_A]["placements"]] == [ids["placement"]]  # type: ignore[index]
    assert [c["number"] for c in document["certificates"]] == [world["certificate"]]
    assert [c["purpose"] for c in document["consents"]] == ["photos"]
    assert document["person"]["email"] == "open@example.kr"
    assert ("reader-b", "person.read") in {(r["actor"], r["action"]) for r in document["reads"]}
    logged = session.exec(select(AccessLog).where(AccessLog.action == "person.access_export")).one()
    assert logged.person_ids == f",{person.id},"  # type: ignore[attr-defined]
    assert json.loads(access_export.to_json(document))["person"]["name"] == "열람할사람"


def test_access_export_pdf_shows_the_facts(session: Session, tmp_path: Path) -> None:
    world = _world(session)
    body = access_export.pdf(session, user=world["staff"], person_id=world["person"].id)  # type: ignore[arg-type, attr-defined]
    assert body.startswith(b"%PDF")
    path = tmp_path / "export.pdf"
    path.write_bytes(body)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    for expected in (
        "열람할사람",
        "햇빛사업",
        "중구모임",
        "골목청소",
        "reader-b",
        "open@example.kr",
    ):
        assert expected in text


def test_access_export_refuses_analysts_and_other_districts(session: Session) -> None:
    person = make_person(session)
    with pytest.raises(Forbidden):
        access_export.build(
            session, user=make_user(session, role=Role.analyst), person_id=person.id
        )
    with pytest.raises(NotFound):
        access_export.build(
            session, user=make_user(session, district_code=DISTRICT_B), person_id=person.id
        )
