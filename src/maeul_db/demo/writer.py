"""Writing generated rows through the bulk path, and clearing the tables the demo fills.

Clearing deletes the demo's tables, every table that points at them (certificates, match
candidates, ...: facts about the people that go with them) and the import batches whose rows are
gone. Reference tables (district, dong, dong_succession), accounts and the append-only logs are
never touched; clearing refuses while an account points at a person, since it would orphan it.
"""

from __future__ import annotations

import time

from sqlalchemy import Connection, Table, delete, exists, select

from maeul_db.bulk import bulk_insert, checks_after_load, reset_id_sequence, uses_copy
from maeul_db.demo.context import Progress
from maeul_db.demo.dataset import COLUMNS, WRITE_ORDER, DemoData
from maeul_db.errors import Conflict
from maeul_db.models import metadata
from maeul_db.wording import message

PROTECTED = frozenset(
    {"district", "dong", "dong_succession", "user_account", "audit_log", "access_log"}
)
# Imported rows point at their batch; a batch whose rows were all deleted would be a false record.
ALSO_CLEARED = ("import_batch",)


def _table(name: str) -> Table:
    return metadata.tables[name]


def dependent_tables() -> list[str]:
    """Tables outside the demo's own that point at them, directly or through each other."""
    found = set(WRITE_ORDER)
    grew = True
    while grew:
        grew = False
        for table in metadata.tables.values():
            if table.name in found or table.name in PROTECTED:
                continue
            if any(fk.column.table.name in found for fk in table.foreign_keys):
                found.add(table.name)
                grew = True
    return sorted(found - set(WRITE_ORDER))


def cleared_tables() -> list[str]:
    """Everything ``clear`` deletes from, children before parents."""
    names = {*WRITE_ORDER, *dependent_tables(), *ALSO_CLEARED}
    return [table.name for table in reversed(metadata.sorted_tables) if table.name in names]


def occupied_tables(connection: Connection) -> list[str]:
    """The demo's tables (and the tables pointing at them) that already hold rows."""
    return [
        name
        for name in (*WRITE_ORDER, *dependent_tables())
        if connection.execute(select(exists().select_from(_table(name)))).scalar()
    ]


def describe(tables: list[str]) -> str:
    """A short list of table names for a message."""
    more = message("demo.more_tables", count=len(tables) - 3) if len(tables) > 3 else ""
    return ", ".join(tables[:3]) + more


def clear(connection: Connection) -> dict[str, int]:
    """Delete every row of the demo's tables (children first); return rows deleted per table."""
    accounts = metadata.tables["user_account"]
    linked = (
        connection.execute(
            select(accounts.c.username)
            .where(accounts.c.person_id.is_not(None))
            .order_by(accounts.c.username)
        )
        .scalars()
        .all()
    )
    if linked:
        raise Conflict("demo.linked_accounts", count=len(linked), usernames=", ".join(linked[:5]))
    deleted = {}
    for name in cleared_tables():
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


def write(
    connection: Connection, data: DemoData, progress: Progress | None = None
) -> dict[str, float]:
    """Insert every table in foreign-key order; return seconds per table, plus (PostgreSQL) the
    seconds spent rebuilding indexes and re-checking foreign keys, under ``RESTORE_STEP``."""
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
        if progress is not None and uses_copy(connection):
            progress(RESTORE_STEP, 0, 1)
    if uses_copy(connection):
        seconds[RESTORE_STEP] = time.perf_counter() - started
        if progress is not None:
            progress(RESTORE_STEP, 1, 1)
    return seconds
