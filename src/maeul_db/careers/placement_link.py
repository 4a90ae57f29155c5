"""A placement is a job: placing an expert in a dong creates the matching career entry, or links
the entry the expert already reported for it; ending the placement ends that job."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_
from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.kit.time import utcnow
from maeul_db.models import Career, District, Dong, ExpertPlacement, JobType, UserAccount
from maeul_db.wording import message


def matching_entry(session: Session, *, placement: ExpertPlacement) -> Career | None:
    """An unlinked, not voided expert job of the same person in the same dong whose interval
    overlaps the placement's (a self-report of the same job)."""
    end = placement.valid_to or date.max
    return session.exec(
        select(Career)
        .where(
            Career.person_id == placement.person_id,
            Career.job_type == JobType.village_autonomy_expert,
            Career.dong_code == placement.dong_code,
            col(Career.placement_id).is_(None),
            col(Career.voided_at).is_(None),
            Career.valid_from < end,
            or_(col(Career.valid_to).is_(None), col(Career.valid_to) > placement.valid_from),
        )
        .order_by(col(Career.valid_from), col(Career.id))
    ).first()


def _employer(session: Session, placement: ExpertPlacement) -> str:
    district = session.get(District, placement.district_code)
    dong = session.get(Dong, placement.dong_code)
    return message(
        "career.placement_employer",
        district=district.name_ko if district else placement.district_code,
        dong=dong.name_ko if dong else placement.dong_code,
    )


def record_placement(session: Session, *, user: UserAccount, placement: ExpertPlacement) -> Career:
    """Link the matching entry (its verification unchanged: staff check its dates), or create
    one verified by the placing staff member, since the placement is itself the evidence."""
    row = matching_entry(session, placement=placement)
    action = "link_placement"
    if row is None:
        action = "create"
        row = Career(
            person_id=placement.person_id,
            job_type=JobType.village_autonomy_expert,
            employer=_employer(session, placement),
            district_code=placement.district_code,
            dong_code=placement.dong_code,
            valid_from=placement.valid_from,
            valid_to=placement.valid_to,
            verified_by_user_id=user.id,
            verified_at=utcnow(),
        )
    row.placement_id = placement.id
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action=action,
        entity="career",
        entity_id=row.id,
        district_code=row.district_code,
        after={"placement_id": placement.id},
    )
    return row


def end_with_placement(session: Session, *, user: UserAccount, placement: ExpertPlacement) -> None:
    """The linked job ends when the placement does (never later than the placement)."""
    assert placement.valid_to is not None
    for row in session.exec(
        select(Career).where(Career.placement_id == placement.id, col(Career.voided_at).is_(None))
    ).all():
        ended_already = row.valid_to is not None and row.valid_to <= placement.valid_to
        if ended_already or row.valid_from >= placement.valid_to:
            continue
        before = {"valid_to": row.valid_to}
        row.valid_to = placement.valid_to
        session.add(row)
        audit.record(
            session,
            actor=user,
            action="close",
            entity="career",
            entity_id=row.id,
            district_code=row.district_code,
            before=before,
            after={"valid_to": row.valid_to, "placement_id": placement.id},
        )
    session.flush()


def _created_by(session: Session, row: Career, placement: ExpertPlacement) -> bool:
    """The entry :func:`record_placement` wrote (not one the expert reported and it linked)."""
    return row.valid_from == placement.valid_from and row.employer == _employer(session, placement)


def void_with_placement(session: Session, *, user: UserAccount, placement: ExpertPlacement) -> None:
    """A placement entered in error takes the job it created with it (voided: it never held);
    an entry the expert reported themself only loses the link and its verification (the job
    may still be true; staff check it again)."""
    for row in session.exec(
        select(Career).where(Career.placement_id == placement.id, col(Career.voided_at).is_(None))
    ).all():
        created = _created_by(session, row, placement)
        before = {"placement_id": row.placement_id, "verified_at": row.verified_at}
        row.placement_id = None
        if created:
            row.voided_at, row.void_reason = utcnow(), placement.void_reason
        else:
            row.verified_at, row.verified_by_user_id = None, None
        session.add(row)
        audit.record(
            session,
            actor=user,
            action="void" if created else "unlink_placement",
            entity="career",
            entity_id=row.id,
            district_code=row.district_code,
            before=before,
            after={"placement_id": None, "voided": created},
        )
    session.flush()
