"""An app with the real request session code (``db.session_scope``: commit on success, roll back
on error), each request on its own session over the test's connection, so "database unchanged"
in the matrices means what a real deployment would do."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection
from sqlmodel import Session

from tests.conftest import savepoint_session


@pytest.fixture
def door_app(connection: Connection, session: Session) -> FastAPI:
    from maeul_db.app import create_app

    def request_session() -> Session:
        session.flush()
        session.expire_all()
        return savepoint_session(connection)

    return create_app(session_factory=request_session)


@pytest.fixture
def door_client(door_app: FastAPI) -> Iterator[Callable[[], TestClient]]:
    """A factory of clients sharing one app: one cookie jar per role."""
    clients: list[TestClient] = []

    def _new() -> TestClient:
        client = TestClient(door_app)
        client.__enter__()
        clients.append(client)
        return client

    yield _new
    for client in clients:
        client.__exit__(None, None, None)
