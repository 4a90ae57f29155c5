"""The roster import through the service, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func
from sqlmodel import Session, col, select

from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.imports import service
from maeul_db.imports.undo import undo
from maeul_db.models import (
    AuditLog,
    Group,
    GroupMembership,
    ImportBatch,
    ImportStatus,
    Participation,
    ParticipationRole,
    Person,
    PersonVersion,
    Project,
    Role,
)
from tests.builders import DISTRICT_A, DISTRICT_B, make_participation, make_user
from tests.imports.roster import (
    COL,
    ENGLISH_HEADERS,
    csv_bytes,
    roster_rows,
    with_bad_rows,
    xlsx_bytes,
)

COUNTED = (Person, PersonVersion, Group, Project, Participation, GroupMembership)


def _counts(session: Session) -> dict[str, int]:
    return {
        m.__name__: int(session.exec(select(func.count()).select_from(m)).one()) for m in COUNTED
    }


def _run(
    session: Session, content: bytes, filename: str = "명단.csv", **kwargs: Any
) -> service.ImportOutcome:
    kwargs.setdefault("district_code", DISTRICT_A)
    kwargs.setdefault("actor", None)
    return service.run_import(session, content=content, filename=filename, **kwargs)


def test_import_cp949_csv_with_korean_headers(session: Session) -> None:
    rows = roster_rows(30)
    outcome = _run(session, csv_bytes(rows, encoding="cp949"))
    report = outcome.report
    assert report.encoding == "cp949"
    assert (report.rows_read, report.committed, report.rejected_rows) == (30, 30, 0)
    assert report.created.people == 30 and report.created.projects == 20
    assert report.created.participations == 30 and report.created.memberships == 30
    person = session.exec(
        select(Person).where(Person.import_batch_id == report.batch_id).order_by(col(Person.id))
    ).first()
    assert person is not None and person.phone is not None and person.phone.startswith("010")
    assert person.key_name_birth_phone and person.key_name_birth
    project = session.exec(select(Project).where(Project.name == "테스트사업1")).one()
    assert (project.year, project.stage, project.district_code) == (
        2024,
        "group_formation",
        DISTRICT_A,
    )
    assert project.group_id is not None


def test_import_xlsx_with_korean_headers_and_typed_cells(session: Session) -> None:
    from datetime import datetime

    rows: list[list[Any]] = [list(r) for r in roster_rows(5)]
    rows[0][COL["birth_year"]] = 1984  # numbers and dates as Excel stores them
    rows[0][COL["start_date"]] = datetime(2024, 5, 2)
    rows[0][COL["phone"]] = 1098765432  # a phone typed into a number cell
    outcome = _run(session, xlsx_bytes(rows), filename="명단.xlsx")
    assert outcome.report.file_kind == "xlsx"
    assert (outcome.report.committed, outcome.report.rejected_rows) == (5, 0)
    person = session.exec(select(Person).where(Person.phone == "01098765432")).one()
    assert person.birth_year == 1984
    part = session.exec(select(Participation).where(Participation.person_id == person.id)).one()
    assert part.valid_from.isoformat() == "2024-05-02"


def test_import_english_headers_utf8_bom_and_unknown_column_warned(session: Session) -> None:
    headers = [*ENGLISH_HEADERS, "memo"]
    rows = [[*r, "메모"] for r in roster_rows(3)]
    outcome = _run(session, csv_bytes(rows, headers=headers, encoding="utf-8-sig"))
    assert outcome.report.encoding == "utf-8-sig"
    assert outcome.report.committed == 3
    assert any("memo" in w for w in outcome.report.warnings)


def test_import_missing_required_column_is_refused(session: Session) -> None:
    headers = [h for h in ENGLISH_HEADERS if h != "name"]
    with pytest.raises(InvalidInput, match="성명"):
        _run(session, csv_bytes([["x"] * len(headers)], headers=headers))


def test_import_strict_1000_rows_with_50_bad_rows_commits_nothing(session: Session) -> None:
    rows = roster_rows(1000)
    spoiled = with_bad_rows(rows)
    assert len(spoiled) == 50 and len(set(spoiled.values())) == 10
    before = _counts(session)
    outcome = _run(session, csv_bytes(rows))
    report = outcome.report
    assert (report.rows_read, report.committed, report.rejected_rows) == (1000, 0, 50)
    assert report.batch_id is None
    assert {r.row: r.code for r in report.rejected} == spoiled
    assert all(r.reason and r.column for r in report.rejected)
    assert _counts(session) == before
    assert outcome.rejected_file is not None


def test_import_partial_commits_950_and_returns_50_rows_to_fix(session: Session) -> None:
    rows = roster_rows(1000)
    spoiled = with_bad_rows(rows)
    outcome = _run(session, csv_bytes(rows), partial=True)
    report = outcome.report
    assert (report.rows_read, report.committed, report.rejected_rows) == (1000, 950, 50)
    assert report.committed + report.rejected_rows == report.rows_read
    assert report.created.participations == 950
    assert outcome.rejected_file is not None and outcome.rejected_filename == "명단_오류.csv"
    returned = list(csv.reader(io.StringIO(outcome.rejected_file.decode("utf-8-sig"))))
    assert returned[0][-1] == "오류" and len(returned) == 51
    assert "800101-1234567" not in outcome.rejected_file.decode("utf-8-sig")
    assert sorted(spoiled) == sorted(int(r.row) for r in report.rejected)
    # The same rejected rows can be downloaded again from the batch.
    content, name = service.batch_rejected_file(session, user=None, batch_id=report.batch_id or 0)
    assert name == "명단_오류.csv" and content.decode("utf-8-sig").count("\n") == 51


def test_import_fixed_rejected_rows_then_reimport_adds_nothing(session: Session) -> None:
    rows = roster_rows(200)
    good = [list(r) for r in rows]
    with_bad_rows(rows)
    first = _run(session, csv_bytes(rows), partial=True).report
    assert (first.committed, first.rejected_rows) == (190, 10)
    fixed = _run(session, csv_bytes(good)).report  # the corrected full file
    assert (fixed.committed, fixed.rejected_rows) == (200, 0)
    assert fixed.created.participations == 10 and fixed.unchanged_rows == 190
    before = _counts(session)
    again = _run(session, csv_bytes(good), filename="다른이름.csv").report
    assert again.created.model_dump() == {k: 0 for k in again.created.model_dump()} | {
        "people_linked": 200
    }
    assert again.unchanged_rows == 200
    assert _counts(session) == before


def test_import_people_without_contact_are_idempotent_in_same_project(session: Session) -> None:
    rows = roster_rows(10)
    for row in rows:
        row[COL["phone"]] = ""
    first = _run(session, csv_bytes(rows)).report
    assert first.created.people == 10
    before = _counts(session)
    second = _run(session, csv_bytes(rows)).report
    assert second.created.people == 0 and second.created.participations == 0
    assert _counts(session) == before


def test_import_dry_run_writes_nothing(session: Session) -> None:
    before = _counts(session)
    report = _run(session, csv_bytes(roster_rows(20)), dry_run=True).report
    assert report.dry_run and report.committed == 20 and report.created.people == 20
    assert report.batch_id is None and _counts(session) == before


def test_import_undo_removes_what_the_batch_created_and_keeps_what_others_use(
    session: Session,
) -> None:
    before = _counts(session)
    report = _run(session, csv_bytes(roster_rows(40))).report
    assert report.batch_id is not None
    # A fact added by hand afterwards keeps its person (and that person's project stays too).
    kept_person = session.exec(
        select(Person).where(Person.import_batch_id == report.batch_id).order_by(col(Person.id))
    ).first()
    kept_project = session.exec(
        select(Project).where(Project.import_batch_id == report.batch_id).order_by(col(Project.id))
    ).first()
    assert kept_person is not None and kept_project is not None
    # An earlier, ended term with the same role: one fact per person and project at any time.
    make_participation(
        session,
        project=kept_project,
        person=kept_person,
        role=ParticipationRole.lead_proposer,
        valid_to=date(2020, 1, 1),
    )
    result = undo(session, user=None, batch_id=report.batch_id)
    assert result.removed["participation"] == 40 and result.removed["group_membership"] == 40
    assert result.kept == {"person": 1, "project": 1, "community_group": 1}
    after = _counts(session)
    assert after["Person"] == before["Person"] + 1
    assert after["Participation"] == before["Participation"] + 1
    batch = session.get(ImportBatch, report.batch_id)
    assert batch is not None and batch.status == ImportStatus.undone
    assert session.exec(
        select(AuditLog).where(
            AuditLog.entity == "import_batch",
            AuditLog.action == "undo",
            AuditLog.entity_id == str(batch.id),
        )
    ).one()
    # Importing the file again after an undo adds the rows back.
    again = _run(session, csv_bytes(roster_rows(40))).report
    assert again.created.participations == 39 and again.created.people == 39


def test_import_staff_only_into_own_district(session: Session) -> None:
    staff_b = make_user(session, district_code=DISTRICT_B)
    with pytest.raises(Forbidden):
        _run(session, csv_bytes(roster_rows(2)), actor=staff_b)
    analyst = make_user(session, role=Role.analyst)
    with pytest.raises(Forbidden):
        _run(session, csv_bytes(roster_rows(2)), actor=analyst)


def test_import_other_districts_batches_are_not_found(session: Session) -> None:
    staff_a = make_user(session)
    staff_b = make_user(session, district_code=DISTRICT_B)
    report = _run(session, csv_bytes(roster_rows(3)), actor=staff_a).report
    assert report.batch_id is not None
    rows, count = service.list_batches(session, user=staff_b, page=service.Page(50, 0))
    assert report.batch_id not in [b.id for b in rows] and count == len(rows)

    with pytest.raises(NotFound):
        undo(session, user=staff_b, batch_id=report.batch_id)


def test_import_rejected_xlsx_comes_back_as_xlsx(session: Session) -> None:
    rows = roster_rows(5)
    rows[2][COL["dong"]] = "없는동"
    outcome = _run(session, xlsx_bytes(rows), filename="roster.xlsx", partial=True)
    assert outcome.rejected_filename == "roster_오류.xlsx" and outcome.rejected_file
    sheet = load_workbook(io.BytesIO(outcome.rejected_file)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][-1] == "오류" and len(values) == 2 and "없는동" in str(values[1][-1])
