"""`maeul-db cert verify`: offline it says the status is unknown; `--online URL` asks the app's public
verification endpoint, served here on loopback (uvicorn in a thread over the test's connection)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy import Connection
from sqlmodel import Session
from typer.testing import CliRunner

from maeul_db.app import create_app
from maeul_db.cli import app
from maeul_db.models import Role
from maeul_db.wording import message
from tests.builders import bearer, make_user
from tests.certificates.helpers import download, issue, make_world

runner = CliRunner()


@pytest.fixture
def served(connection: Connection, session: Session) -> Iterator[str]:
    """The app on 127.0.0.1 (a free port), each request on a savepoint of the test's connection."""

    def request_session() -> Session:
        session.flush()
        session.expire_all()
        return Session(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(session_factory=request_session), host="127.0.0.1", port=port, log_level="error"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _pdf(client: TestClient, session: Session, tmp_path: Path) -> tuple[dict[str, object], Path]:
    world = make_world(session)
    issued = issue(client, world.expert.username, "training", world.expert_person.id)
    path = tmp_path / "certificate.pdf"
    path.write_bytes(download(client, world.expert.username, int(str(issued["id"]))))
    return issued, path


def test_offline_verify_says_status_unknown(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    issued, path = _pdf(client, session, tmp_path)
    admin = make_user(session, role=Role.city_admin)
    revoked = client.post(
        f"/api/certificates/{issued['id']}/revoke",
        headers=bearer(client, admin.username),
        json={"reason": "test"},
    )
    assert revoked.status_code == 200, revoked.text
    # Offline the signature is all that can be checked: exit 0, but the verifier is told.
    result = runner.invoke(app, ["cert", "verify", str(path)])
    assert result.exit_code == 0, result.output
    assert message("certificate.offline_status_unknown") in result.output


def test_online_verify_revoked_fails(
    client: TestClient, session: Session, tmp_path: Path, served: str
) -> None:
    issued, path = _pdf(client, session, tmp_path)
    ok = runner.invoke(app, ["cert", "verify", str(path), "--online", served])
    assert ok.exit_code == 0, ok.output
    assert "valid" in ok.output
    admin = make_user(session, role=Role.city_admin)
    client.post(
        f"/api/certificates/{issued['id']}/revoke",
        headers=bearer(client, admin.username),
        json={"reason": "test"},
    )
    result = runner.invoke(app, ["cert", "verify", str(path), "--online", served])
    assert result.exit_code == 2, result.output
    assert "revoked" in result.output


def test_online_verify_superseded_names_successor(
    client: TestClient, session: Session, tmp_path: Path, served: str
) -> None:
    issued, path = _pdf(client, session, tmp_path)
    world_staff = make_user(session, role=Role.city_admin)
    response = client.post(
        f"/api/certificates/{issued['id']}/reissue", headers=bearer(client, world_staff.username)
    )
    assert response.status_code == 201, response.text
    successor = response.json()["number"]
    result = runner.invoke(app, ["cert", "verify", str(path), "--online", served])
    assert result.exit_code == 2, result.output
    assert message("certificate.online_superseded", successor=successor) in result.output
    assert f"{issued['number']}" in result.output


def test_online_verify_unreachable_is_clear_failure(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    _, path = _pdf(client, session, tmp_path)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = runner.invoke(
        app, ["cert", "verify", str(path), "--online", f"http://127.0.0.1:{port}"]
    )
    assert result.exit_code == 3, result.output
    assert "127.0.0.1" in result.output
