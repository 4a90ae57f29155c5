"""Careers: jobs over intervals. Experts self-report; district staff (or the city) verify.
Only verified entries print on a career certificate."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.audit import changes as changes_
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.careers.schemas import CareerCreate, CareerPublic
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Conflict, Forbidden
from maeul_db.kit.time import check_interval, utcnow
from maeul_db.models import Career, Role, UserAccount
from maeul_db.participants import service as participant_service
from maeul_db.refdata import service as refdata_service


def visible_careers(user: UserAccount) -> Any:
    query = select(Career).where(col(Career.voided_at).is_(None))
    return district_scoped(Career, user, experts_see_own=True, query=query)


def public(row: Career) -> CareerPublic:
    fields = set(CareerPublic.model_fields) - {"verified"}
    return CareerPublic.model_validate(
        {**{name: getattr(row, name) for name in fields}, "verified": row.verified_at is not None}
    )


def get(session: Session, *, user: UserAccount, career_id: int) -> Career:
    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_careers(user),
        Career,
        career_id,
        missing="career.not_found",
    )


def list_(session: Session, *, user: UserAccount, person_id: int) -> list[Career]:
    """A person's jobs visible to ``user`` (logged as a read of their record)."""
    rows = careers_of(session, user=user, person_id=person_id)
    access_log.record(session, actor=user, action="careers.read", person_ids=[person_id])
    return rows


def careers_of(session: Session, *, user: UserAccount, person_id: int) -> list[Career]:
    """``list_`` without the access-log row, for a use case that logs its whole read once."""
    participant_service.get(session, user=user, person_id=person_id)
    stmt = visible_careers(user).where(Career.person_id == person_id)
    return list(session.exec(stmt.order_by(col(Career.valid_from), col(Career.id))).all())


def create(session: Session, *, user: UserAccount, data: CareerCreate) -> Career:
    """Experts add their own entries (self-reported); staff add their district's. New entries are
    never verified: verification is its own step, by someone other than the person."""
    check_interval(data.valid_from, data.valid_to)
    if user.role == Role.expert:
        if data.person_id != user.person_id:
            raise Forbidden("career.own_only")
    elif not policies.can_write_district(user, data.district_code):
        raise Forbidden("career.district_forbidden")
    participant_service.get(session, user=user, person_id=data.person_id)
    if data.dong_code is not None:
        refdata_service.check_dong_in_district(
            session, code=data.dong_code, district_code=data.district_code, on=data.valid_from
        )
    row = Career(**data.model_dump())
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="career",
        entity_id=row.id,
        district_code=row.district_code,
        after=data.model_dump(mode="json"),
    )
    return row


def verify(session: Session, *, user: UserAccount, career_id: int) -> Career:
    """Staff of the job's district (or the city admin) confirm an entry."""
    row = get(session, user=user, career_id=career_id)
    if not policies.can_write_district(user, row.district_code):
        raise Forbidden("career.verify_forbidden")
    if row.verified_at is not None:
        raise Conflict("career.already_verified")
    row.verified_by_user_id, row.verified_at = user.id, utcnow()
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="verify",
        entity="career",
        entity_id=row.id,
        district_code=row.district_code,
        after={"verified_at": row.verified_at},
    )
    return row


def _editable(session: Session, *, user: UserAccount, career_id: int) -> Career:
    row = get(session, user=user, career_id=career_id)
    if not policies.can_write_district(user, row.district_code):
        raise Forbidden("career.edit_forbidden")
    return row


def close(session: Session, *, user: UserAccount, career_id: int, valid_to: date) -> Career:
    """End a job (it really stopped on ``valid_to``); the record stays for its certificate."""
    row = _editable(session, user=user, career_id=career_id)
    changes_.close_fact(session, actor=user, row=row, valid_to=valid_to, entity="career")
    return row


def void(session: Session, *, user: UserAccount, career_id: int, reason: str) -> Career:
    """Void a job entered in error: it never held, leaves certificates, timeline and counts."""
    row = _editable(session, user=user, career_id=career_id)
    changes_.void_fact(session, actor=user, row=row, reason=reason, entity="career")
    return row


def verified_for_certificate(
    session: Session, *, person_id: int, district_code: str | None = None
) -> list[Career]:
    """Verified, not voided careers; ``district_code`` limits to one district's jobs."""
    stmt = select(Career).where(
        Career.person_id == person_id,
        col(Career.voided_at).is_(None),
        col(Career.verified_at).is_not(None),
    )
    if district_code is not None:
        stmt = stmt.where(Career.district_code == district_code)
    return list(session.exec(stmt.order_by(col(Career.valid_from), col(Career.id))).all())
