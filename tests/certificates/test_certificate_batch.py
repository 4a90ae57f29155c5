"""The city's batch issue: every expert placed in a year, one PDF each plus a manifest, all in the
ledger, each PDF verifying offline."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from maeul_db import migrate
from maeul_db.certificates import batch
from maeul_db.certificates.offline import verify_bytes
from maeul_db.certificates.settings import get_cert_settings
from maeul_db.cli import app
from maeul_db.config import get_settings
from maeul_db.core.operator import cli_operator
from maeul_db.db import get_engine
from maeul_db.models import Certificate, CertificateKind
from maeul_db.refdata.service import load_refdata
from tests.builders import complete_program, make_person, make_placement
from tests.certificates.helpers import make_world


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
    result = batch.write_zip(
        session,
        user=cli_operator(),
        kind=CertificateKind.training,
        people=people,
        on_issued=lambda: ticks.append(1),
    )
    assert len(ticks) == 3
    assert result.issued == 2
    assert [person_id for person_id, _ in result.skipped] == [untrained.id]

    archive = zipfile.ZipFile(io.BytesIO(result.data))
    manifest_text = archive.read("manifest.csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(manifest_text)))
    manifest = [r for r in rows if r["number"]]
    assert [r["person_id"] for r in rows if not r["number"]] == [str(untrained.id)]
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


def test_batch_issue_year_without_placements_is_empty_zip(session: Session) -> None:
    assert batch.placed_in_year(session, year=1999) == []
    result = batch.write_zip(session, user=cli_operator(), kind=CertificateKind.career, people=[])
    archive = zipfile.ZipFile(io.BytesIO(result.data))
    assert archive.namelist() == ["manifest.csv"]


def test_batch_cli_writes_zip_and_commits_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refdata_dir: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
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
        out = tmp_path / "2024.zip"
        result = CliRunner().invoke(
            app,
            ["cert", "batch", "--kind", "career", "--placed-in-year", "2024", "--out", str(out)],
        )
        assert result.exit_code == 0, result.output
        names = zipfile.ZipFile(out).namelist()
        assert len(names) == 2 and "manifest.csv" in names
        with Session(get_engine()) as session:
            row = session.exec(select(Certificate)).one()
            assert f"{row.number}.pdf" in names and row.kind == CertificateKind.career
    finally:
        get_engine().dispose()
        get_settings.cache_clear()
        get_engine.cache_clear()
