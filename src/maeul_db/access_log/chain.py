"""The access log's keyed hash chain, its signed checkpoints and its verification.

Each row's ``row_hash`` is HMAC-SHA256, keyed with a secret kept out of the database
(``Settings.access_log_secret``), over the previous row's hash and this row's canonical content.
Whoever can write the table but not read the key can neither edit a row and recompute the hashes
after it nor append forged rows. A chain alone cannot show a deleted *tail* (the remaining rows
still fit), so the head (row count, last id, hash) is written now and then as a signed checkpoint
into a directory outside the database; verification checks the table against the latest one.

Rows written before the key existed carry an unkeyed SHA-256 digest. They verify as a *legacy
prefix* only: once a keyed row has been seen, an unkeyed row is a forgery. The first keyed row
chains onto the last legacy row, so it seals them (docs/security.md, "Log tampering").
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, func
from sqlmodel import Session, col, select

from maeul_db.config import get_settings
from maeul_db.kit.time import utcnow
from maeul_db.models import AccessLog

GENESIS = "0" * 64


def _as_utc(moment: datetime) -> datetime:
    # SQLite hands timestamps back without a zone; they were written in UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _canonical(row: AccessLog, prev_hash: str) -> bytes:
    content = {
        "at": _as_utc(row.at).isoformat(timespec="microseconds"),
        "actor_user_id": row.actor_user_id,
        "actor_username": row.actor_username,
        "source_address": row.source_address,
        "action": row.action,
        "purpose": row.purpose,
        "district_code": row.district_code,
        "person_ids": row.person_ids,
    }
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"{prev_hash}|{canonical}".encode()


def row_digest(row: AccessLog, prev_hash: str, key: bytes | None = None) -> str:
    """The keyed digest every new row carries (``key`` defaults to the configured one)."""
    secret = key if key is not None else get_settings().access_log_secret()
    return hmac.new(secret, _canonical(row, prev_hash), hashlib.sha256).hexdigest()


def legacy_digest(row: AccessLog, prev_hash: str) -> str:
    """The unkeyed digest of rows written before the chain was keyed."""
    return hashlib.sha256(_canonical(row, prev_hash)).hexdigest()


# --- checkpoints ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    rows: int
    last_id: int
    head: str
    at: str


def _sign(body: dict[str, Any], key: bytes) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(key, b"checkpoint|" + canonical, hashlib.sha256).hexdigest()


def write_checkpoint(directory: Path, checkpoint: Checkpoint, key: bytes | None = None) -> Path:
    secret = key if key is not None else get_settings().access_log_secret()
    body = {"rows": checkpoint.rows, "last_id": checkpoint.last_id, "head": checkpoint.head}
    body["at"] = checkpoint.at
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"checkpoint-{checkpoint.last_id:012d}.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({**body, "signature": _sign(body, secret)}) + "\n", encoding="utf-8")
    tmp.replace(path)  # atomic: a reader never sees half a checkpoint
    return path


def read_checkpoints(
    directory: Path, key: bytes | None = None
) -> tuple[list[Checkpoint], list[str]]:
    """Every checkpoint in ``directory`` (oldest first) and the names of files whose signature
    does not verify (a forged or edited checkpoint is itself a finding)."""
    secret = key if key is not None else get_settings().access_log_secret()
    good: list[Checkpoint] = []
    bad: list[str] = []
    for path in sorted(directory.glob("checkpoint-*.json")) if directory.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            body = {k: data[k] for k in ("rows", "last_id", "head", "at")}
            valid = hmac.compare_digest(str(data["signature"]), _sign(body, secret))
        except (ValueError, KeyError, TypeError):
            valid = False
        if valid:
            good.append(
                Checkpoint(
                    int(body["rows"]), int(body["last_id"]), str(body["head"]), str(body["at"])
                )
            )
        else:
            bad.append(path.name)
    good.sort(key=lambda c: c.last_id)
    return good, bad


def head(session: Session) -> Checkpoint | None:
    """The log's current head, or None when the log is empty."""
    last = session.exec(select(AccessLog).order_by(col(AccessLog.id).desc()).limit(1)).first()
    if last is None or last.id is None:
        return None
    rows = session.exec(select(func.count()).select_from(AccessLog)).one()
    return Checkpoint(int(rows), last.id, last.row_hash, utcnow().isoformat())


def checkpoint_now(session: Session, directory: Path | None = None) -> Checkpoint | None:
    """Write a checkpoint of the current head (the CLI's ``--checkpoint``); None when empty."""
    current = head(session)
    if current is not None:
        write_checkpoint(directory or get_settings().access_log_checkpoint_dir, current)
    return current


def checkpoint_after_commit(session: Session, row: AccessLog) -> None:
    """Every N-th row (by id), write a checkpoint once the transaction that added it commits:
    a checkpoint of a row that is then rolled back would look like a deleted tail."""
    settings = get_settings()
    every = settings.access_log_checkpoint_every
    if every <= 0 or row.id is None or row.id % every:
        return
    current = head(session)
    if current is None:
        return
    directory = settings.access_log_checkpoint_dir

    def _write(_session: Session) -> None:
        write_checkpoint(directory, current)

    event.listen(session, "after_commit", _write, once=True)


# --- verification --------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    rows: int
    first_bad_id: int | None = None
    reason: str | None = None
    legacy_rows: int = 0
    checkpoint: Checkpoint | None = None


def _walk(session: Session, key: bytes) -> tuple[ChainCheck, dict[int, tuple[int, str]]]:
    """The chain in id order; also each row's (position, hash) for the checkpoint check."""
    prev_hash, count, legacy, keyed_seen = GENESIS, 0, 0, False
    seen: dict[int, tuple[int, str]] = {}
    for row in session.exec(select(AccessLog).order_by(col(AccessLog.id))):
        count += 1
        if row.prev_hash != prev_hash:
            reason = "previous-hash link broken (a row was removed or inserted)"
            return ChainCheck(False, count, row.id, reason, legacy), seen
        if hmac.compare_digest(row_digest(row, prev_hash, key), row.row_hash):
            keyed_seen = True
        elif not keyed_seen and legacy_digest(row, prev_hash) == row.row_hash:
            legacy += 1  # written before the key existed; sealed by the first keyed row
        else:
            reason = "row content does not match its keyed hash (row changed or forged)"
            return ChainCheck(False, count, row.id, reason, legacy), seen
        assert row.id is not None
        seen[row.id] = (count, row.row_hash)
        prev_hash = row.row_hash
    return ChainCheck(True, count, legacy_rows=legacy), seen


def verify_chain(session: Session, *, checkpoint_dir: Path | None = None) -> ChainCheck:
    """Recompute every hash in id order, then hold the table against the latest checkpoint:
    report the first row that does not fit, or a missing tail / truncation."""
    settings = get_settings()
    key = settings.access_log_secret()
    check, seen = _walk(session, key)
    if not check.ok:
        return check
    checkpoints, forged = read_checkpoints(
        checkpoint_dir or settings.access_log_checkpoint_dir, key
    )
    if forged:
        return ChainCheck(False, check.rows, None, f"checkpoint signature invalid: {forged[0]}")
    if not checkpoints:
        return check
    latest = checkpoints[-1]
    found = seen.get(latest.last_id)
    if found is None or found[0] != latest.rows:
        reason = (
            f"rows missing: checkpoint of {latest.at} saw {latest.rows} rows up to id "
            f"{latest.last_id}; the log has {check.rows} rows"
            + (" (truncated)" if check.rows == 0 else " (tail deleted or rows removed)")
        )
        return ChainCheck(False, check.rows, latest.last_id, reason, check.legacy_rows, latest)
    if found[1] != latest.head:
        reason = (
            f"row {latest.last_id} differs from the checkpoint of {latest.at} (chain rewritten)"
        )
        return ChainCheck(False, check.rows, latest.last_id, reason, check.legacy_rows, latest)
    return ChainCheck(True, check.rows, legacy_rows=check.legacy_rows, checkpoint=latest)
