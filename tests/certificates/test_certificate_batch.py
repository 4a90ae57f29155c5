"""Batch issue by placement year or cohort: one PDF each plus a manifest, all in the ledger, each
PDF verifying offline; a second run issues nothing ("already issued"), on both databases."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from maeul_db import migrate
from maeul_db.certificates import batch, service
from maeul_db.certificates.batch import Outcome, Selection
from maeul_db.certificates.offline import verify_bytes
from maeul_db.certificates.settings import get_cert_settings
from maeul_db.cli import app
from maeul_db.config import get_settings
from maeul_db.core.operator import cli_operator
from maeul_db.db import get_engine
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.models import Certificate, CertificateKind, CertificateStatus, Role
from maeul_db.refdata.service import load_refdata
from tests.builders import (
    DISTRICT_B,
    complete_program,
    make_person,
    make_placement,
    make_program,
    make_user,
)
from tests.certificates.helpers import make_world
from tests.conftest import BACKENDS, database_url, drop_database


def _manifest(data: bytes) -> tuple[zipfile.ZipFile, list[dict[str, str]]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    text = archive.read("manifest.csv").decode("utf-8-sig")
    return archive, list(csv.DictReader(io.StringIO(text)))


def _valid(session: Session, person_id: int) -> list[Certificate]:
    return list(
        session.exec(
            select(Certificate).where(
                Certificate.person_id == person_id, Certificate.status == CertificateStatus.valid
            )
        ).all()
    )


def test_batch_issue_zip_manifest_ledger_and_offline_verify(session: Session) -> None:
    world = make_world(session)
    make_placement(
        session, person=world.expert_person, valid_from=date(2020, 1, 1), valid_to=date(2024, 3, 1)
    )
    other = make_person(session, name="김민지", birth_year=1979)
    complete_program(session, program=world.programs[0], person=other)
    make_placement(session, person=other, valid_from=date(2024, 12, 31))
    untrained = make_person(session, name="정나래", birth_year=1988)
    make_placement(session, person=untrained, valid_from=date(2024, 6, 1))
    ended = make_person(session, name="이하늘", birth_year=1990)
    make_placement(session, person=ended, valid_from=date(2021, 1, 1), valid_to=date(2024, 1, 1))
    later = make_person(session, name="최가람", birth_year=1992)
    make_placement(session, person=later, valid_from=date(2025, 1, 1))

    people = batch.placed_in_year(session, year=2024)
    assert [p.id for p in people] == [world.expert_person.id, other.id, untrained.id]
    ticks: list[int] = []
    result = batch.run(
        session,
        user=cli_operator(),
        kind=CertificateKind.training,
        selection=Selection(placed_in_year=2024),
        on_issued=lambda: ticks.append(1),
    )
    assert len(ticks) == 3
    assert result.issued == 2
    assert [r.person.id for r in result.results if r.outcome == Outcome.skipped] == [untrained.id]

    archive, rows = _manifest(batch.to_zip(result, kind=CertificateKind.training))
    manifest = [r for r in rows if r["outcome"] == "issued"]
    assert [r["person_id"] for r in rows if r["outcome"] == "skipped"] == [str(untrained.id)]
    assert len(session.exec(select(Certificate)).all()) == 2
    assert sorted(archive.namelist()) == sorted([r["file"] for r in manifest] + ["manifest.csv"])
    assert {r["name"] for r in manifest} == {"박서연", "김민지"}

    ledger = {row.number: row for row in session.exec(select(Certificate)).all()}
    key_dir: Path = get_cert_settings().key_dir
    for entry in manifest:
        row = ledger[entry["number"]]
        assert row.kind == CertificateKind.training
        assert str(row.person_id) == entry["person_id"]
        assert row.district_code is None
        assert row.pdf_sha256 == entry["pdf_sha256"]
        assert row.payload_sha256 == entry["payload_sha256"]
        check = verify_bytes(archive.read(entry["file"]), key_dir)
        assert check.ok, check.reason
        assert check.payload["number"] == entry["number"]
        assert check.payload["subject"]["name"] == entry["name"]


def test_batch_run_twice_second_issues_none(session: Session) -> None:
    world = make_world(session)
    make_placement(session, person=world.expert_person, valid_from=date(2023, 5, 1))
    other = make_person(session, name="김민지", birth_year=1979)
    complete_program(session, program=world.programs[0], person=other)
    make_placement(session, person=other, valid_from=date(2024, 2, 1))
    selection = Selection(placed_in_year=2024)

    first = batch.run(
        session, user=cli_operator(), kind=CertificateKind.training, selection=selection
    )
    second = batch.run(
        session, user=cli_operator(), kind=CertificateKind.training, selection=selection
    )
    assert first.issued == 2
    assert second.issued == 0 and second.count(Outcome.already) == 2
    numbers = {r.person.id: r.certificate.number for r in first.results if r.certificate}
    for r in second.results:
        assert r.certificate is not None and r.certificate.number == numbers[r.person.id]
        assert r.certificate.number in r.reason
    assert len(session.exec(select(Certificate)).all()) == 2
    for person in (world.expert_person, other):
        assert person.id is not None and len(_valid(session, person.id)) == 1
    archive, rows = _manifest(batch.to_zip(second, kind=CertificateKind.training))
    assert archive.namelist() == ["manifest.csv"]
    assert [r["outcome"] for r in rows] == ["already", "already"]


def test_batch_rerun_after_revoke_or_new_fact_issues_again(session: Session) -> None:
    world = make_world(session)
    make_placement(session, person=world.expert_person, valid_from=date(2023, 5, 1))
    other = make_person(session, name="김민지", birth_year=1979)
    complete_program(session, program=world.programs[0], person=other)
    make_placement(session, person=other, valid_from=date(2024, 2, 1))
    selection = Selection(placed_in_year=2024)
    admin = cli_operator()
    first = batch.run(session, user=admin, kind=CertificateKind.training, selection=selection)
    revoked = next(r.certificate for r in first.results if r.person.id == other.id)
    assert revoked is not None and revoked.id is not None
    service.revoke(session, user=admin, certificate_id=revoked.id, reason="오기재")
    complete_program(session, program=world.programs[1], person=other, on=date(2020, 1, 1))

    again = batch.run(session, user=admin, kind=CertificateKind.training, selection=selection)
    by_person = {r.person.id: r.outcome for r in again.results}
    assert by_person == {world.expert_person.id: Outcome.already, other.id: Outcome.issued}
    assert other.id is not None and len(_valid(session, other.id)) == 1


def test_batch_cohort_completers_in_period_only(session: Session) -> None:
    program = make_program(session)
    inside = [make_person(session, name=f"수료{i}") for i in range(2)]
    for person in inside:
        complete_program(session, program=program, person=person, on=date(2024, 3, 31))
    before = make_person(session, name="지난기수")
    complete_program(session, program=program, person=before, on=date(2024, 2, 29))
    other_program = make_program(session)
    elsewhere = make_person(session, name="다른과정")
    complete_program(session, program=other_program, person=elsewhere, on=date(2024, 3, 15))
    selection = Selection(
        program_id=program.id, completed_from=date(2024, 3, 1), completed_to=date(2024, 3, 31)
    )
    result = batch.run(
        session, user=cli_operator(), kind=CertificateKind.training, selection=selection
    )
    assert [r.person.id for r in result.results] == [p.id for p in inside]
    assert result.issued == 2
    assert result.total == 2


def test_batch_staff_issue_for_own_district_with_district_issuer(session: Session) -> None:
    program = make_program(session)
    own = make_person(session, name="종로사람")
    elsewhere = make_person(session, name="중구사람", registered_district_code=DISTRICT_B)
    for person in (own, elsewhere):
        complete_program(session, program=program, person=person, on=date(2024, 3, 1))
    staff = make_user(session)
    selection = Selection(
        program_id=program.id, completed_from=date(2024, 1, 1), completed_to=date(2024, 12, 31)
    )
    result = batch.run(session, user=staff, kind=CertificateKind.training, selection=selection)
    assert [r.person.id for r in result.results] == [own.id]
    row = result.results[0].certificate
    assert row is not None and row.district_code == staff.district_code


def test_batch_refused_for_expert_and_without_selection(session: Session) -> None:
    world = make_world(session)
    with pytest.raises(Forbidden):
        batch.run(
            session,
            user=world.expert,
            kind=CertificateKind.training,
            selection=Selection(placed_in_year=2024),
        )
    analyst = make_user(session, role=Role.analyst, district_code=None)
    with pytest.raises(Forbidden):
        batch.select_people(session, user=analyst, selection=Selection(placed_in_year=2024))
    with pytest.raises(InvalidInput):
        batch.run(session, user=world.staff, kind=CertificateKind.training, selection=Selection())
    with pytest.raises(InvalidInput):
        batch.run(
            session,
            user=world.staff,
            kind=CertificateKind.training,
            selection=Selection(
                program_id=1, completed_from=date(2024, 2, 1), completed_to=date(2024, 1, 1)
            ),
        )


def test_batch_slice_reports_total_and_only_its_people(session: Session) -> None:
    program = make_program(session)
    people = [make_person(session, name=f"기수{i}") for i in range(3)]
    for person in people:
        complete_program(session, program=program, person=person, on=date(2024, 5, 1))
    selection = Selection(
        program_id=program.id, completed_from=date(2024, 5, 1), completed_to=date(2024, 5, 1)
    )
    part = batch.run(
        session,
        user=cli_operator(),
        kind=CertificateKind.training,
        selection=selection,
        offset=1,
        limit=1,
    )
    assert part.total == 3
    assert [r.person.id for r in part.results] == [people[1].id]


@pytest.mark.parametrize("backend", BACKENDS)
def test_batch_cli_twice_second_run_issues_none(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refdata_dir: Path
) -> None:
    url = database_url(backend, tmp_path, "certbatch")
    monkeypatch.setenv("MAEUL_DATABASE_URL", url)
    get_settings.cache_clear()
    get_engine.cache_clear()
    try:
        migrate.upgrade(url=url)
        with Session(get_engine()) as session:
            load_refdata(session, refdata_dir)
            world = make_world(session)
            make_placement(session, person=world.expert_person, valid_from=date(2023, 5, 1))
            session.commit()
        args = ["cert", "batch", "--kind", "career", "--placed-in-year", "2024", "--out"]
        first = CliRunner().invoke(app, [*args, str(tmp_path / "1.zip")])
        assert first.exit_code == 0, first.output
        assert "issued 1, already issued 0" in first.output
        names = zipfile.ZipFile(tmp_path / "1.zip").namelist()
        second = CliRunner().invoke(app, [*args, str(tmp_path / "2.zip")])
        assert second.exit_code == 0, second.output
        assert "issued 0, already issued 1" in second.output
        assert zipfile.ZipFile(tmp_path / "2.zip").namelist() == ["manifest.csv"]
        with Session(get_engine()) as session:
            row = session.exec(select(Certificate).order_by(col(Certificate.id))).one()
            assert f"{row.number}.pdf" in names and row.kind == CertificateKind.career
            assert row.status == CertificateStatus.valid
    finally:
        get_engine().dispose()
        get_settings.cache_clear()
        get_engine.cache_clear()
        drop_database(url)
