#!/usr/bin/env python3
"""Benchmark the demo generator against raw driver inserts of the same rows.

For each backend, two fresh databases are migrated and given the reference geography. The first is
filled by ``generate_demo`` (generation + bulk path + commit); the second gets the very same rows
(same scale and seed), generated again outside the timing, inserted with the raw driver:
``sqlite3`` ``executemany`` (same pragmas as the application's engine) or psycopg ``executemany``.

    .venv/bin/python scripts/bench_demo.py --scale seoul
    .venv/bin/python scripts/bench_demo.py --scale seoul \\
        --postgresql postgresql+psycopg://postgres@localhost:5432/test

The PostgreSQL URL names a server and a database to connect to for administration; the benchmark
creates its own databases (``maeul_bench_demo``, ``maeul_bench_raw``) and drops them afterwards.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine, create_engine, text
from sqlmodel import Session

from maeul_db import migrate
from maeul_db.config import get_settings
from maeul_db.db import make_engine
from maeul_db.demo import generate_demo
from maeul_db.demo.dataset import COLUMNS, WRITE_ORDER, DemoData
from maeul_db.demo.generator import generate
from maeul_db.demo.reference import read_reference
from maeul_db.demo.scales import get_scale
from maeul_db.demo.writer import RESTORE_STEP
from maeul_db.models import metadata
from maeul_db.refdata.service import load_refdata


@dataclass
class Result:
    backend: str
    rows: dict[str, int]
    demo_seconds: dict[str, float]
    demo_total: float  # wall clock of generate_demo: generation, writing, commit
    generate_seconds: float
    raw_seconds: dict[str, float] = field(default_factory=dict)
    raw_commit: float = 0.0
    peak_mib: float = 0.0


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def prepare(url: str) -> Engine:
    """Migrate and load the reference geography, as a new installation would."""
    migrate.upgrade(url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        load_refdata(session, Path(get_settings().refdata_dir))
        session.commit()
    return engine


def in_fresh_process(function: Callable[..., Any], *args: Any) -> Any:
    """Run ``function`` in a newly spawned interpreter, so its peak memory is its own."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def demo_phase(url: str, scale: str, seed: int, backend: str) -> Result:
    engine = prepare(url)
    log(f"[{backend}] generate_demo scale={scale} seed={seed} …")
    started = time.perf_counter()
    summary = generate_demo(engine, scale=scale, seed=seed)
    total = time.perf_counter() - started
    engine.dispose()
    return Result(
        backend,
        summary.rows,
        summary.write_seconds,
        total,
        summary.generate_seconds,
        peak_mib=peak_mib(),
    )


def same_rows(engine: Engine, scale: str, seed: int) -> DemoData:
    with engine.connect() as connection:
        reference = read_reference(connection)
    return generate(reference, get_scale(scale), seed)


def sqlite_values(engine: Engine, data: DemoData) -> dict[str, list[tuple[Any, ...]]]:
    """The rows as the application stores them: SQLAlchemy's own bind conversions, applied up front
    so that the raw timing measures the driver alone."""
    dialect = engine.dialect
    converted = {}
    for name in WRITE_ORDER:
        table = metadata.tables[name]
        processors = [
            table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in COLUMNS[name]
        ]
        converted[name] = [
            tuple(
                p(v) if p is not None and v is not None else v
                for p, v in zip(processors, row, strict=True)
            )
            for row in data.rows[name]
        ]
    return converted


def timed_inserts(
    rows: dict[str, list[Any]], executemany: Callable[[str, list[Any]], Any], placeholder: str
) -> dict[str, float]:
    seconds = {}
    for name in WRITE_ORDER:
        columns = COLUMNS[name]
        sql = (
            f"INSERT INTO {name} ({', '.join(columns)}) "
            f"VALUES ({', '.join([placeholder] * len(columns))})"
        )
        started = time.perf_counter()
        executemany(sql, rows[name])
        seconds[name] = time.perf_counter() - started
    return seconds


def raw_sqlite_phase(path: Path, scale: str, seed: int) -> tuple[dict[str, float], float]:
    engine = prepare(f"sqlite:///{path}")
    log("[sqlite] raw sqlite3 executemany of the same rows …")
    rows = sqlite_values(engine, same_rows(engine, scale, seed))
    engine.dispose()
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=5000", "synchronous=FULL"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute("BEGIN")
    seconds = timed_inserts(rows, connection.executemany, "?")
    started = time.perf_counter()
    connection.execute("COMMIT")
    commit = time.perf_counter() - started
    connection.close()
    return seconds, commit


def raw_postgresql_phase(url: str, scale: str, seed: int) -> tuple[dict[str, float], float]:
    engine = prepare(url)
    log("[postgresql] raw psycopg executemany of the same rows …")
    data = same_rows(engine, scale, seed)
    engine.dispose()
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as connection:
        with connection.cursor() as cursor:
            seconds = timed_inserts(data.rows, cursor.executemany, "%s")
        started = time.perf_counter()
        connection.commit()
        return seconds, time.perf_counter() - started


def bench_sqlite(workdir: Path, scale: str, seed: int) -> Result:
    result: Result = in_fresh_process(
        demo_phase, f"sqlite:///{workdir / 'demo.db'}", scale, seed, "sqlite"
    )
    result.raw_seconds, result.raw_commit = in_fresh_process(
        raw_sqlite_phase, workdir / "raw.db", scale, seed
    )
    return result


def _pg_database(admin_url: str, name: str, *, drop_only: bool = False) -> str:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if not drop_only:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def bench_postgresql(admin_url: str, scale: str, seed: int) -> Result:
    names = ("maeul_bench_demo", "maeul_bench_raw")
    try:
        demo_url, raw_url = (_pg_database(admin_url, name) for name in names)
        result: Result = in_fresh_process(demo_phase, demo_url, scale, seed, "postgresql")
        result.raw_seconds, result.raw_commit = in_fresh_process(
            raw_postgresql_phase, raw_url, scale, seed
        )
        return result
    finally:
        for name in names:
            _pg_database(admin_url, name, drop_only=True)


def report(result: Result) -> None:
    def rate(rows: int, seconds: float) -> str:
        return f"{rows / seconds:,.0f}" if seconds > 0 else "–"

    print(f"\n### {result.backend}\n")
    print("| table | rows | demo s | demo rows/s | raw s | raw rows/s | demo / raw |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in WRITE_ORDER:
        rows, demo, raw = result.rows[name], result.demo_seconds[name], result.raw_seconds[name]
        ratio = f"{raw / demo:.2f}" if demo > 0 and rows >= 1000 else "–"
        print(
            f"| {name} | {rows:,} | {demo:.2f} | {rate(rows, demo)} | {raw:.2f} | "
            f"{rate(rows, raw)} | {ratio} |"
        )
    if RESTORE_STEP in result.demo_seconds:
        print(f"| ({RESTORE_STEP}) | | {result.demo_seconds[RESTORE_STEP]:.2f} | | | | |")
    total = sum(result.rows.values())
    # Everything but generation: checks, inserts, index and foreign-key rebuilds, audit row, commit.
    demo_write = result.demo_total - result.generate_seconds
    raw_write = sum(result.raw_seconds.values()) + result.raw_commit
    print(
        f"| **all tables, with commit** | {total:,} | {demo_write:.1f} | {rate(total, demo_write)} "
        f"| {raw_write:.1f} | {rate(total, raw_write)} | {raw_write / demo_write:.2f} |"
    )
    print(f"\n- generation (pure Python): {result.generate_seconds:.1f} s")
    print(
        f"- generate_demo end to end (generation + writing + commit): {result.demo_total:.1f} s, "
        f"{rate(total, result.demo_total)} rows/s overall"
    )
    print(f"- raw commit: {result.raw_commit:.2f} s (included in the raw writing time)")
    print(
        f"- peak memory (maxrss) of the process that ran generate_demo (migrations and "
        f"reference data included): {result.peak_mib:,.0f} MiB"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scale", default="seoul", choices=("small", "district", "seoul"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--postgresql", metavar="URL", help="also benchmark PostgreSQL on this server (admin URL)"
    )
    parser.add_argument(
        "--workdir", type=Path, help="where the SQLite files go (default: a temp dir)"
    )
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args(argv)
    print(
        f"# demo benchmark: scale={args.scale} seed={args.seed} "
        f"python={sys.version.split()[0]} sqlite={sqlite3.sqlite_version}"
    )
    results = []
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory(dir=args.workdir) as directory:
            results.append(bench_sqlite(Path(directory), args.scale, args.seed))
            report(results[-1])
    if args.postgresql:
        results.append(bench_postgresql(args.postgresql, args.scale, args.seed))
        report(results[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
