"""Community spaces (마을활력소, 공동체 공간) and their operators.

An operator job is the person's career of type ``space_operator`` (careers.service records it,
with the same rules as any job) plus a link to the space, so the job shows on the person's
timeline and places them on the ladder's council-or-space rung. Showing a space's operators shows
people: that read is access-logged here.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.assemblies import service as assembly_service
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.careers import service as career_service
from maeul_db.careers.schemas import CareerCreate
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.kit import time as clock
from maeul_db.kit.time import check_interval
from maeul_db.models import (
    Career,
    CommunitySpace,
    JobType,
    Person,
    SpaceOperator,
    UserAccount,
)
from maeul_db.refdata import queries as refdata_queries
from maeul_db.spaces.schemas import OperatorCreate, OperatorPublic, SpaceCreate, SpacePublic


def visible_spaces(user: UserAccount) -> Any:
    query = select(CommunitySpace).where(col(CommunitySpace.voided_at).is_(None))
    return district_scoped(CommunitySpace, user, query=query)


def get(session: Session, *, user: UserAccount, space_id: int) -> CommunitySpace:
    policies.require_fact_logger(user)
    return get_visible(  # type: ignore[no-any-return]
        session, visible_spaces(user), CommunitySpace, space_id, missing="space.not_found"
    )


def list_(session: Session, *, user: UserAccount) -> list[SpacePublic]:
    """The district's spaces (the city admin's: all) with their current operator counts."""
    policies.require_fact_logger(user)
    rows = list(
        session.exec(
            visible_spaces(user).order_by(col(CommunitySpace.district_code), CommunitySpace.name)
        ).all()
    )
    counts = _current_counts(session, [r.id for r in rows if r.id is not None])
    return [_public(session, r, current=counts.get(r.id or 0, 0)) for r in rows]


def _current_counts(session: Session, space_ids: list[int]) -> dict[int, int]:
    today = clock.today()
    stmt = (
        select(SpaceOperator.space_id, Career.id)
        .join(Career, col(Career.id) == SpaceOperator.career_id)
        .where(
            col(SpaceOperator.space_id).in_(space_ids),
            col(Career.voided_at).is_(None),
            Career.valid_from <= today,
            (col(Career.valid_to).is_(None)) | (col(Career.valid_to) > today),
        )
    )
    counts: dict[int, int] = {}
    for space_id, _ in session.exec(stmt).all():
        counts[space_id] = counts.get(space_id, 0) + 1
    return counts


def _public(
    session: Session,
    row: CommunitySpace,
    *,
    current: int,
    operators: list[OperatorPublic] | None = None,
) -> SpacePublic:
    names = refdata_queries.dong_names(session, codes={row.dong_code})
    fields = {n: getattr(row, n) for n in SpacePublic.model_fields if hasattr(row, n)}
    return SpacePublic.model_validate(
        fields
        | {
            "dong_name": names.get(row.dong_code, row.dong_code),
            "operators": operators or [],
            "current_operators": current,
        }
    )


def create(session: Session, *, user: UserAccount, data: SpaceCreate) -> CommunitySpace:
    """Record a space of the user's district."""
    check_interval(data.valid_from, data.valid_to)
    district = assembly_service.owning_district(
        session,
        user=user,
        district_code=data.district_code,
        dong_code=data.dong_code,
        on=data.valid_from,
    )
    row = CommunitySpace(**data.model_dump(exclude={"district_code"}), district_code=district)
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="community_space",
        entity_id=row.id,
        district_code=row.district_code,
        after=data.model_dump(mode="json"),
    )
    return row


def add_operator(
    session: Session, *, user: UserAccount, space_id: int, data: OperatorCreate
) -> SpaceOperator:
    """An operator job at the space: the career (with the careers' own checks) and the link."""
    space = get(session, user=user, space_id=space_id)
    career = career_service.create(
        session,
        user=user,
        data=CareerCreate(
            person_id=data.person_id,
            job_type=JobType.space_operator,
            employer=space.name,
            district_code=space.district_code,
            dong_code=space.dong_code,
            valid_from=data.valid_from,
            valid_to=data.valid_to,
            hours_per_week=data.hours_per_week,
        ),
    )
    assert career.id is not None  # flushed by careers.service.create
    link = SpaceOperator(space_id=space_id, career_id=career.id, district_code=space.district_code)
    session.add(link)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="add_operator",
        entity="community_space",
        entity_id=space_id,
        district_code=space.district_code,
        after={"career_id": career.id, "person_id": data.person_id},
    )
    return link


def detail(session: Session, *, user: UserAccount, space_id: int) -> SpacePublic:
    """A space with its operators by name (a read of those people's records, logged)."""
    space = get(session, user=user, space_id=space_id)
    stmt = (
        select(SpaceOperator, Career, Person.name)
        .join(Career, col(Career.id) == SpaceOperator.career_id)
        .join(Person, col(Person.id) == Career.person_id)
        .where(SpaceOperator.space_id == space_id, col(Career.voided_at).is_(None))
        .order_by(col(Career.valid_from), col(Career.id))
    )
    operators = [
        OperatorPublic(
            id=link.id or 0,
            career_id=career.id or 0,
            person_id=career.person_id,
            person_name=name,
            valid_from=career.valid_from,
            valid_to=career.valid_to,
            verified=career.verified_at is not None,
        )
        for link, career, name in session.exec(stmt).all()
    ]
    access_log.record(
        session, actor=user, action="spaces.operators", person_ids=[o.person_id for o in operators]
    )
    today = clock.today()
    current = sum(
        o.valid_from <= today and (o.valid_to is None or o.valid_to > today) for o in operators
    )
    return _public(session, space, current=current, operators=operators)
