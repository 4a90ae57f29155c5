"""Engine and session: SQLite tuned for durability (WAL, FKs, busy timeout) or PostgreSQL.

Each database gets three handles (``make_engine``):
- the **engine**: on SQLite every transaction begins ``BEGIN IMMEDIATE``: it takes the single
  write lock up front, waiting up to the busy timeout (then retried a bounded number of times). A
  deferred transaction that reads and later writes cannot wait: its upgrade to a writer fails at
  once with "database is locked" when another writer is active or has committed since its
  snapshot. Taking the lock first makes SQLite queue writers instead of failing them.
- the **reader** (same pool, option ``READS``): for requests that only read (GET, HEAD). On SQLite
  its transactions begin deferred, so they take no lock and run beside a writer (WAL). They write
  nothing, not even the access log: that goes through
- the **appender**, a small pool of its own: the access log appends a read's row there, in a
  short transaction of its own, committed before the read's data is returned
  (``access_log.service.record``). A pool apart means a reader holding its connection never waits
  for a second one from the pool it holds (no pool deadlock).
(docs/decisions.md, "Reads apart from writes".)
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from maeul_db.analytics import summary_hook  # noqa: F401  (registers the summary refresh)
from maeul_db.config import get_settings
from maeul_db.core.context import current_origin

# Each attempt already waits the busy timeout inside SQLite (5 s by default); the retries cover a
# writer that holds the lock longer than one timeout (a 20,000-row import took 22 s on a loaded
# 2-core machine), and then give up (about a minute) rather than hang.
BEGIN_ATTEMPTS = 12
_BACKOFF_S = 0.05
# Execution option marking the reader: its transactions only read (SQLite: begin deferred).
READS = "maeul_reads"
# The appender's pool keeps as many connections open as a busy server appends at once: a pool of
# 2 closes every overflow connection it gets back, so most appends under load would start a new
# connection (on PostgreSQL a new backend process). Appends wait on SQLite's one write lock in
# turn, so overflow is generous there and the timeout above the retries' minute: a waiting reader
# is never failed by the pool.
_APPENDER_POOL: dict[str, dict[str, int]] = {
    "sqlite": {"pool_size": 8, "max_overflow": 56, "pool_timeout": 120},
    "postgresql": {"pool_size": 8, "max_overflow": 24},
}
# Execution option of the reader naming its appender (an option, so no registry maps readers back).
_APPENDER = "maeul_appender"
# engine -> its appender (the appender holds no reference back, so an engine can still be freed).
_APPENDERS: WeakKeyDictionary[Engine, Engine] = WeakKeyDictionary()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any, busy_timeout_ms: int) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    # FULL: a commit survives power loss in WAL mode too (NORMAL may lose the last commits).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def is_locked(exc: OperationalError) -> bool:
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
            if not is_locked(exc) or attempt == attempts:
                raise
            time.sleep(_BACKOFF_S * attempt)


def _build(url: str, busy_timeout_ms: int, echo: bool, **pool: Any) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False}, **pool)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, record: Any) -> None:
            # Let SQLAlchemy, not pysqlite, issue BEGIN so savepoints and rollbacks behave.
            dbapi_connection.isolation_level = None
            _sqlite_pragmas(dbapi_connection, record, busy_timeout_ms)

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            if conn.get_execution_options().get(READS):
                conn.exec_driver_sql("BEGIN")  # deferred: no lock until (never) it writes
            else:
                begin_immediate(conn)

        return engine
    # JIT compiling costs 50 ms and more per analytics query and pays back only on queries of
    # many seconds, which this application does not run on a request; a random page read costs
    # about what a sequential one does on solid-state storage, where the default (4) had a
    # year's person-year rows read by scanning the whole table (docs/decisions.md).
    options = "-c jit=off -c random_page_cost=1.1"
    return create_engine(
        url, echo=echo, pool_pre_ping=True, connect_args={"options": options}, **pool
    )


def make_engine(url: str, *, busy_timeout_ms: int = 5000, echo: bool = False) -> Engine:
    """The engine (writes); its reader and appender are found with ``reader_of``/``appender_of``."""
    engine = _build(url, busy_timeout_ms, echo)
    if url.startswith("sqlite") and url.split("///", 1)[-1] in ("", ":memory:", "sqlite://"):
        appender = engine  # a second engine would open a second, empty in-memory database
    else:
        pool = _APPENDER_POOL["sqlite" if url.startswith("sqlite") else "postgresql"]
        appender = _build(url, busy_timeout_ms, echo, **pool)
    _APPENDERS[engine] = appender
    if appender is not engine:
        event.listen(engine, "engine_disposed", lambda _engine: appender.dispose())
    return engine


def reader_of(engine: Engine) -> Engine:
    """The engine's reader: same pool, transactions that only read, appends through the engine's
    appender (an engine not made by ``make_engine`` appends through its own pool)."""
    return engine.execution_options(**{READS: True, _APPENDER: _APPENDERS.get(engine, engine)})


def appender_of(bind: Engine) -> Engine:
    """The pool the access log appends a reader's row through, in a transaction of its own."""
    appender = bind.get_execution_options().get(_APPENDER)
    return appender if isinstance(appender, Engine) else bind


def reads_only(session: Session) -> bool:
    """Whether the session is bound to a reader: it must not write in its own transaction."""
    return bool(session.get_bind().get_execution_options().get(READS, False))


@lru_cache
def get_engine() -> Engine:
    settings = get_settings()
    return make_engine(settings.database_url, busy_timeout_ms=settings.sqlite_busy_timeout_ms)


SessionFactory = Callable[[], Session]


def session_for(engine: Engine) -> Session:
    """A session for the current request: on the reader when the request only reads (a GET or
    HEAD, ``core.context.Origin.reads_only``), else on the engine."""
    bind = reader_of(engine) if current_origin().reads_only else engine
    return Session(bind, expire_on_commit=False)


def open_session() -> Session:
    """A session on the configured engine: the factory the app uses unless given another."""
    return session_for(get_engine())


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
