"""Run a ``maeul-db`` command in-process against the test's own database connection.

The command opens ``Session(get_engine())`` and commits; pointed at the test session's connection,
its writes join the test's transaction (rolled back afterwards) and the test reads them. The command
runs in a copied context so the CLI origin it sets does not leak into later tests.
"""

from __future__ import annotations

import contextvars

import pytest
from click.testing import Result
from sqlmodel import Session
from typer.testing import CliRunner

from maeul_db.cli import app


def run_cli(session: Session, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> Result:
    connection = session.connection()
    monkeypatch.setattr("maeul_db.db.get_engine", lambda: connection)
    result = contextvars.copy_context().run(CliRunner().invoke, app, args)
    assert result.exit_code == 0, result.output
    session.expire_all()
    return result
