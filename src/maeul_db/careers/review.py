"""Staff review of job entries: the district's list, then verify (service.verify), correct, end
or void, each audited with who, when and why. Experts only add; they never review."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col

from maeul_db.access_log import service as access_log
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.careers.schemas import CareerClose, CareerCorrect, CareerReviewRow
from maeul_db.careers.service import get, public, visible_careers
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.kit.time import check_interval, utcnow
from maeul_db.models import Career, Person, UserAccount
from maeul_db.refdata import service as refdata_service

REVIEW_LIMIT = 200


def list_for_review(
    session: Session, *, user: UserAccount, pending_only: bool
) -> list[CareerReviewRow]:
    """The jobs of the staff member's district (all districts for the city admin), unverified
    first; logged as a read of every person listed."""
    if not policies.can_log_facts(user):
        raise Forbidden("career.review_staff_only")
    stmt = visible_careers(user).join(Person, col(Person.id) == Career.person_id)
    if pending_only:
        stmt = stmt.where(col(Career.verified_at).is_(None))
    stmt = stmt.order_by(col(Career.verified_at).is_not(None), col(Career.valid_from).desc())
    rows = list(session.exec(stmt.limit(REVIEW_LIMIT)).all())
    names = _names(session, {r.person_id for r in rows})
    access_log.record(
        session, actor=user, action="careers.review", person_ids=sorted({r.person_id for r in rows})
    )
    return [CareerReviewRow(career=public(r), person_name=names.get(r.person_id, "")) for r in rows]


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    people = (session.get(Person, i) for i in ids)
    return {p.id: p.name for p in people if p is not None and p.id is not None}


def _reviewable(session: Session, user: UserAccount, career_id: int) -> Career:
    row = get(session, user=user, career_id=career_id)
    if not policies.can_write_district(user, row.district_code):
        raise Forbidden("career.verify_forbidden")
    return row


def _snapshot(row: Career) -> dict[str, Any]:
    return row.model_dump(
        include={"job_type", "employer", "dong_code", "valid_from", "valid_to", "hours_per_week"}
    )


def _audit(
    session: Session, user: UserAccount, row: Career, action: str, before: dict[str, Any], why: str
) -> None:
    after = {**_snapshot(row), "voided_at": row.voided_at, "reason": why}
    audit.record(
        session,
        actor=user,
        action=action,
        entity="career",
        entity_id=row.id,
        district_code=row.district_code,
        before=before,
        after=after,
    )


def correct(session: Session, *, user: UserAccount, career_id: int, data: CareerCorrect) -> Career:
    """Staff fix what the entry says (its district stays: it decides who reviews it)."""
    row = _reviewable(session, user, career_id)
    before = _snapshot(row)
    changes = data.model_dump(exclude_unset=True, exclude={"why"})
    for name, value in changes.items():
        if value is not None:
            setattr(row, name, value)
    check_interval(row.valid_from, row.valid_to)
    if row.dong_code is not None:
        refdata_service.check_dong_in_district(
            session, code=row.dong_code, district_code=row.district_code, on=row.valid_from
        )
    session.add(row)
    session.flush()
    _audit(session, user, row, "correct", before, data.why)
    return row


def close(session: Session, *, user: UserAccount, career_id: int, data: CareerClose) -> Career:
    """End a job on ``data.valid_to`` (exclusive): the entry stays, its interval closes."""
    if data.valid_to is None:
        raise InvalidInput("career.end_required", field="valid_to")
    row = _reviewable(session, user, career_id)
    check_interval(row.valid_from, data.valid_to)
    before = _snapshot(row)
    row.valid_to = data.valid_to
    session.add(row)
    session.flush()
    _audit(session, user, row, "close", before, data.why)
    return row


def void(session: Session, *, user: UserAccount, career_id: int, data: CareerClose) -> Career:
    """Void a wrong entry (never deleted): it leaves every list and certificate."""
    row = _reviewable(session, user, career_id)
    if row.placement_id is not None:
        # The placement is the record of that job: end or void the placement instead.
        raise InvalidInput("career.placement_linked", field="why")
    before = _snapshot(row)
    row.voided_at, row.void_reason = utcnow(), data.why
    session.add(row)
    session.flush()
    _audit(session, user, row, "void", before, data.why)
    return row
