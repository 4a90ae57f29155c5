#!/usr/bin/env python3
"""Bounded load test: concurrent access-logged API reads plus one roster import, on SQLite and
PostgreSQL, next to a bare FastAPI endpoint measured in the same run.

For each backend a fresh database gets the migrations, the reference geography, demo data
(``maeul-db demo --scale small``) and the demo logins; the app is started with uvicorn on
127.0.0.1 only. First the bare endpoint (``GET /ping`` of a FastAPI app with nothing else) is
loaded by the same readers for the same time, then the app: each reader, authenticated with the
staff demo account's bearer token, reads a person and their timeline in turn (each read appends an
access-log row). After a short delay one thread uploads a roster of ``--import-rows`` new people to
``POST /api/imports`` while the readers go on. Then the same again, the readers reading lists
without personal data (groups, projects: no access-log row) beside a second roster of new people.
Reported: requests, req/s, p50, p99, server errors (5xx), other failures, each import's status and
time, and whether the access log's chain is intact.

    PYTHONPATH=src .venv/bin/python scripts/load_test.py --duration 20 \\
        --postgresql postgresql+psycopg://postgres@localhost:5432/test

Bounds: loopback only, at most 120 s per phase and 200,000 requests in all per phase. The
PostgreSQL URL is only used to create and drop the database ``maeul_load``. Exit 1 when a server
error happened or an import did not commit.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import create_engine, text

HOST = "127.0.0.1"  # loopback only, never another address
MAX_DURATION_S = 120.0
MAX_REQUESTS = 200_000
PG_DATABASE = "maeul_load"
DEMO_PASSWORD = "maeul-demo-2026"
SCRIPTS = Path(__file__).resolve().parent
ROSTER_HEADERS: tuple[str, ...] = ("사업연도", "자치구", "행정동", "사업명", "사업단계", "모임명")
ROSTER_HEADERS += ("성명", "성별", "출생연도", "연락처", "거주동", "역할", "참여시작일")

bare_app = FastAPI()


@bare_app.get("/ping")
def ping() -> dict[str, bool]:
    """The baseline: FastAPI and uvicorn with no database, no auth, no template."""
    return {"ok": True}


@dataclass
class Phase:
    label: str
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, latency: float, status: int | None, failure: str | None = None) -> None:
        with self.lock:
            self.latencies.append(latency)
            if status is not None:
                self.statuses[status] += 1
            if failure:
                self.failures[failure] += 1

    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def row(self) -> str:
        lat = sorted(self.latencies)
        count = len(lat)

        def pct(p: float) -> float:
            return lat[min(count - 1, int(p * (count - 1) + 0.5))] * 1000 if count else 0.0

        other = sum(n for s, n in self.statuses.items() if s >= 300 and s < 500)
        other += sum(self.failures.values())
        rate = count / self.seconds if self.seconds else 0.0
        return (
            f"| {self.label} | {count} | {rate:.1f} | {pct(0.5):.1f} | {pct(0.99):.1f} "
            f"| {self.server_errors()} | {other} |"
        )


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def maeul(env: dict[str, str], *args: str) -> str:
    command = [str(Path(sys.executable).with_name("maeul-db")), *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr.strip() or done.stdout.strip()}")
    return (done.stdout + done.stderr).strip()


def start(
    target: str, env: dict[str, str], port: int, workers: int, ready: str, *extra: str
) -> Any:
    command = [sys.executable, "-m", "uvicorn", target, "--host", HOST, "--port", str(port)]
    command += ["--workers", str(workers), "--log-level", "warning", *extra]
    server = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://{HOST}:{port}{ready}", timeout=2)
            return server
        except httpx.TransportError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit(f"{target} did not start on port {port}")


def stop(server: Any) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def hammer(
    base: str, paths: list[str], headers: dict[str, str], readers: int, seconds: float, label: str
) -> Phase:
    """``readers`` threads request ``paths`` in turn until the time or the request bound is up."""
    phase, budget = Phase(label), threading.Semaphore(MAX_REQUESTS)
    deadline = time.monotonic() + seconds

    def reader(offset: int) -> None:
        with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
            i = offset
            while time.monotonic() < deadline and budget.acquire(blocking=False):
                started = time.perf_counter()
                try:
                    status: int | None = client.get(paths[i % len(paths)]).status_code
                    failure = None
                except httpx.HTTPError as exc:
                    status, failure = None, type(exc).__name__
                phase.add(time.perf_counter() - started, status, failure)
                i += 1

    started = time.monotonic()
    threads = [threading.Thread(target=reader, args=(n * 7,)) for n in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    phase.seconds = time.monotonic() - started
    return phase


def roster_csv(rows: int, district_name: str, dongs: list[str], start: int = 0) -> bytes:
    """``rows`` new people (numbered from ``start``, so two rosters share nobody)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(ROSTER_HEADERS)
    for i in range(start, start + rows):
        project = i // 20
        writer.writerow(
            (
                2024,
                district_name,
                dongs[project % len(dongs)],
                f"부하시험사업{project}",
                "모임형성",
                f"부하시험모임{project}",
                f"부하{i:06d}",
                "여" if i % 2 else "남",
                1950 + i % 55,
                f"010-9{i // 10_000:03d}-{i % 10_000:04d}",
                dongs[i % len(dongs)],
                "대표제안자" if i % 20 == 0 else "참여자",
                "2024-03-01",
            )
        )
    return out.getvalue().encode("utf-8")


def import_during(
    base: str, headers: dict[str, str], content: bytes, delay: float, out: dict[str, Any]
) -> None:
    time.sleep(delay)
    started = time.perf_counter()
    try:
        response = httpx.post(
            f"{base}/api/imports",
            headers=headers,
            files={"file": ("load_roster.csv", content, "text/csv")},
            timeout=300,
        )
        out["status"] = response.status_code
        out["batch_id"] = response.json().get("batch_id") if response.status_code < 500 else None
    except httpx.HTTPError as exc:
        out["status"], out["batch_id"] = type(exc).__name__, None
    out["seconds"] = time.perf_counter() - started


def during_import(
    root: str,
    headers: dict[str, str],
    paths: list[str],
    roster: bytes,
    args: argparse.Namespace,
    label: str,
    outcome: dict[str, Any],
) -> Phase:
    """``args.readers`` threads read ``paths`` for ``args.duration`` s; one more thread uploads
    ``roster`` a fifth of the way in."""
    importer = threading.Thread(
        target=import_during, args=(root, headers, roster, args.duration / 5, outcome)
    )
    importer.start()
    phase = hammer(root, paths, headers, args.readers, args.duration, label)
    importer.join()
    return phase


def prepare(url: str, env: dict[str, str], scale: str) -> None:
    log(f"preparing {url.split('@')[-1]} (demo --scale {scale})")
    maeul(env, "db", "upgrade")
    refdata = env.get("MAEUL_REFDATA_DIR") or str(SCRIPTS.parent.parent / "shared" / "refdata")
    maeul(env, "refdata", "load", refdata)
    maeul(env, "demo", "--scale", scale)
    maeul(env, "demo-accounts")


def district_details(url: str, code: str) -> tuple[str, list[str]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        name = conn.execute(
            text("SELECT name_ko FROM district WHERE code = :c"), {"c": code}
        ).scalar()
        dongs = conn.execute(
            text(
                "SELECT name_ko FROM dong WHERE district_code = :c AND valid_to IS NULL ORDER BY code LIMIT 8"
            ),
            {"c": code},
        ).scalars()
        result = (str(name), [str(d) for d in dongs])
    engine.dispose()
    return result


def run_backend(label: str, url: str, args: argparse.Namespace) -> list[str]:
    # The run's access-log checkpoints go to a directory of their own: the working tree's would
    # hold another database's checkpoints and fail this run's verification (and be polluted).
    with tempfile.TemporaryDirectory(prefix="maeul-load-ckpt-") as checkpoints:
        env = {**os.environ, "MAEUL_DATABASE_URL": url}
        env["MAEUL_ACCESS_LOG_CHECKPOINT_DIR"] = checkpoints
        return measure_backend(label, url, env, args)


def measure_backend(
    label: str, url: str, env: dict[str, str], args: argparse.Namespace
) -> list[str]:
    prepare(url, env, args.scale)
    lines: list[str] = []
    port = free_port()
    bare = start("load_test:bare_app", env, port, args.workers, "/ping", "--app-dir", str(SCRIPTS))
    try:
        base = hammer(f"http://{HOST}:{port}", ["/ping"], {}, args.readers, args.duration, "bare")
    finally:
        stop(bare)
    port = free_port()
    app = start("maeul_db.app:create_app", env, port, args.workers, "/login", "--factory")
    try:
        root = f"http://{HOST}:{port}"
        token = httpx.post(
            f"{root}/api/auth/token", data={"username": "staff", "password": DEMO_PASSWORD}
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        me = httpx.get(f"{root}/api/auth/me", headers=headers).json()
        people = httpx.get(f"{root}/api/people?limit=200", headers=headers).json()["data"]
        paths = [
            p
            for person in people
            for p in (f"/api/people/{person['id']}", f"/api/people/{person['id']}/timeline")
        ]
        name, dongs = district_details(url, me["district_code"])
        outcome: dict[str, Any] = {}
        phase = during_import(
            root,
            headers,
            paths,
            roster_csv(args.import_rows, name, dongs),
            args,
            "app reads",
            outcome,
        )
        # The same, reading lists without personal data (no access-log row): on SQLite these
        # need no lock at all, so they show what the import itself costs a reader.
        plain_paths = ["/api/groups?limit=50", "/api/projects?limit=50"]
        plain_roster = roster_csv(args.import_rows, name, dongs, start=args.import_rows)
        plain_outcome: dict[str, Any] = {}
        plain = during_import(
            root,
            headers,
            plain_paths,
            plain_roster,
            args,
            "app reads, no personal data",
            plain_outcome,
        )
    finally:
        stop(app)
    chain = maeul(env, "verify-access-log").strip()
    lines += [
        f"### {label}",
        "",
        "| target | requests | req/s | p50 ms | p99 ms | 5xx | other |",
        "|---|---|---|---|---|---|---|",
        base.row(),
        phase.row(),
        plain.row(),
        "",
    ]
    for kind, result in (("app reads", outcome), ("no personal data", plain_outcome)):
        lines.append(
            f"Import of {args.import_rows} rows during the load ({kind}): HTTP "
            f"{result.get('status')}, batch {result.get('batch_id')}, "
            f"{result.get('seconds', 0):.1f} s."
        )
    lines += ["", f"{chain}.", ""]
    errors = phase.server_errors() + plain.server_errors()
    ok = errors == 0 and outcome.get("status") == plain_outcome.get("status") == 201
    lines.append("Result: " + ("0 server errors, imports committed" if ok else "FAILED"))
    lines.append("")
    args.failed = args.failed or not ok
    return lines


def postgres_url(admin_url: str) -> str:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{PG_DATABASE}"'))
    admin.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{PG_DATABASE}"


def drop_postgres(admin_url: str) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)'))
    admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per phase")
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--import-rows", type=int, default=20_000)
    parser.add_argument("--scale", choices=("small", "district"), default="small")
    parser.add_argument("--postgresql", help="admin URL of a PostgreSQL server (optional)")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    args.duration = min(max(args.duration, 1.0), MAX_DURATION_S)
    args.readers = min(max(args.readers, 1), 64)
    args.failed = False
    lines: list[str] = []
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            lines += run_backend("SQLite (file, WAL)", f"sqlite:///{tmp}/load.db", args)
    if args.postgresql:
        try:
            lines += run_backend("PostgreSQL", postgres_url(args.postgresql), args)
        finally:
            drop_postgres(args.postgresql)
    print("\n".join(lines))
    return 1 if args.failed else 0


if __name__ == "__main__":
    sys.exit(main())
