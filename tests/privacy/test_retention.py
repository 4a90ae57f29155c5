"""Retention: the dry run lists exactly the expired records crafted here, the run erases them and
writes the ledger, and the KPI figures and a certificate's verification do not change."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, select

from maeul_db.analytics import service as analytics_service
from maeul_db.certificates import service as certificate_service
from maeul_db.certificates import verification
from maeul_db.errors import Forbidden
from maeul_db.kit import time as clock
from maeul_db.models import (
    CertificateKind,
    ConsentMethod,
    DestructionEntry,
    Person,
    PersonVersion,
    Role,
)
from maeul_db.privacy import consent, retention
from tests.builders import (
    complete_program,
    make_participation,
    make_person,
    make_program,
    make_project,
    make_user,
)

LONG_AGO = datetime(2018, 6, 1, 1, 0, tzinfo=UTC)
TODAY = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def _world(session: Session) -> dict[str, object]:
    staff = make_user(session)
    project = make_project(session, year=2016)
    with clock.frozen_at(LONG_AGO):
        expired = make_person(session, name="오래된사람", created_at=LONG_AGO)
        make_participation(
            session,
            project=project,
            person=expired,
            valid_from=date(2016, 3, 1),
            valid_to=date(2017, 1, 1),
        )
        complete_program(
            session, program=make_program(session), person=expired, on=date(2018, 5, 1)
        )
        certificate, _ = certificate_service.issue(
            session, user=staff, kind=CertificateKind.training, person_id=expired.id
        )
        with_account = make_person(session, created_at=LONG_AGO)
        make_user(session, role=Role.expert, person_id=with_account.id)
    active = make_person(session, created_at=LONG_AGO)
    make_participation(session, project=project, person=active, valid_from=date(2016, 3, 1))
    with clock.frozen_at(TODAY):
        lapsed = make_person(session, email="lapsed@example.kr")
        given = consent.give(
            session,
            user=staff,
            person_id=lapsed.id,
            purpose="contact",
            method=ConsentMethod.paper,
            given_on=date(2025, 1, 1),
        )
        consent.withdraw(session, user=staff, person_id=lapsed.id, consent_id=given.id)
        never_asked = make_person(session)
    session.add(
        PersonVersion(
            person_id=expired.id,
            version=1,
            recorded_at=LONG_AGO,
            name="오래된사람",
            gender="F",
            birth_year=1980,
            phone=expired.phone,
        )
    )
    session.flush()
    return {
        "expired": expired,
        "lapsed": lapsed,
        "never_asked": never_asked,
        "active": active,
        "with_account": with_account,
        "certificate": certificate,
    }


def _kpi(session: Session) -> str:
    admin = make_user(session, role=Role.city_admin)
    report = analytics_service.kpi(
        session, user=admin, start=date(2015, 1, 1), end=date(2025, 12, 31)
    )
    return report.model_dump_json()


def test_retention_dry_run_lists_exactly_the_expired_records(session: Session) -> None:
    world = _world(session)
    admin = make_user(session, role=Role.city_admin)
    with clock.frozen_at(TODAY):
        plan = retention.plan(session, user=admin)
    assert [(item.rule, item.person_ids) for item in plan] == [
        ("contact_purpose_ended", [world["lapsed"].id]),  # type: ignore[attr-defined]
        ("inactive_participants", [world["expired"].id]),  # type: ignore[attr-defined]
    ]
    assert session.exec(select(DestructionEntry)).all() == []  # a dry run destroys nothing


def test_retention_run_erases_writes_the_ledger_and_keeps_kpi_and_certificates(
    session: Session,
) -> None:
    world = _world(session)
    admin = make_user(session, role=Role.city_admin, username="officer")
    certificate = world["certificate"]
    kpi_before = _kpi(session)
    check_before = verification.by_token(session, token=certificate.verification_id)  # type: ignore[attr-defined]
    with clock.frozen_at(TODAY):
        entries = retention.run(session, user=admin)
    expired = session.get(Person, world["expired"].id)  # type: ignore[attr-defined]
    lapsed = session.get(Person, world["lapsed"].id)  # type: ignore[attr-defined]
    assert expired is not None and lapsed is not None
    assert (expired.name, expired.phone, expired.anonymised_at is not None) == ("***", None, True)
    history = session.exec(select(PersonVersion).where(PersonVersion.person_id == expired.id)).all()
    assert {(v.name, v.phone) for v in history} == {("***", None)}
    assert (lapsed.email, lapsed.phone, lapsed.anonymised_at) == (None, None, None)
    for kept in ("never_asked", "active", "with_account"):
        person = session.get(Person, world[kept].id)  # type: ignore[attr-defined]
        assert person is not None and person.phone is not None and person.anonymised_at is None
    assert [(e.rule, e.kind, e.count, e.approved_by_username) for e in entries] == [
        ("contact_purpose_ended", "contact_details", 1, "officer"),
        ("inactive_participants", "person", 1, "officer"),
    ]
    assert _kpi(session) == kpi_before
    check_after = verification.by_token(session, token=certificate.verification_id)  # type: ignore[attr-defined]
    assert check_after.valid and check_after == check_before
    assert "오래된사람" not in check_after.holder
    with clock.frozen_at(TODAY):
        assert [item.person_ids for item in retention.plan(session, user=admin)] == [[], []]


def test_retention_is_for_the_city_admin_only(session: Session) -> None:
    with pytest.raises(Forbidden):
        retention.plan(session, user=make_user(session))
    with pytest.raises(Forbidden):
        retention.run(session, user=make_user(session, role=Role.analyst))
