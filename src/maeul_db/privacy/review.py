"""The privacy officer's monthly review of the access log (개인정보의 안전성 확보조치 기준 제8조:
access records checked at least monthly): the month's reads with the unusual ones flagged, the
chain's integrity, and a note per review. The officer's seat is the city admin's
(docs/decisions.md "Privacy officer").

Flags, in Seoul time: one account reading more than ``MANY_PEOPLE_PER_DAY`` different people in a
day; reads outside office hours (before ``OFFICE_OPENS``, from ``OFFICE_CLOSES``, or at the
weekend); and downloads (files that leave the system).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col
from sqlmodel import select as sm_select

from maeul_db.access_log import service as access_log
from maeul_db.access_log.chain import ChainCheck
from maeul_db.auth import policies
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.kit import time as clock
from maeul_db.models import AccessLog, AccessReview, UserAccount

MANY_PEOPLE_PER_DAY = 200
OFFICE_OPENS = time(8, 0)
OFFICE_CLOSES = time(20, 0)
DOWNLOAD_ACTIONS = frozenset(
    {
        "certificate.download",
        "certificates.batch",
        "network.export",
        "import.rejected_rows",
        "person.access_export",
        "activity.attendance",
    }
)


@dataclass(frozen=True)
class Flag:
    kind: str  # "many_people", "off_hours", "download"
    actor: str
    at: datetime | None  # the read (None for a whole day's count)
    day: date
    action: str
    people: int


@dataclass
class MonthReview:
    month: str
    reads: int
    flags: list[Flag] = field(default_factory=list)
    notes: list[AccessReview] = field(default_factory=list)
    chain: ChainCheck | None = None


def _require_officer(user: UserAccount) -> None:
    if not policies.is_city_admin(user):
        raise Forbidden("privacy.officer_only")


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """The month's first instant and the next month's, in Seoul time."""
    try:
        first = datetime.strptime(month, "%Y-%m").date()
    except ValueError:
        raise InvalidInput("privacy.bad_month", field="month", value=month) from None
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    start = datetime.combine(first, time(), tzinfo=clock.SEOUL)
    return start, datetime.combine(following, time(), tzinfo=clock.SEOUL)


def _off_hours(moment: datetime) -> bool:
    local = moment.astimezone(clock.SEOUL)
    return local.weekday() >= 5 or not (OFFICE_OPENS <= local.time() < OFFICE_CLOSES)


def _people(encoded: str) -> set[str]:
    return {p for p in encoded.split(",") if p}


def flags_for(rows: list[Any]) -> list[Flag]:
    """The unusual reads among ``rows`` (at, actor, action, person_ids) — pure."""
    flags: list[Flag] = []
    per_day: dict[tuple[str, date], set[str]] = defaultdict(set)
    for at, actor, action, people in rows:
        day = at.astimezone(clock.SEOUL).date()
        per_day[(actor, day)] |= _people(people)
        count = len(_people(people))
        if _off_hours(at):
            flags.append(Flag("off_hours", actor, at, day, action, count))
        if action in DOWNLOAD_ACTIONS:
            flags.append(Flag("download", actor, at, day, action, count))
    for (actor, day), seen in sorted(per_day.items()):
        if len(seen) > MANY_PEOPLE_PER_DAY:
            flags.append(Flag("many_people", actor, None, day, "", len(seen)))
    return sorted(flags, key=lambda f: (f.kind != "many_people", f.day, f.actor))


def for_month(
    session: Session, *, user: UserAccount, month: str, verify_chain: bool = True
) -> MonthReview:
    """The month's review page: reads, flags, notes so far and the chain check."""
    _require_officer(user)
    start, end = month_bounds(month)
    stmt = (
        sa_select(
            col(AccessLog.at),
            col(AccessLog.actor_username),
            col(AccessLog.action),
            col(AccessLog.person_ids),
        )
        .where(col(AccessLog.at) >= start, col(AccessLog.at) < end)
        .order_by(col(AccessLog.id))
    )
    rows = [tuple(r) for r in session.execute(stmt)]
    notes = session.exec(
        sm_select(AccessReview)
        .where(AccessReview.month == month)
        .order_by(col(AccessReview.id).desc())
    ).all()
    return MonthReview(
        month=month,
        reads=len(rows),
        flags=flags_for(rows),
        notes=list(notes),
        chain=access_log.verify(session, user=user) if verify_chain else None,
    )


def add_note(session: Session, *, user: UserAccount, month: str, note: str) -> AccessReview:
    """Record the officer's review of ``month`` with their note (what was checked, what follows)."""
    review = for_month(session, user=user, month=month, verify_chain=False)
    if not note.strip():
        raise InvalidInput("privacy.review_note_missing", field="note")
    assert user.id is not None
    entry = AccessReview(
        month=month, reviewer_user_id=user.id, flagged=len(review.flags), note=note.strip()[:2000]
    )
    session.add(entry)
    session.flush()
    return entry


def current_month() -> str:
    return clock.today().strftime("%Y-%m")
