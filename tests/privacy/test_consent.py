"""Consent as records: purposes are checked, withdrawal keeps the row, research withdrawal leaves a
person out of networks and analyst exports, and the cache of purposes follows the records."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import Session, select

from maeul_db.analytics import network_service
from maeul_db.analytics.exports import ExportFormat
from maeul_db.errors import InvalidInput
from maeul_db.kit import time as clock
from maeul_db.models import Consent, ConsentMethod, ConsentPurpose, Person, Role
from maeul_db.participants import service as participant_service
from maeul_db.participants.schemas import PersonCreate
from maeul_db.privacy import consent
from tests.builders import make_participation, make_person, make_project, make_user


def _pair_project(session: Session) -> tuple[Person, Person, Person]:
    project = make_project(session)
    people = tuple(make_person(session) for _ in range(3))
    for person in people:
        make_participation(session, project=project, person=person)
    return people  # type: ignore[return-value]


def _export_nodes(session: Session, role: Role) -> int:
    user = make_user(session, role=role)
    body = network_service.export(
        session,
        user=user,
        fmt=ExportFormat.json,
        start=date(2019, 1, 1),
        end=date(2019, 12, 31),
    )
    return len(json.loads(body)["nodes"])


def test_export_leaves_out_a_person_who_withdrew_research_consent(session: Session) -> None:
    staff = make_user(session)
    first, _, _ = _pair_project(session)
    assert _export_nodes(session, Role.analyst) == 3
    given = consent.give(
        session,
        user=staff,
        person_id=first.id,
        purpose="research",
        method=ConsentMethod.paper,
        given_on=date(2019, 1, 1),
    )
    assert _export_nodes(session, Role.analyst) == 3  # consenting changes nothing
    consent.withdraw(session, user=staff, person_id=first.id, consent_id=given.id)
    assert _export_nodes(session, Role.analyst) == 2
    assert _export_nodes(session, Role.city_admin) == 2  # networks of every role


def test_network_summary_leaves_out_a_withdrawn_person(session: Session) -> None:
    staff = make_user(session)
    first, _, _ = _pair_project(session)
    given = consent.give(
        session,
        user=staff,
        person_id=first.id,
        purpose="research",
        method=ConsentMethod.web,
        given_on=date(2019, 1, 1),
    )
    consent.withdraw(session, user=staff, person_id=first.id, consent_id=given.id)
    # The city admin reads exact figures (analysts' small counts are rounded away); the
    # consent rule holds for every role.
    summary = network_service.read_summary(
        session,
        user=make_user(session, role=Role.city_admin, district_code=None),
        start=date(2019, 1, 1),
        end=date(2019, 12, 31),
    )
    assert summary.nodes == 2


def test_give_refuses_an_unknown_purpose(session: Session) -> None:
    person = make_person(session)
    with pytest.raises(InvalidInput) as caught:
        consent.give(
            session,
            user=make_user(session),
            person_id=person.id,
            purpose="marketing",
            method=ConsentMethod.paper,
            given_on=date(2020, 1, 1),
        )
    assert caught.value.field == "purpose"


def test_withdraw_keeps_the_record_and_updates_the_cached_purposes(session: Session) -> None:
    staff = make_user(session)
    person = make_person(session, consent_scopes="")
    contact = consent.give(
        session,
        user=staff,
        person_id=person.id,
        purpose="contact",
        method=ConsentMethod.paper,
        given_on=date(2020, 1, 1),
        notice_version="v3",
    )
    assert person.consent_scopes == "contact"
    with clock.frozen_at(clock.now()):
        consent.withdraw(session, user=staff, person_id=person.id, consent_id=contact.id)
        assert contact.withdrawn_on == clock.today()
    rows = session.exec(select(Consent).where(Consent.person_id == person.id)).all()
    assert [(r.purpose, r.notice_version, r.recorded_by_user_id) for r in rows] == [
        (ConsentPurpose.contact, "v3", staff.id)
    ]
    assert person.consent_scopes == ""


def test_registration_records_one_consent_per_purpose(session: Session) -> None:
    staff = make_user(session)
    person = participant_service.create(
        session,
        user=staff,
        data=PersonCreate(
            name="이동의",
            gender="F",
            birth_year=1990,
            consent_scopes=["participation", "research"],
            consent_notice_version="2026-1",
        ),
    )
    rows = session.exec(select(Consent).where(Consent.person_id == person.id)).all()
    assert sorted((str(r.purpose), str(r.method), r.notice_version) for r in rows) == [
        ("participation", "paper", "2026-1"),
        ("research", "paper", "2026-1"),
    ]
    assert person.consent_scopes == "participation,research"


def test_registration_refuses_an_unknown_scope(session: Session) -> None:
    with pytest.raises(InvalidInput):
        participant_service.create(
            session,
            user=make_user(session),
            data=PersonCreate(name="이동의", gender="F", birth_year=1990, consent_scopes=["spam"]),
        )


def test_an_expired_contact_consent_is_not_in_force(session: Session) -> None:
    row = Consent(
        person_id=1,
        purpose=ConsentPurpose.contact,
        method=ConsentMethod.paper,
        given_on=date(2020, 1, 1),
        expires_on=date(2021, 1, 1),
    )
    assert consent.in_force(row, date(2020, 12, 31))
    assert not consent.in_force(row, date(2021, 1, 1))
