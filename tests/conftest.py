"""Fixtures: every database test runs on SQLite and on PostgreSQL, schema built by migrations,
each test rolled back.

PostgreSQL is the production database. Locally, when no server answers, its half is skipped with a
visible reason; under CI (``CI=true``) or with ``MAEUL_TEST_REQUIRE_POSTGRES=1`` an unreachable
server fails the run instead, so the PostgreSQL half can never silently disappear.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from maeul_db import migrate
from maeul_db.config import get_settings
from maeul_db.db import make_engine
from maeul_db.refdata.service import load_refdata

# Access-log checkpoints of the suite's throwaway databases stay out of the working tree's var/;
# automatic ones are off (tests write them explicitly), since ids on PostgreSQL outlive rollbacks.
os.environ.setdefault("MAEUL_ACCESS_LOG_CHECKPOINT_DIR", tempfile.mkdtemp(prefix="maeul-ckpt-"))
os.environ.setdefault("MAEUL_ACCESS_LOG_CHECKPOINT_EVERY", "0")
os.environ.setdefault(
    "MAEUL_JOBS_URL", f"sqlite:///{tempfile.mkdtemp(prefix='maeul-jobs-')}/jobs.db"
)

PG_ADMIN_URL = os.environ.get(
    "MAEUL_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@localhost:5432/test"
)
BACKENDS = ["sqlite", "postgresql"]


def _postgres_required() -> bool:
    return (
        os.environ.get("CI", "").lower() == "true"
        or os.environ.get("MAEUL_TEST_REQUIRE_POSTGRES") == "1"
    )


def _worker() -> str:
    # The pid keeps two runs on one machine (a developer's and CI's) out of each other's databases.
    return f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}"


def drop_database(url: str) -> None:
    if not url.startswith("postgresql"):
        return
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    admin.dispose()


def fresh_postgres_database(name: str) -> str:
    """Drop and create ``name`` on the test server; return its URL."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        message = f"PostgreSQL not reachable at {PG_ADMIN_URL}: {exc.orig}"
        if _postgres_required():
            pytest.exit(f"FAIL: {message} (required under CI)", returncode=3)
        pytest.skip(message)
    finally:
        admin.dispose()
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def database_url(backend: str, tmp_dir: Path, label: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_dir / f'{label}.db'}"
    return fresh_postgres_database(f"maeul_{label}_{_worker()}")


@pytest.fixture(scope="session")
def refdata_dir() -> Path:
    directory = Path(get_settings().refdata_dir)
    if not directory.is_dir():
        pytest.exit(f"FAIL: reference data not found at {directory} (set MAEUL_REFDATA_DIR)", 3)
    return directory


@pytest.fixture(scope="session", params=BACKENDS)
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, refdata_dir: Path
) -> Iterator[Engine]:
    """A migrated database with the reference geography loaded, shared by the session."""
    url = database_url(request.param, tmp_path_factory.mktemp("db"), "test")
    migrate.upgrade(url=url)
    eng = make_engine(url)
    with Session(eng) as session:
        load_refdata(session, refdata_dir)
        session.commit()
    yield eng
    eng.dispose()
    drop_database(url)


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    """One connection per test inside an outer transaction that is rolled back at the end: the
    test's own session and every request's session work on it, so all of them see each other's
    rows and nothing outlives the test."""
    conn = engine.connect()
    transaction = conn.begin()
    try:
        yield conn
    finally:
        transaction.rollback()
        conn.close()


def savepoint_session(connection: Connection) -> Session:
    # create_savepoint: the session's commit() releases a savepoint and its rollback() rolls back
    # to it, so the code under test commits and rolls back for real inside the outer transaction.
    return Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )


@pytest.fixture
def session(connection: Connection) -> Iterator[Session]:
    """The test's session, to seed and to inspect; its work is discarded after the test."""
    db = savepoint_session(connection)
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def client(connection: Connection, session: Session) -> Iterator[TestClient]:
    """The app with its real request session code (``db.session_scope``: commit on success, roll
    back on error), each request on its own session over the test's connection."""
    from maeul_db.app import create_app

    def request_session() -> Session:
        # What the test seeded becomes visible to the request; what the request changes is
        # reloaded when the test next reads its objects.
        session.flush()
        session.expire_all()
        return savepoint_session(connection)

    with TestClient(create_app(session_factory=request_session)) as test_client:
        yield test_client
