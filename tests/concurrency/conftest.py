"""Databases for concurrency tests: real files (SQLite) or databases (PostgreSQL) that several
connections share and commit to, not the suite's rolled-back test connection."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from maeul_db import migrate
from maeul_db.db import make_engine
from maeul_db.refdata.service import load_refdata
from tests.conftest import BACKENDS, database_url, drop_database


@pytest.fixture(params=BACKENDS)
def shared_engine(
    request: pytest.FixtureRequest, tmp_path: Path, refdata_dir: Path
) -> Iterator[Engine]:
    """A fresh migrated database with the reference geography, committed, for many connections."""
    url = database_url(request.param, tmp_path, "concurrency")
    migrate.upgrade(url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        load_refdata(session, refdata_dir)
        session.commit()
    yield engine
    engine.dispose()
    drop_database(url)


def run_together(tasks: list[Callable[[], Any]]) -> list[BaseException]:
    """Start every task on its own thread at the same moment; return the errors they raised."""
    barrier = threading.Barrier(len(tasks))
    errors: list[BaseException] = []

    def run(task: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            task()
        except BaseException as exc:  # collected: the test asserts there were none
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(task,)) for task in tasks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a task did not finish"
    return errors
