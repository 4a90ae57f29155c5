"""Demo data: generate a reproducible synthetic city and write it through the bulk path.

Running twice: the demo refuses while any table it fills already holds rows (so it never mixes into
real data); ``replace=True`` first deletes the rows of those tables (never districts, dongs,
accounts or the logs) and then writes the new set.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, insert, inspect

from maeul_db.audit.service import snapshot
from maeul_db.demo.context import Progress
from maeul_db.demo.generator import generate
from maeul_db.demo.paperwork import DEMO_PAPERWORK_DISTRICT, write_paperwork
from maeul_db.demo.reference import read_reference
from maeul_db.demo.scales import ScaleSpec, get_scale
from maeul_db.demo.support_requests import write_requests
from maeul_db.demo.writer import clear, describe, occupied_tables, write
from maeul_db.errors import Conflict
from maeul_db.kit import time as clock
from maeul_db.models import AuditLog


@dataclass
class DemoSummary:
    scale: str
    seed: int
    rows: dict[str, int]
    generate_seconds: float
    write_seconds: dict[str, float] = field(default_factory=dict)
    # Rows per table deleted first (``replace=True``); empty when nothing was there.
    deleted: dict[str, int] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def total_seconds(self) -> float:
        return self.generate_seconds + sum(self.write_seconds.values())


def _refuse_or_clear(connection: Connection, replace: bool) -> dict[str, int]:
    # A database never migrated would otherwise fail deep inside with "no such table".
    if not inspect(connection).has_table("person"):
        raise Conflict("demo.no_schema")
    occupied = occupied_tables(connection)
    if not occupied:
        return {}
    if not replace:
        raise Conflict("demo.tables_occupied", tables=describe(occupied))
    return clear(connection)


def _record(connection: Connection, summary: DemoSummary) -> None:
    """One audit row per run: a bulk change is audited like an import, not row by row."""
    connection.execute(
        insert(AuditLog.__table__),  # type: ignore[attr-defined]
        {
            "at": clock.now(),
            "action": "demo_replace" if summary.deleted else "demo_generate",
            "entity": "demo",
            "entity_id": f"{summary.scale}:{summary.seed}",
            "before": snapshot(summary.deleted) if summary.deleted else None,
            "after": snapshot(summary.rows),
        },
    )


def _run(
    connection: Connection, spec: ScaleSpec, seed: int, progress: Progress | None, replace: bool
) -> DemoSummary:
    deleted = _refuse_or_clear(connection, replace)
    reference = read_reference(connection)
    started = time.perf_counter()
    data = generate(reference, spec, seed, progress)
    summary = DemoSummary(
        spec.name, seed, data.counts(), time.perf_counter() - started, deleted=deleted
    )
    summary.write_seconds = write(connection, data, progress)
    summary.rows["paperwork_application"] = write_paperwork(
        connection, seed=seed, district=DEMO_PAPERWORK_DISTRICT
    )
    written = write_requests(connection, seed=seed, district=DEMO_PAPERWORK_DISTRICT)
    for table, count in written.items():
        summary.rows[table] = summary.rows.get(table, 0) + count
    _record(connection, summary)
    _summaries(connection)
    return summary


def _summaries(connection: Connection) -> None:
    """The analytics summaries of the new data (issue 11), in the same transaction."""
    from sqlmodel import Session

    from maeul_db.analytics import summary

    with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
        summary.refresh_all(session)
        session.commit()


def generate_demo(
    engine_or_connection: Engine | Connection,
    *,
    scale: str,
    seed: int,
    progress: Progress | None = None,
    replace: bool = False,
) -> DemoSummary:
    """Generate the ``scale`` demo for ``seed`` and write it.

    Given an engine, runs in its own transaction and commits; given a connection, works inside the
    caller's transaction and leaves the commit to the caller. Raises ``Conflict`` when the tables
    already hold data and ``replace`` is false, ``InvalidInput`` for an unknown scale and
    ``RefdataMissing`` when no districts and dongs are loaded.
    """
    spec = get_scale(scale)
    if isinstance(engine_or_connection, Engine):
        with engine_or_connection.begin() as connection:
            return _run(connection, spec, seed, progress, replace)
    return _run(engine_or_connection, spec, seed, progress, replace)
