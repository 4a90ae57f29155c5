"""The shared bulk-insert path (demo data, imports, graph building): never one ORM object per row.

PostgreSQL gets ``COPY ... FROM STDIN`` through psycopg 3 on the connection's own DBAPI connection,
so the rows land in the caller's transaction. Everything else (SQLite) gets SQLAlchemy Core
``insert()`` executed with many parameter sets per call, in chunks that bound memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import chain, islice
from typing import Any

from sqlalchemy import Connection, Table, insert, text

from maeul_db.kit.chunks import chunks

DEFAULT_CHUNK_SIZE = 20_000

Rows = Iterable[Mapping[str, Any] | Sequence[Any]]


def uses_copy(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql" and connection.dialect.driver == "psycopg"


def _column_names(
    table: Table, first: Mapping[str, Any] | Sequence[Any], columns: Sequence[str] | None
) -> list[str]:
    names = (
        list(columns)
        if columns is not None
        else (list(first.keys()) if isinstance(first, Mapping) else list(table.columns.keys()))
    )
    unknown = [name for name in names if name not in table.columns]
    if unknown:
        raise ValueError(f"{table.name} has no column(s): {', '.join(unknown)}")
    return names


def _as_tuples(
    rows: Iterable[Mapping[str, Any] | Sequence[Any]], names: list[str]
) -> Iterator[Sequence[Any]]:
    for row in rows:
        yield tuple(row[name] for name in names) if isinstance(row, Mapping) else row


def _tuple_chunks(rows: Iterator[Any], names: list[str], size: int) -> Iterator[list[Any]]:
    """``_as_tuples`` a chunk at a time, a tuple taken as it is without a generator step or an
    ABC check per row (the imports' rows are tuples)."""
    while chunk := list(islice(rows, size)):
        yield [
            row
            if type(row) is tuple
            else (tuple(row[name] for name in names) if isinstance(row, Mapping) else row)
            for row in chunk
        ]


def _processed(process: Callable[[Any], Any] | None, values: list[Any]) -> list[Any]:
    if process is None:
        return values
    done: dict[tuple[type, Any], Any] = {}
    out = []
    for value in values:
        key = (type(value), value)
        try:
            result = done[key]
        except KeyError:
            result = done[key] = process(value)
        except TypeError:  # unhashable (a JSON document): processed each time
            result = process(value)
        out.append(result)
    return out


def _executemany(
    connection: Connection,
    table: Table,
    rows: Iterator[Any],
    names: list[str],
    chunk_size: int,
    on_chunk: Callable[[int], None] | None,
) -> int:
    """The DBAPI's own ``executemany`` of one compiled INSERT, each value put through its column
    type's bind processor (dates, enums, JSON as SQLAlchemy would write them) once: SQLAlchemy's
    per-row parameter handling cost more than SQLite's insert itself (issue 10)."""
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=names)
    order = compiled.positiontup
    # A named paramstyle, or columns with Python-side defaults that SQLAlchemy fills in: its path.
    if order is None or set(order) != set(names):
        return _executemany_core(connection, table, rows, names, chunk_size, on_chunk)
    processors = [table.c[name].type._cached_bind_processor(connection.dialect) for name in order]
    picks = [names.index(name) for name in order]
    sql, done = str(compiled), 0
    for chunk in _tuple_chunks(rows, names, chunk_size):
        # Column by column: a processed value is reused for equal values (one ``now`` for every
        # row's created_at, a handful of dates and enums).
        columns = [
            _processed(process, [row[j] for row in chunk])
            for process, j in zip(processors, picks, strict=True)
        ]
        connection.exec_driver_sql(sql, list(zip(*columns, strict=True)))
        done += len(chunk)
        if on_chunk is not None:
            on_chunk(len(chunk))
    return done


def _executemany_core(
    connection: Connection,
    table: Table,
    rows: Iterator[Any],
    names: list[str],
    chunk_size: int,
    on_chunk: Callable[[int], None] | None,
) -> int:
    statement = insert(table)
    done = 0
    for chunk in chunks(rows, chunk_size):
        params = [
            {name: row[name] for name in names}
            if isinstance(row, Mapping)
            else dict(zip(names, row, strict=True))
            for row in chunk
        ]
        connection.execute(statement, params)
        done += len(chunk)
        if on_chunk is not None:
            on_chunk(len(chunk))
    return done


def _copy(
    connection: Connection,
    table: Table,
    rows: Iterator[Any],
    names: list[str],
    chunk_size: int,
    on_chunk: Callable[[int], None] | None,
) -> int:
    quote = connection.dialect.identifier_preparer
    sql = (
        f"COPY {quote.format_table(table)} ({', '.join(quote.quote(n) for n in names)}) FROM STDIN"
    )
    raw = connection.connection.driver_connection
    assert raw is not None
    done = pending = 0
    with raw.cursor() as cursor, cursor.copy(sql) as copy:
        for row in _as_tuples(rows, names):
            copy.write_row(row)
            pending += 1
            if pending == chunk_size:
                done, pending = done + pending, 0
                if on_chunk is not None:
                    on_chunk(chunk_size)
    if on_chunk is not None and pending:
        on_chunk(pending)
    return done + pending


def bulk_insert(
    connection: Connection,
    table: Table,
    rows: Rows,
    *,
    columns: Sequence[str] | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    on_chunk: Callable[[int], None] | None = None,
) -> int:
    """Insert ``rows`` into ``table`` in the connection's transaction; return how many.

    Rows are mappings (column → value) or sequences in ``columns`` order (default: the keys of the
    first mapping, or the table's own column order for sequences). Values go in as given: ids too,
    so on PostgreSQL call :func:`reset_id_sequence` after inserting explicit ids. ``on_chunk`` is
    called with the number of rows after each chunk (for progress bars).
    """
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        return 0
    names = _column_names(table, first, columns)
    everything = chain([first], iterator)
    if uses_copy(connection):
        return _copy(connection, table, everything, names, chunk_size, on_chunk)
    return _executemany(connection, table, everything, names, chunk_size, on_chunk)


def reset_id_sequence(connection: Connection, table: Table, column: str = "id") -> None:
    """After explicit ids on PostgreSQL, move the column's sequence past the largest id."""
    if connection.dialect.name != "postgresql":
        return
    quote = connection.dialect.identifier_preparer
    connection.execute(
        text(
            f"SELECT setval(pg_get_serial_sequence(:table, :column), max({quote.quote(column)})) "
            f"FROM {quote.format_table(table)}"
        ),
        {"table": quote.format_table(table), "column": column},
    )


_FOREIGN_KEYS = text(
    "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) "
    "FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(CAST(:tables AS regclass[])) "
    "ORDER BY 1, 2"
)
# Plain indexes only: primary keys and unique constraints stay, so duplicates still fail at once.
_PLAIN_INDEXES = text(
    "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
    "WHERE i.indrelid = ANY(CAST(:tables AS regclass[])) AND NOT i.indisprimary "
    "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1"
)


@contextmanager
def checks_after_load(connection: Connection, tables: Sequence[Table]) -> Iterator[None]:
    """On PostgreSQL, drop the foreign keys and plain indexes of ``tables`` for the load and
    restore them afterwards (a no-op elsewhere).

    Row-by-row foreign-key triggers make ``COPY`` about four times slower; re-adding a constraint
    checks every row in one pass instead, so nothing goes unchecked (PostgreSQL manual, "Populating a
    Database"). DDL is transactional: if the load fails, rolling back restores everything. The
    ``ALTER TABLE`` locks shut other writers out of these tables, so use it only for loads into
    tables nobody else is writing (demo data, a first import).
    """
    if connection.dialect.name != "postgresql":
        yield
        return
    names = {"tables": [table.name for table in tables]}
    foreign_keys = connection.execute(_FOREIGN_KEYS, names).all()
    indexes = connection.execute(_PLAIN_INDEXES, names).all()
    for table, constraint, _ in foreign_keys:
        connection.exec_driver_sql(f"ALTER TABLE {table} DROP CONSTRAINT {constraint}")
    for index, _ in indexes:
        connection.exec_driver_sql(f"DROP INDEX {index}")
    yield
    for _, definition in indexes:
        connection.exec_driver_sql(definition)
    for table, constraint, definition in foreign_keys:
        connection.exec_driver_sql(f"ALTER TABLE {table} ADD CONSTRAINT {constraint} {definition}")
