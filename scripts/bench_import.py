#!/usr/bin/env python3
"""Benchmark the roster import (parse → validate → plan → bulk write → commit) against raw driver
inserts of the same rows.

For each backend and size, a fresh database is migrated and given the reference geography, and a
CSV roster of N rows (one new person per row, 20 people per project, every person with a phone)
is imported through ``imports.service.run_import`` and committed. The rows the import wrote
(person, person_version, community_group, project, participation, group_membership) are then read
back and inserted, as stored, into a second fresh database with the raw driver in one transaction:
``sqlite3`` ``executemany`` (the application's pragmas) or psycopg ``executemany``.

    .venv/bin/python scripts/bench_import.py --rows 100000 1000000 \\
        --postgresql postgresql+psycopg://postgres@localhost:5432/test

The PostgreSQL URL is only used to create and drop ``maeul_bench_import`` and ``maeul_bench_raw``.
"""

from __future__ import annotations

import argparse
import csv
import io
import resource
import sqlite3
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


def run_import(url: str, content: bytes) -> tuple[float, dict[str, int]]:
    engine = make_engine(url)
    with Session(engine) as session:
        started = time.perf_counter()
        outcome = service.run_import(
            session, content=content, filename="bench.csv", district_code="11110", actor=None
        )
        session.commit()
        seconds = time.perf_counter() - started
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
    started = time.perf_counter()
    target.execute("BEGIN")
    raw_insert(data, target.executemany, "?")
    target.execute("COMMIT")
    raw_seconds = time.perf_counter() - started
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--postgresql", help="admin URL of a PostgreSQL server")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
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
