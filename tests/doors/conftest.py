"""An app whose requests behave like production's ``get_session``: each request's work is
kept when it succeeds and rolled back when it raises (a savepoint inside the test's
transaction), so "database unchanged" in the matrices means what a real deployment would do."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.db import get_session


@pytest.fixture
def door_app(session: Session) -> FastAPI:
    from maeul_db.app import create_app

    app = create_app()

    def _per_request() -> Iterator[Session]:
        savepoint = session.begin_nested()
        try:
            yield session
            session.flush()
            savepoint.commit()
        except BaseException:
            savepoint.rollback()
            raise

    app.dependency_overrides[get_session] = _per_request
    return app


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
