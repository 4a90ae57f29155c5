"""A time budget for one use case, kept on both sides of the database connection.

``bounded(session, seconds=...)`` opens the budget; inside it:

- the database stops a statement that would run past the deadline: PostgreSQL through
  ``statement_timeout`` (``SET LOCAL``, refreshed to the time left before every statement the
  session runs, so the sum of statements is bounded, not each one alone), SQLite through a
  progress handler on the raw connection that aborts the running statement;
- Python loops that build graphs or compute metrics call ``check()``, which raises once the
  deadline has passed (a no-op outside a budget, so pure functions stay usable anywhere).

Either way the use case ends with ``TimeLimitExceeded`` (a ``MaeulError``, never a 500) and the
request's rollback leaves the connection usable. Budgets do not nest: an inner ``bounded`` keeps
the outer deadline, so a page that composes several analyses gets one budget in all.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import ORMExecuteState, Session

from maeul_db.errors import MaeulError

# SQLite calls the progress handler every this many virtual-machine steps (a few microseconds).
SQLITE_PROGRESS_STEPS = 2000
# PostgreSQL's "query_canceled" (statement_timeout); SQLite reports an aborted statement as this.
_PG_CANCELED = "57014"
_SQLITE_INTERRUPTED = "interrupted"


class TimeLimitExceeded(MaeulError):
    """The work ran past its time budget and was stopped (503: the request was valid, the server
    declined to spend more time on it; docs/operations.md "Time limits")."""

    status_code = 503
    error = "time_limit"


@dataclass(frozen=True)
class _Budget:
    ends: float  # time.monotonic() value
    seconds: float

    def left(self) -> float:
        return self.ends - time.monotonic()


_current: ContextVar[_Budget | None] = ContextVar("maeul_deadline", default=None)


def _exceeded(budget: _Budget) -> TimeLimitExceeded:
    seconds = f"{budget.seconds:g}"
    return TimeLimitExceeded("analytics.time_limit", seconds=seconds)


def check() -> None:
    """Raise ``TimeLimitExceeded`` when the current budget has run out (no budget: nothing)."""
    budget = _current.get()
    if budget is not None and budget.left() <= 0:
        raise _exceeded(budget)


def _is_abort(exc: OperationalError) -> bool:
    orig = exc.orig
    return getattr(orig, "sqlstate", None) == _PG_CANCELED or _SQLITE_INTERRUPTED in str(orig)


Undo = Callable[[bool], None]  # called with whether the block failed


def _bound_sqlite(conn: Connection, budget: _Budget) -> Undo:
    raw: Any = conn.connection.dbapi_connection
    raw.set_progress_handler(lambda: budget.left() <= 0, SQLITE_PROGRESS_STEPS)
    return lambda _failed: raw.set_progress_handler(None, SQLITE_PROGRESS_STEPS)


def _bound_postgres(session: Session, budget: _Budget) -> Undo:
    conn = session.connection()
    before = conn.exec_driver_sql("SELECT current_setting('statement_timeout')").scalar()

    def refresh(state: ORMExecuteState) -> None:
        check()
        ms = max(1, int(budget.left() * 1000))
        state.session.connection().exec_driver_sql(f"SET LOCAL statement_timeout = {ms}")

    event.listen(session, "do_orm_execute", refresh)

    def undo(failed: bool) -> None:
        event.remove(session, "do_orm_execute", refresh)
        # After a failure the transaction may be aborted; the rollback that follows undoes
        # SET LOCAL anyway.
        if not failed and conn.in_transaction() and not conn.invalidated:
            conn.exec_driver_sql("SELECT set_config('statement_timeout', %s, true)", (before,))

    return undo


def _bound_database(session: Session, budget: _Budget) -> Undo:
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        return _bound_sqlite(conn, budget)
    if conn.dialect.name == "postgresql":
        return _bound_postgres(session, budget)
    return lambda _failed: None


@contextmanager
def bounded(session: Session, *, seconds: float) -> Iterator[None]:
    """Run the block within ``seconds`` (wall clock), database work included."""
    if _current.get() is not None:  # the outer budget holds
        yield
        return
    budget = _Budget(time.monotonic() + seconds, seconds)
    undo = _bound_database(session, budget)
    token = _current.set(budget)
    failed = False
    try:
        yield
    except OperationalError as exc:
        failed = True
        if _is_abort(exc) or budget.left() <= 0:
            raise _exceeded(budget) from exc
        raise
    except BaseException:
        failed = True
        raise
    finally:
        _current.reset(token)
        undo(failed)
