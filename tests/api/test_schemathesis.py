"""A short schemathesis run in the suite (scripts/schemathesis_run.py is the long one): the routes
where issue 9 found server errors and schema violations, every role, a fixed seed; no 5xx and every
documented response matching its schema, on both databases. Plus the OpenAPI document is valid."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from scripts.schemathesis_run import (
    load_schema,
    run_operations,
    tally_examples,
    validate_document,
)
from sqlalchemy import Connection
from sqlmodel import Session

from maeul_db.app import create_app
from maeul_db.models import Role
from tests.builders import bearer, make_person, make_user

ROUTES = {
    ("POST", "/api/groups"),
    ("POST", "/api/people"),
    ("PATCH", "/api/people/{person_id}"),
    ("PATCH", "/api/projects/{project_id}"),
    ("POST", "/api/projects/{project_id}/participants"),
    ("GET", "/api/identity/candidates"),
    ("GET", "/api/analytics/graph/summary"),
    ("GET", "/api/access-log"),
    # Issue 16: filters with dates, account bodies with usernames.
    ("GET", "/api/audit"),
    ("POST", "/api/accounts"),
}


@pytest.fixture
def app(connection: Connection, session: Session) -> FastAPI:
    def request_session() -> Session:
        session.flush()
        session.expire_all()
        return Session(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )

    return create_app(session_factory=request_session)


@pytest.fixture
def tokens(app: FastAPI, session: Session) -> Iterator[dict[str, str]]:
    users = {role: make_user(session, role=role) for role in Role if role != Role.expert}
    users[Role.expert] = make_user(session, role=Role.expert, person_id=make_person(session).id)
    with TestClient(app) as client:
        yield {
            role.value: bearer(client, user.username)["Authorization"].split(" ", 1)[1]
            for role, user in users.items()
        }


def test_openapi_document_is_valid(app: FastAPI) -> None:
    validate_document(app.openapi())  # raises on an invalid document


def test_short_schemathesis_run_finds_no_server_error(app: FastAPI, tokens: dict[str, str]) -> None:
    tally_examples.value = 3
    tally = run_operations(
        load_schema(app),
        tokens,
        examples=3,
        include=lambda method, path: (method, path) in ROUTES,
        budget_s=50,
    )
    assert tally.requests >= len(ROUTES) * len(tokens)
    assert tally.server_errors == []
    assert tally.schema_violations == []
    # Integer overflow and NUL bytes are refused as 422 by the input bounds (kit/guard, kit/schemas).
    assert tally.input_bounds == []
