"""Engine and session: SQLite tuned for durability (WAL, FKs, busy timeout) or PostgreSQL.

On SQLite every transaction begins ``BEGIN IMMEDIATE``: it takes the single write lock up front,
waiting up to the busy timeout (then retried a bounded number of times). A deferred transaction
that reads and later writes (a read of personal data appends an access-log row) cannot wait: its
upgrade to a writer fails at once with "database is locked" when another writer is active or has
committed since its snapshot. Taking the lock first makes SQLite serialise requests instead of
failing them (docs/decisions.md, "SQLite transactions begin IMMEDIATE").
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from maeul_db.config import get_settings

# Each attempt already waits the busy timeout inside SQLite (5 s by default); the retries cover a
# writer that holds the lock longer than one timeout (a 20,000-row import took 22 s on a loaded
# 2-core machine), and then give up (about a minute) rather than hang.
BEGIN_ATTEMPTS = 12
_BACKOFF_S = 0.05


def _sqlite_pragmas(dbapi_connection: Any, _record: Any, busy_timeout_ms: int) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    # FULL: a commit survives power loss in WAL mode too (NORMAL may lose the last commits).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _locked(exc: OperationalError) -> bool:
    return "database is locked" in str(exc.orig) or "database is busy" in str(exc.orig)


def begin_immediate(conn: Any) -> None:
    """``BEGIN IMMEDIATE`` with a bounded retry: nothing has run in the transaction yet, so
    trying again is safe; after ``BEGIN_ATTEMPTS`` the "database is locked" error goes to the
    caller."""
    attempts = BEGIN_ATTEMPTS
    for attempt in range(1, attempts + 1):
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as exc:
            if not _locked(exc) or attempt == attempts:
                raise
            time.sleep(_BACKOFF_S * attempt)


def make_engine(url: str, *, busy_timeout_ms: int = 5000, echo: bool = False) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, record: Any) -> None:
            # Let SQLAlchemy, not pysqlite, issue BEGIN so savepoints and rollbacks behave.
            dbapi_connection.isolation_level = None
            _sqlite_pragmas(dbapi_connection, record, busy_timeout_ms)

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            begin_immediate(conn)

        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


@lru_cache
def get_engine() -> Engine:
    settings = get_settings()
    return make_engine(settings.database_url, busy_timeout_ms=settings.sqlite_busy_timeout_ms)


SessionFactory = Callable[[], Session]


def open_session() -> Session:
    """A session on the configured engine: the factory the app uses unless given another."""
    return Session(get_engine(), expire_on_commit=False)


def session_scope(factory: SessionFactory = open_session) -> Iterator[Session]:
    """The request owns the transaction: commit on success, roll back on any error, except an
    error marked ``keep_writes`` (a failed login's throttle row must outlive its 401).

    The factory is a parameter so the test suite runs this very code on sessions bound to a
    connection whose outer transaction it discards.
    """
    with factory() as session:
        try:
            yield session
            session.commit()
        except BaseException as exc:
            if getattr(exc, "keep_writes", False):
                session.commit()
            else:
                session.rollback()
            raise
