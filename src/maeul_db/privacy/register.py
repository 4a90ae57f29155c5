"""The pseudonymised-processing register (PIPA 제28조의4, 시행령 제29조의5): every data set an
analyst produces records its purpose, recipient, period and what was produced. Entries are kept
three years after the data set is destroyed (``KEEP_YEARS_AFTER_DESTRUCTION``); analysts see
their own entries, the city admin all."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page, paginate
from maeul_db.models import ProcessingRecord, Role, UserAccount

KEEP_YEARS_AFTER_DESTRUCTION = 3
DEFAULT_PURPOSE = "analysis"  # shown with its Korean label when no purpose was given


def record_export(
    session: Session,
    *,
    user: UserAccount,
    start: date,
    end: date,
    dataset: str,
    body: bytes,
    purpose: str | None = None,
    recipient: str | None = None,
) -> ProcessingRecord | None:
    """One register entry for a pseudonymised data set given to an analyst (others work on the
    records themselves and are not in the register: nothing is written for them)."""
    if user.role != Role.analyst:
        return None
    assert user.id is not None
    entry = ProcessingRecord(
        user_id=user.id,
        purpose=(purpose or "").strip()[:300] or DEFAULT_PURPOSE,
        recipient=(recipient or "").strip()[:200] or user.username,
        period_start=start,
        period_end=end,
        dataset=dataset[:300],
        dataset_sha256=hashlib.sha256(body).hexdigest(),
    )
    session.add(entry)
    session.flush()
    return entry


def _visible(user: UserAccount) -> Any:
    if user.role == Role.city_admin:
        return select(ProcessingRecord)
    if user.role == Role.analyst:
        return select(ProcessingRecord).where(ProcessingRecord.user_id == user.id)
    raise Forbidden("privacy.register_forbidden")


def list_(session: Session, *, user: UserAccount, page: Page) -> tuple[list[ProcessingRecord], int]:
    """The register entries ``user`` may see, newest first."""
    return paginate(session, _visible(user), page=page, order_by=col(ProcessingRecord.id).desc())


def mark_destroyed(
    session: Session, *, user: UserAccount, record_id: int, on: date | None = None
) -> ProcessingRecord:
    """The analyst (or the city admin) destroyed the data set; the entry is kept three more years."""
    entry: ProcessingRecord | None = session.exec(
        _visible(user).where(ProcessingRecord.id == record_id)
    ).first()
    if entry is None:
        raise NotFound("privacy.register_not_found")
    day = on or clock.today()
    if day < entry.at.astimezone(clock.SEOUL).date():
        raise InvalidInput("privacy.destroyed_before_made", field="destroyed_on")
    entry.destroyed_on = day
    session.add(entry)
    return entry


def keep_until(entry: ProcessingRecord) -> date | None:
    """The day the entry itself may be destroyed (None while the data set exists)."""
    if entry.destroyed_on is None:
        return None
    day = entry.destroyed_on
    try:
        return day.replace(year=day.year + KEEP_YEARS_AFTER_DESTRUCTION)
    except ValueError:  # 29 February
        return day.replace(year=day.year + KEEP_YEARS_AFTER_DESTRUCTION, day=28)
