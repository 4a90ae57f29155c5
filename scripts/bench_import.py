#!/usr/bin/env python3
"""Benchmark the roster import (parse → validate → plan → bulk write → commit) against raw driver
inserts of the same rows; with ``--startup``, ``--cli-rows`` and ``--strict-rows``, the command
line's start-up, a whole-process CLI import and strict mode's peak memory on a large file.

For each backend and size, a fresh database is migrated and given the reference geography, and a
CSV roster of N rows (one new person per row, 20 people per project, every person with a phone)
is imported through ``imports.service.run_import`` and committed. The rows the import wrote
(person, person_version, community_group, project, participation, group_membership) are then read
back and inserted, as stored, into a second fresh database with the raw driver in one transaction:
``sqlite3`` ``executemany`` (the application's pragmas) or psycopg ``executemany``.

    .venv/bin/python scripts/bench_import.py --rows 100000 1000000 \\
        --postgresql postgresql+psycopg://postgres@localhost:5432/test

The PostgreSQL URL is only used to create and drop ``maeul_bench_import`` and ``maeul_bench_raw``.

    .venv/bin/python scripts/bench_import.py --startup --cli-rows 8000 --strict-rows 1000000

``--startup``: ``python -c pass``, ``maeul-db --help`` and ``maeul-db import --help`` as whole
processes (median of 7). ``--cli-rows N``: ``maeul-db import`` of an N-row roster into a fresh
SQLite file as a whole process, beside the service called in-process and raw ``executemany``.
``--strict-rows N``: a strict import of an N-row roster whose third-last row is bad, in a fresh
process: its time and peak memory (``ru_maxrss``); it refuses the file and writes nothing.
``--strict-good-rows N``: the same with every row good: the file is checked in a stream, then read
again and planned and written a chunk at a time (``imports.chunked``) and committed.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import create_engine, text
from sqlmodel import Session

from maeul_db import migrate
from maeul_db.config import get_settings
from maeul_db.db import make_engine
from maeul_db.imports import service
from maeul_db.refdata.service import load_refdata

TABLES = (
    "import_batch",
    "community_group",
    "project",
    "person",
    "person_version",
    "participation",
    "group_membership",
)
DONGS = ("청운효자동", "사직동", "삼청동", "부암동", "평창동", "무악동", "교남동", "가회동")
HEADERS = (
    "사업연도",
    "자치구",
    "행정동",
    "사업명",
    "사업단계",
    "모임명",
    "성명",
    "성별",
    "출생연도",
    "연락처",
    "거주동",
    "역할",
    "참여시작일",
)
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
SYLLABLES = "민서지하도수예현윤준우은연영진주아경재훈"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def roster_csv(rows: int) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for i in range(rows):
        project = i // 20
        name = SURNAMES[i % 20] + SYLLABLES[(i // 20) % 20] + SYLLABLES[(i // 400) % 20]
        writer.writerow(
            (
                2020 + project % 5,
                "종로구",
                DONGS[project % 8],
                f"벤치사업{project}",
                "모임형성" if project % 2 else "활동지원",
                f"벤치모임{project}",
                name,
                "여" if i % 4 else "남",
                1950 + i % 55,
                f"010-{i // 10_000:04d}-{i % 10_000:04d}",
                DONGS[i % 8],
                "대표제안자" if i % 20 == 0 else "참여자",
                f"{2020 + project % 5}-03-01",
            )
        )
    return out.getvalue().encode("utf-8")


def prepare(url: str) -> None:
    migrate.upgrade(url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        load_refdata(session, Path(get_settings().refdata_dir))
        session.commit()
    engine.dispose()


CPU: dict[str, float] = {}  # the last run's CPU seconds in this process (a loaded machine's wall
# times say little; CPU time says what the work cost)


def run_import(url: str, content: bytes) -> tuple[float, dict[str, int]]:
    engine = make_engine(url)
    with Session(engine) as session:
        started, cpu = time.perf_counter(), time.process_time()
        outcome = service.run_import(
            session, content=content, filename="bench.csv", district_code="11110", actor=None
        )
        session.commit()
        seconds = time.perf_counter() - started
        CPU["import"] = time.process_time() - cpu
    engine.dispose()
    report = outcome.report
    assert report.rejected_rows == 0 and report.committed == report.rows_read, report.rejected[:3]
    return seconds, report.created.model_dump()


def raw_insert(
    rows: dict[str, tuple[list[str], list[Any]]],
    executemany: Callable[[str, list[Any]], Any],
    mark: str,
) -> None:
    for table in TABLES:
        columns, values = rows[table]
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join([mark] * len(columns))})"
        )
        executemany(sql, values)


def read_back(
    fetch: Callable[[str], tuple[list[str], list[Any]]],
) -> dict[str, tuple[list[str], list[Any]]]:
    return {table: fetch(table) for table in TABLES}


def bench_sqlite(rows: int, content: bytes, directory: Path) -> dict[str, Any]:
    imported, raw = directory / f"import_{rows}.db", directory / f"raw_{rows}.db"
    for path in (imported, raw):
        prepare(f"sqlite:///{path}")
    log(f"[sqlite {rows:,}] import …")
    seconds, created = run_import(f"sqlite:///{imported}", content)
    source = sqlite3.connect(imported)

    def fetch(table: str) -> tuple[list[str], list[Any]]:
        cursor = source.execute(f"SELECT * FROM {table}")
        return [d[0] for d in cursor.description], cursor.fetchall()

    data = read_back(fetch)
    source.close()
    log(f"[sqlite {rows:,}] raw sqlite3 executemany …")
    target = sqlite3.connect(raw, isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=FULL"):
        target.execute(f"PRAGMA {pragma}")
    started, cpu = time.perf_counter(), time.process_time()
    target.execute("BEGIN")
    raw_insert(data, target.executemany, "?")
    target.execute("COMMIT")
    raw_seconds = time.perf_counter() - started
    CPU["raw"] = time.process_time() - cpu
    target.close()
    return {
        "backend": "SQLite",
        "rows": rows,
        "import_s": seconds,
        "raw_s": raw_seconds,
        "table_rows": sum(len(v) for _, v in data.values()),
        "created": created,
    }


def _pg_database(admin_url: str, name: str) -> str:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def _drop(admin_url: str, name: str) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def bench_postgresql(rows: int, content: bytes, admin_url: str) -> dict[str, Any]:
    imported = _pg_database(admin_url, "maeul_bench_import")
    raw = _pg_database(admin_url, "maeul_bench_raw")
    try:
        for url in (imported, raw):
            prepare(url)
        log(f"[postgresql {rows:,}] import …")
        seconds, created = run_import(imported, content)
        plain = imported.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain) as source:

            def fetch(table: str) -> tuple[list[str], list[Any]]:
                cursor = source.execute(f"SELECT * FROM {table}")
                return [d.name for d in cursor.description or []], cursor.fetchall()

            data = read_back(fetch)
        log(f"[postgresql {rows:,}] raw psycopg executemany …")
        with psycopg.connect(raw.replace("postgresql+psycopg://", "postgresql://")) as target:
            started = time.perf_counter()
            with target.cursor() as cursor:
                raw_insert(data, cursor.executemany, "%s")
            target.commit()
            raw_seconds = time.perf_counter() - started
    finally:
        _drop(admin_url, "maeul_bench_import")
        _drop(admin_url, "maeul_bench_raw")
    return {
        "backend": "PostgreSQL",
        "rows": rows,
        "import_s": seconds,
        "raw_s": raw_seconds,
        "table_rows": sum(len(v) for _, v in data.values()),
        "created": created,
    }


def _child_env(url: str | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    env["MAEUL_IMPORT_MAX_ROWS"] = "5000000"
    if url is not None:
        env["MAEUL_DATABASE_URL"] = url
    return env


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float, int]:
    """Run ``command`` to its end: (wall s, cpu s, peak MiB, exit code), from the kernel's own
    accounting of that one process (wait4)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, process.returncode


def _median_of(command: list[str], env: dict[str, str], runs: int = 7) -> tuple[float, float]:
    _timed(command, env)  # warm-up (file cache, .pyc)
    results = [_timed(command, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def bench_startup() -> None:
    env = _child_env()
    python = sys.executable
    cli = [python, "-m", "maeul_db.cli"]
    print("| command (whole process) | wall, median of 7 | CPU, median of 7 |")
    print("|---|---:|---:|")
    for label, command in (
        ("python -c pass", [python, "-c", "pass"]),
        ("maeul-db --help", [*cli, "--help"]),
        ("maeul-db import --help", [*cli, "import", "--help"]),
        ("maeul-db training --help", [*cli, "training", "--help"]),
    ):
        wall, cpu = _median_of(command, env)
        print(f"| `{label}` | {wall:.3f} s | {cpu:.3f} s |")


def bench_cli(rows: int, directory: Path) -> None:
    path = directory / "cli_roster.csv"
    path.write_bytes(roster_csv(rows))
    timings = []
    for attempt in range(3):
        url = f"sqlite:///{directory / f'cli_{rows}_{attempt}.db'}"
        prepare(url)
        command = [sys.executable, "-m", "maeul_db.cli", "import", str(path), "--district", "11110"]
        timings.append(_timed(command, _child_env(url)))
        assert timings[-1][3] == 0, "the CLI import failed"
    wall = statistics.median(t[0] for t in timings)
    cpu = statistics.median(t[1] for t in timings)
    in_process = bench_sqlite(rows, roster_csv(rows), directory)
    print(f"\n| {rows:,}-row roster, SQLite (CLI: median of 3) | wall | CPU |")
    print("|---|---:|---:|")
    print(f"| `maeul-db import` whole process | {wall:.2f} s | {cpu:.2f} s |")
    print(
        f"| `run_import` in-process incl. commit | {in_process['import_s']:.2f} s "
        f"| {CPU['import']:.2f} s |"
    )
    print(
        f"| raw sqlite3 executemany of the same rows | {in_process['raw_s']:.2f} s "
        f"| {CPU['raw']:.2f} s |"
    )


def _bad_near_end(rows: int) -> bytes:
    lines = roster_csv(rows).split(b"\n")
    cells = lines[rows - 2].split(b",")
    cells[8] = b"3000"  # birth year after the project year: refused
    lines[rows - 2] = b",".join(cells)
    return b"\n".join(lines)


def child_strict(path: str, *, commit: bool = False) -> None:
    """(In a fresh process) a strict import of ``path``; prints what it did as JSON."""
    from maeul_db.db import get_engine

    content = Path(path).read_bytes()
    started = time.perf_counter()
    with Session(get_engine()) as session:
        outcome = service.run_import(
            session, content=content, filename="strict.csv", district_code="11110", actor=None
        )
        if commit and outcome.report.batch_id is not None:
            session.commit()
    report = outcome.report
    Path(path + ".json").write_text(
        json.dumps(
            {
                "seconds": time.perf_counter() - started,
                "rows_read": report.rows_read,
                "committed": report.committed,
                "created": report.created.model_dump(),
                "rejected": [(r.row, r.column, r.code) for r in report.rejected],
                "batch_id": report.batch_id,
            }
        )
    )


def bench_strict(rows: int, directory: Path, *, good: bool = False) -> None:
    path = directory / ("strict_good.csv" if good else "strict.csv")
    path.write_bytes(roster_csv(rows) if good else _bad_near_end(rows))
    url = f"sqlite:///{directory / ('strict_good.db' if good else 'strict.db')}"
    prepare(url)
    flag = "--child-strict-good" if good else "--child-strict"
    command = [sys.executable, __file__, flag, str(path)]
    wall, cpu, peak, code = _timed(command, _child_env(url))
    written = Path(str(path) + ".json")
    result = json.loads(written.read_text()) if written.exists() else {}
    size = path.stat().st_size / 1024 / 1024
    what = "good file" if good else f"bad row {rows - 1}"
    print(f"\n| strict import, {rows:,} rows ({size:,.0f} MiB CSV), {what} | |")
    print("|---|---:|")
    print(f"| whole process, wall | {wall:.1f} s (CPU {cpu:.1f} s, exit {code}) |")
    print(f"| peak memory (ru_maxrss) | {peak:,.0f} MiB |")
    print(f"| rows read, committed | {result.get('rows_read')}, {result.get('committed')} |")
    print(f"| refused | {result.get('rejected')} |")
    print(f"| batch written | {result.get('batch_id')} ({result.get('created')}) |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--postgresql", help="admin URL of a PostgreSQL server")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--startup", action="store_true", help="command-line start-up only")
    parser.add_argument("--cli-rows", type=int, help="whole-process CLI import of N rows")
    parser.add_argument("--strict-rows", type=int, help="strict mode's peak memory on N rows")
    parser.add_argument("--strict-good-rows", type=int, help="the same, every row good: written")
    parser.add_argument("--child-strict", help=argparse.SUPPRESS)
    parser.add_argument("--child-strict-good", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_strict or args.child_strict_good:
        child_strict(
            args.child_strict or args.child_strict_good, commit=bool(args.child_strict_good)
        )
        return
    if args.startup or args.cli_rows or args.strict_rows or args.strict_good_rows:
        if args.startup:
            bench_startup()
        with tempfile.TemporaryDirectory() as tmp:
            if args.cli_rows:
                bench_cli(args.cli_rows, Path(tmp))
            if args.strict_rows:
                bench_strict(args.strict_rows, Path(tmp))
            if args.strict_good_rows:
                bench_strict(args.strict_good_rows, Path(tmp), good=True)
        return
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for rows in args.rows:
            content = roster_csv(rows)
            if not args.skip_sqlite:
                results.append(bench_sqlite(rows, content, Path(tmp)))
            if args.postgresql:
                results.append(bench_postgresql(rows, content, args.postgresql))
    print(
        "| backend | roster rows | table rows written | import incl. commit | roster rows/s "
        "| raw executemany | import / raw |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['backend']} | {r['rows']:,} | {r['table_rows']:,} | {r['import_s']:.1f} s | "
            f"{r['rows'] / r['import_s']:,.0f} | {r['raw_s']:.1f} s | "
            f"{r['raw_s'] / r['import_s']:.2f} |"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of the benchmark process: {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
