"""Writing generated rows through the bulk path, and clearing the tables the demo fills.

Reference tables (district, dong, dong_succession), accounts and the append-only logs are never
touched; clearing refuses while an account points at a person, since it would orphan the account.
"""

from __future__ import annotations

import time

from sqlalchemy import Connection, Table, delete, exists, func, select

from maeul_db.bulk import bulk_insert, checks_after_load, reset_id_sequence
from maeul_db.demo.context import Progress
from maeul_db.demo.dataset import COLUMNS, WRITE_ORDER, DemoData
from maeul_db.errors import Conflict
from maeul_db.models import UserAccount, metadata

# Certificates name people, so they go with them; they are not generated (issued on request).
CLEARED_TABLES: tuple[str, ...] = ("certificate", *reversed(WRITE_ORDER))


def _table(name: str) -> Table:
    return metadata.tables[name]


def occupied_tables(connection: Connection) -> list[str]:
    """The demo's tables that already hold rows, in write order."""
    return [
        name for name in (*WRITE_ORDER, "certificate")
        if connection.execute(select(exists().select_from(_table(name)))).scalar()
    ]


def clear(connection: Connection) -> dict[str, int]:
    """Delete every row of the demo's tables (children first); return rows deleted per table."""
    linked = connection.execute(
        select(func.count()).where(UserAccount.person_id.is_not(None))  # type: ignore[union-attr]
    ).scalar_one()
    if linked:
        raise Conflict(
            f"계정 {linked}개가 인물과 연결되어 있어 데모 자료를 지울 수 없습니다 "
            f"({linked} account(s) point at people; unlink or remove them before --replace)"
        )
    deleted = {}
    for name in CLEARED_TABLES:
        deleted[name] = connection.execute(delete(_table(name))).rowcount
    return deleted


class _Ticker:
    """Turns the bulk path's per-chunk callback into cumulative progress for one table."""

    def __init__(self, step: str, total: int, progress: Progress | None) -> None:
        self.step, self.total, self.progress, self.done = step, total, progress, 0

    def __call__(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(self.step, self.done, self.total)


RESTORE_STEP = "indexes and foreign keys"


def write(connection: Connection, data: DemoData, progress: Progress | None = None
          ) -> dict[str, float]:
    """Insert every table in foreign-key order; return seconds per table, plus the seconds spent
    rebuilding indexes and re-checking foreign keys (PostgreSQL) under ``RESTORE_STEP``."""
    seconds: dict[str, float] = {}
    with checks_after_load(connection, [_table(name) for name in WRITE_ORDER]):
        for name in WRITE_ORDER:
            rows = data.rows[name]
            ticker = _Ticker(f"write {name}", len(rows), progress)
            started = time.perf_counter()
            bulk_insert(connection, _table(name), rows, columns=COLUMNS[name], on_chunk=ticker)
            if "id" in COLUMNS[name]:
                reset_id_sequence(connection, _table(name))
            seconds[name] = time.perf_counter() - started
            if not rows:
                ticker(0)
        started = time.perf_counter()
        if progress is not None:
            progress(RESTORE_STEP, 0, 1)
    seconds[RESTORE_STEP] = time.perf_counter() - started
    if progress is not None:
        progress(RESTORE_STEP, 1, 1)
    return seconds
