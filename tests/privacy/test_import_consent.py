"""Imports carry consent: 동의일 and 동의항목 become consent records (method "imported", dated by
the form) and the cached purposes; a bad item, an undated list or a future date is a rejected row;
undoing the batch removes the records with the people."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, select

from maeul_db.imports import service
from maeul_db.imports.undo import undo
from maeul_db.models import Consent, Person
from tests.builders import DISTRICT_A
from tests.imports.roster import KOREAN_HEADERS, csv_bytes, roster_rows

HEADERS = [*KOREAN_HEADERS, "동의일", "동의항목"]


def _import(session: Session, rows: list[list[str]], **kw: Any) -> service.ImportOutcome:
    return service.run_import(
        session,
        content=csv_bytes(rows, headers=HEADERS),
        filename="동의명단.csv",
        district_code=DISTRICT_A,
        actor=None,
        **kw,
    )


def _rows(*consents: tuple[str, str]) -> list[list[str]]:
    return [
        [*row, day, items]
        for row, (day, items) in zip(roster_rows(len(consents)), consents, strict=True)
    ]


def test_import_records_the_consents_of_the_form(session: Session) -> None:
    report = _import(session, _rows(("2024-03-25", "참여기록, 연락/연구"), ("", ""))).report
    assert report.rejected_rows == 0 and report.batch_id is not None
    people = session.exec(
        select(Person).where(Person.import_batch_id == report.batch_id).order_by(Person.id)
    ).all()
    assert [p.consent_scopes for p in people] == ["contact,participation,research", "participation"]
    rows = session.exec(select(Consent).order_by(Consent.person_id, Consent.purpose)).all()
    assert [(r.person_id, str(r.purpose), str(r.method), r.given_on) for r in rows] == [
        (people[0].id, "contact", "imported", date(2024, 3, 25)),
        (people[0].id, "participation", "imported", date(2024, 3, 25)),
        (people[0].id, "research", "imported", date(2024, 3, 25)),
        (people[1].id, "participation", "imported", None),
    ]
    assert {r.import_batch_id for r in rows} == {report.batch_id}


def test_import_rejects_bad_consent_cells(session: Session) -> None:
    outcome = _import(
        session,
        _rows(("2024-03-25", "광고수신"), ("", "연락"), ("2999-01-01", "연락")),
        partial=True,
    )
    reasons = [(r.row, r.column) for r in outcome.report.rejected]
    assert reasons == [(2, "동의항목"), (3, "동의항목"), (4, "동의일")]
    assert session.exec(select(Consent)).all() == []


def test_import_undo_removes_the_consent_records(session: Session) -> None:
    report = _import(session, _rows(("2024-03-25", "연락"))).report
    assert report.batch_id is not None
    undo(session, user=None, batch_id=report.batch_id)
    assert session.exec(select(Consent)).all() == []
