"""The access log: who read or exported whose personal data, hash-chained so tampering shows.

Each row's ``row_hash`` is SHA-256 over the previous row's hash and this row's canonical content.
Changing, inserting or deleting a row in the middle breaks the chain at that point; the database
triggers (migration 1) refuse UPDATE and DELETE from the application in the first place.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text
from sqlmodel import Session, col, select

from maeul_db.auth import policies
from maeul_db.core.context import Door, current_origin
from maeul_db.core.scope import district_scoped
from maeul_db.errors import Forbidden
from maeul_db.kit.pagination import Page, paginate
from maeul_db.kit.time import utcnow
from maeul_db.models import AccessLog, Role, UserAccount

GENESIS = "0" * 64
# Any constant works; it only has to be the same for every writer of this log.
_PG_CHAIN_LOCK = 7_202_611


def _encode_people(person_ids: Iterable[int]) -> str:
    """``,3,17,`` so a person's rows are found with LIKE '%,17,%'."""
    ids = sorted({int(i) for i in person_ids})
    return f",{','.join(map(str, ids))}," if ids else ""


def _as_utc(moment: datetime) -> datetime:
    # SQLite hands timestamps back without a zone; they were written in UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def row_digest(row: AccessLog, prev_hash: str) -> str:
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
    return hashlib.sha256(f"{prev_hash}|{canonical}".encode()).hexdigest()


def _last_hash(session: Session) -> str:
    # The row is appended in the reader's own transaction, so a read that is shown is a read that
    # is logged (both commit or neither). Two appenders must never chain onto the same previous
    # row: SQLite transactions already hold the only write lock (``db``: BEGIN IMMEDIATE), so
    # concurrent readers queue for it instead of failing; PostgreSQL takes an advisory lock.
    if session.get_bind().dialect.name == "postgresql":
        session.exec(text(f"SELECT pg_advisory_xact_lock({_PG_CHAIN_LOCK})"))  # type: ignore[call-overload]
    last = session.exec(
        select(AccessLog.row_hash).order_by(col(AccessLog.id).desc()).limit(1)
    ).first()
    return last or GENESIS


def record(
    session: Session,
    *,
    actor: UserAccount,
    action: str,
    person_ids: Iterable[int],
    source_address: str | None = None,
    purpose: str | None = None,
    outside_register: bool = False,
) -> AccessLog | None:
    """Append one row for a read or export of personal data; nothing when no person was shown,
    unless ``outside_register``: the output names people who need not be in the register (an
    import's rejected rows), so the read is recorded even when no person id can be given.

    Services call this themselves, whatever door called them; the source address comes from the
    request's origin (``core.context``) unless a caller passes one. A command or job has no peer
    address, so its door's name (``cli``, ``job``) stands in for it: the row still says where the
    read came from.
    """
    people = _encode_people(person_ids)
    if source_address is None:
        origin = current_origin()
        local = origin.door in (Door.cli, Door.job)
        source_address = origin.source_address or (origin.door.value if local else None)
    if not people and not outside_register:
        return None
    prev_hash = _last_hash(session)
    row = AccessLog(
        at=utcnow(),
        actor_user_id=actor.id,
        actor_username=actor.username,
        source_address=source_address,
        action=action,
        purpose=purpose,
        district_code=actor.district_code,
        person_ids=people,
        prev_hash=prev_hash,
        row_hash="",
    )
    row.row_hash = row_digest(row, prev_hash)
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    rows: int
    first_bad_id: int | None = None
    reason: str | None = None


def verify(session: Session, *, user: UserAccount) -> ChainCheck:
    """The chain check as a use case: the city admin only (it reads the whole log)."""
    if not policies.is_city_admin(user):
        raise Forbidden("시 관리자만 검증할 수 있습니다 (city admin only)")
    return verify_chain(session)


def verify_chain(session: Session) -> ChainCheck:
    """Recompute every hash in id order; report the first row that does not fit."""
    prev_hash, count = GENESIS, 0
    for row in session.exec(select(AccessLog).order_by(col(AccessLog.id))):
        count += 1
        if row.prev_hash != prev_hash:
            return ChainCheck(
                False, count, row.id, "previous-hash link broken (a row was removed or inserted)"
            )
        if row_digest(row, prev_hash) != row.row_hash:
            return ChainCheck(
                False, count, row.id, "row content does not match its hash (row changed)"
            )
        prev_hash = row.row_hash
    return ChainCheck(True, count)


def list_for(
    session: Session, *, user: UserAccount, page: Page, person_id: int | None = None
) -> tuple[list[AccessLog], int]:
    """Staff see their district's log; admins all; a person (expert) who viewed their record;
    anyone else (analysts, an expert account without a person) is refused."""
    if user.role == Role.expert and user.person_id is not None:
        stmt, person_id = select(AccessLog), user.person_id
    elif policies.can_read_district(user, user.district_code):
        stmt = district_scoped(AccessLog, user)
    else:
        raise Forbidden("열람 기록을 볼 권한이 없습니다 (role cannot read the access log)")
    if person_id is not None:
        stmt = stmt.where(col(AccessLog.person_ids).contains(f",{int(person_id)},"))
    return paginate(session, stmt, page=page, order_by=col(AccessLog.id).desc())
