"""SQLite transactions take the write lock up front and wait for it a bounded time."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from maeul_db import db


def test_a_transaction_holds_the_write_lock_before_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "BEGIN_ATTEMPTS", 2)
    engine = db.make_engine(f"sqlite:///{tmp_path / 'lock.db'}", busy_timeout_ms=50)
    with engine.connect() as holder, engine.connect() as other:
        holder.begin()
        holder.execute(text("SELECT 1"))  # a read only, yet the lock is taken
        with pytest.raises(OperationalError, match="database is locked"):
            other.begin()
    engine.dispose()


def test_begin_waits_for_a_writer_that_finishes_within_the_retries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "BEGIN_ATTEMPTS", 20)
    engine = db.make_engine(f"sqlite:///{tmp_path / 'lock.db'}", busy_timeout_ms=50)
    with engine.connect() as holder, engine.connect() as other:
        holder.begin()
        holder.execute(text("CREATE TABLE t (x INTEGER)"))
        releaser = threading.Timer(0.3, holder.commit)
        releaser.start()
        started = time.monotonic()
        with other.begin():  # more than one busy timeout: the retry, not SQLite, waited
            other.execute(text("INSERT INTO t VALUES (1)"))
        assert time.monotonic() - started >= 0.2
        releaser.join()
        assert other.execute(text("SELECT count(*) FROM t")).scalar_one() == 1
    engine.dispose()
