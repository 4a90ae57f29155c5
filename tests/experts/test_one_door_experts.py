"""The expert services log their own reads, so the API and the command line write the same rows."""

from __future__ import annotations

import json
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.models import AccessLog, Role
from tests.builders import (
    bearer,
    complete_program,
    make_person,
    make_placement,
    make_program,
    make_user,
)
from tests.cli_run import run_cli


def _log(session: Session) -> list[AccessLog]:
    return list(session.exec(select(AccessLog).order_by(col(AccessLog.id))).all())


def _placed_expert(session: Session) -> int:
    person = make_person(session)
    for stage in ("basic", "lecture_practice", "expert_activist"):
        complete_program(session, program=make_program(session, stage=stage), person=person)
    make_placement(session, person=person, valid_from=date(2020, 1, 1))
    assert person.id is not None
    return person.id


def test_placements_api_logs_the_people_listed(client: TestClient, session: Session) -> None:
    person_id = _placed_expert(session)
    staff = make_user(session)
    before = len(_log(session))
    body = client.get("/api/experts/placements", headers=bearer(client, staff.username)).json()
    assert [p["person_id"] for p in body] == [person_id] and body[0]["person_name"]
    (row,) = _log(session)[before:]
    assert row.action == "experts.placements" and row.person_ids == f",{person_id},"
    assert row.actor_username == staff.username


def test_experts_list_command_logs_pool_and_placements_like_the_api(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    person_id = _placed_expert(session)
    before = len(_log(session))
    result = run_cli(session, monkeypatch, ["experts", "list", "--json", "--as-of", "2024-01-01"])
    assert [m["person_id"] for m in json.loads(result.stdout)["pool"]] == [person_id]
    rows = _log(session)[before:]
    assert [r.action for r in rows] == ["experts.pool", "experts.placements"]
    assert all(r.person_ids == f",{person_id}," for r in rows)
    assert all((r.actor_username, r.source_address) == ("cli", "cli") for r in rows)
    # The API's pool read writes the same action for its door.
    staff = make_user(session)
    assert client.get("/api/experts/pool", headers=bearer(client, staff.username)).is_success
    assert _log(session)[-1].action == "experts.pool"


def test_coverage_page_refuses_analysts_through_the_service(
    client: TestClient, session: Session
) -> None:
    from maeul_db.errors import Forbidden
    from maeul_db.experts import service

    analyst = make_user(session, role=Role.analyst)
    with pytest.raises(Forbidden):
        service.coverage_view(
            session, user=analyst, district_code=None, as_of=date(2024, 1, 1), within_days=30
        )
