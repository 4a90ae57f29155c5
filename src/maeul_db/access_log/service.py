"""The access log: who read or exported whose personal data, hash-chained so tampering shows.

Each row's ``row_hash`` is an HMAC (key kept out of the database) over the previous row's hash and
this row's canonical content (``access_log.chain``). Changing, inserting or deleting a row breaks
the chain at that point; signed checkpoints outside the database show a deleted tail; the database
triggers refuse UPDATE, DELETE and (PostgreSQL) TRUNCATE from the application in the first place.

Where the row is written depends on the caller's transaction (docs/decisions.md, "Reads apart
from writes"): a request that only reads (its session on ``db``'s reader) appends it through the
appender, in a short transaction of its own that commits before ``record`` returns, so the read
never holds the write lock and a failed append is an error instead of the data; a transaction
that writes anyway appends it in that transaction (both commit or neither).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from maeul_db import db
from maeul_db.access_log.chain import GENESIS, ChainCheck, checkpoint_after_commit, row_digest
from maeul_db.access_log.chain import verify_chain as verify_chain
from maeul_db.audit.filters import LogFilter
from maeul_db.auth import policies
from maeul_db.core.context import Door, current_origin
from maeul_db.core.scope import district_scoped
from maeul_db.errors import Forbidden, Unavailable
from maeul_db.kit.pagination import Page, paginate
from maeul_db.kit.time import utcnow
from maeul_db.models import AccessLog, Role, UserAccount

# Any constant works; it only has to be the same for every writer of this log.
_PG_CHAIN_LOCK = 7_202_611


def _encode_people(person_ids: Iterable[int]) -> str:
    """``,3,17,`` so a person's rows are found with LIKE '%,17,%'."""
    ids = sorted({int(i) for i in person_ids})
    return f",{','.join(map(str, ids))}," if ids else ""


def _last_hash(session: Session) -> str:
    # Two appenders must never chain onto the same previous row: a writing SQLite transaction
    # already holds the only write lock (``db``: BEGIN IMMEDIATE), so appenders queue for it;
    # PostgreSQL takes an advisory lock, held to the end of the appending transaction (short when
    # it is the appender's own).
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
    row = AccessLog(
        at=utcnow(),
        actor_user_id=actor.id,
        actor_username=actor.username,
        source_address=source_address,
        action=action,
        purpose=purpose,
        district_code=actor.district_code,
        person_ids=people,
        prev_hash="",
        row_hash="",
    )
    if db.reads_only(session):
        return _append_apart(session, row)
    _append(session, row)
    return row


def _append(session: Session, row: AccessLog) -> None:
    """Chain ``row`` onto the last one, in ``session``'s transaction."""
    row.prev_hash = _last_hash(session)
    row.row_hash = row_digest(row, row.prev_hash)
    session.add(row)
    session.flush()
    checkpoint_after_commit(session, row)


def _append_apart(session: Session, row: AccessLog) -> AccessLog:
    """Append and commit ``row`` in a short transaction of its own (the reader's session writes
    nothing). Committed before the caller returns any data; if it cannot be (the write lock stayed
    busy past ``db.BEGIN_ATTEMPTS``), the read fails with 503 rather than show unlogged data."""
    appender = db.appender_of(session.get_bind().engine)
    try:
        with Session(appender, expire_on_commit=False) as log_session:
            _append(log_session, row)
            log_session.commit()
    except OperationalError as exc:
        if db.is_locked(exc):
            raise Unavailable("access_log.busy") from exc
        raise
    return row


def verify(session: Session, *, user: UserAccount) -> ChainCheck:
    """The chain check as a use case: district staff and the city admin. It walks the whole log
    (a chain cannot be checked in pieces) but answers only whether it holds, how many rows, and
    the first row that does not fit: no row's content."""
    if not policies.can_log_facts(user):
        raise Forbidden("access_log.verify_forbidden")
    return verify_chain(session)


def list_for(
    session: Session,
    *,
    user: UserAccount,
    page: Page,
    person_id: int | None = None,
    filters: LogFilter | None = None,
) -> tuple[list[AccessLog], int]:
    """Staff see their district's log; admins all; a person (expert) who viewed their record;
    anyone else (analysts, an expert account without a person) is refused. Filters: the person
    read, the actor's username, the action and a period of Seoul days."""
    if user.role == Role.expert and user.person_id is not None:
        stmt, person_id = select(AccessLog), user.person_id
    elif policies.can_read_district(user, user.district_code):
        stmt = district_scoped(AccessLog, user)
    else:
        raise Forbidden("access_log.forbidden")
    if person_id is not None:
        stmt = stmt.where(col(AccessLog.person_ids).contains(f",{int(person_id)},"))
    filters = filters or LogFilter()
    stmt = filters.apply(stmt, at=AccessLog.at, action=AccessLog.action)
    if filters.actor:
        actor = filters.actor.strip().lower()
        stmt = stmt.where(func.lower(col(AccessLog.actor_username)) == actor)
    return paginate(session, stmt, page=page, order_by=col(AccessLog.id).desc())
