"""Certificate reads and exports are logged by the service, whichever door asks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.models import AccessLog
from tests.builders import bearer, make_placement
from tests.certificates.helpers import issue, make_world
from tests.cli_run import run_cli


def _log(session: Session) -> list[AccessLog]:
    return list(session.exec(select(AccessLog).order_by(col(AccessLog.id))).all())


def test_cert_batch_command_logs_the_manifest_once(
    session: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    world = make_world(session)
    make_placement(session, person=world.expert_person, valid_from=date(2023, 5, 1))
    before = len(_log(session))
    out = tmp_path / "2024.zip"
    args = ["cert", "batch", "--kind", "career", "--placed-in-year", "2024", "--out", str(out)]
    run_cli(session, monkeypatch, args)
    assert out.exists()
    (row,) = _log(session)[before:]
    assert row.action == "certificates.batch"
    assert row.person_ids == f",{world.expert_person.id},"
    assert (row.actor_username, row.source_address) == ("cli", "cli")


def test_certificate_list_and_issue_are_logged(client: TestClient, session: Session) -> None:
    world = make_world(session)
    person_id = world.expert_person.id
    before = len(_log(session))
    issue(client, world.staff.username, "training", person_id or 0)
    listed = client.get("/api/certificates", headers=bearer(client, world.staff.username))
    assert [c["person_id"] for c in listed.json()] == [person_id]
    rows = _log(session)[before:]
    assert [r.action for r in rows] == ["certificate.issue", "certificates.list"]
    assert all(r.person_ids == f",{person_id}," for r in rows)
