"""Groups and memberships over time."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.audit import changes as changes_
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.core import facts, person_facts, refs
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.groups.schemas import GroupCreate, GroupUpdate, MembershipCreate
from maeul_db.kit.pagination import Page, paginate
from maeul_db.kit.time import active_on
from maeul_db.models import (
    District,
    Dong,
    Group,
    GroupMembership,
    MembershipRole,
    Person,
    UserAccount,
)
from maeul_db.participants import service as participant_service
from maeul_db.refdata import service as refdata_service


def visible_groups(user: UserAccount) -> Any:
    return district_scoped(Group, user)


def get(session: Session, *, user: UserAccount, group_id: int) -> Group:
    policies.require_fact_logger(user)
    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_groups(user),
        Group,
        group_id,
        missing="group.not_found",
    )


def list_(
    session: Session, *, user: UserAccount, page: Page, query: str | None = None
) -> tuple[list[Group], int]:
    """The groups in scope, those whose name contains ``query`` (spaces ignored) when given."""
    policies.require_fact_logger(user)
    stmt = visible_groups(user)
    if query and query.strip():
        stmt = stmt.where(_name_contains(Group.name, query))
    return paginate(session, stmt, page=page, order_by=Group.id)


def _name_contains(column: Any, query: str) -> Any:
    # Names are typed with or without spaces ("골목 정원" / "골목정원"): compare without them.
    return func.replace(column, " ", "").contains(query.replace(" ", "").strip())


def create(session: Session, *, user: UserAccount, data: GroupCreate) -> Group:
    district = data.district_code or user.district_code
    if not policies.can_write_district(user, district):
        raise Forbidden("group.create_forbidden")
    district = refs.require_district(session, district)
    if data.dong_code is not None:
        refdata_service.check_dong_in_district(
            session, code=data.dong_code, district_code=district, on=data.founded_on
        )
    facts.refuse_name_clash(
        session,
        Group,
        name=data.name,
        same={"district_code": district},
        row_id=None,
        message="group.duplicate",
    )
    group = Group(
        name=data.name,
        district_code=district,
        dong_code=data.dong_code,
        theme=data.theme,
        founded_on=data.founded_on,
    )
    session.add(group)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="group",
        entity_id=group.id,
        district_code=district,
        after=data.model_dump(),
    )
    return group


def update(session: Session, *, user: UserAccount, group_id: int, data: GroupUpdate) -> Group:
    group = get(session, user=user, group_id=group_id)
    if not policies.can_write_district(user, group.district_code):
        raise Forbidden("group.edit_forbidden")
    changes = data.model_dump(exclude_unset=True)
    if changes.get("dong_code") is not None:
        refdata_service.check_dong_in_district(
            session,
            code=changes["dong_code"],
            district_code=group.district_code,
            on=group.founded_on,
        )
    if changes.get("dissolved_on") and changes["dissolved_on"] <= group.founded_on:
        raise InvalidInput("group.dissolved_before_founded", field="dissolved_on")
    if changes.get("name") is not None:
        facts.refuse_name_clash(
            session,
            Group,
            name=changes["name"],
            same={"district_code": group.district_code},
            row_id=group.id,
            message="group.duplicate",
        )
    changes_.apply_update(session, actor=user, row=group, changes=changes, entity="group")
    return group


def add_member(
    session: Session, *, user: UserAccount, group_id: int, data: MembershipCreate
) -> GroupMembership:
    group = get(session, user=user, group_id=group_id)
    return person_facts.add(
        session,
        user=user,
        model=GroupMembership,
        holder=("group_id", group_id),
        district_code=group.district_code,
        data=data,
        entity="group_membership",
        duplicate_message="membership.duplicate",
    )


def _membership(session: Session, *, user: UserAccount, membership_id: int) -> GroupMembership:
    membership = session.get(GroupMembership, membership_id)
    if membership is None or not policies.can_write_district(user, membership.district_code):
        raise NotFound("membership.not_found")
    return membership


def close_membership(
    session: Session, *, user: UserAccount, membership_id: int, valid_to: date
) -> GroupMembership:
    membership = _membership(session, user=user, membership_id=membership_id)
    changes_.close_fact(
        session, actor=user, row=membership, valid_to=valid_to, entity="group_membership"
    )
    return membership


def void_membership(
    session: Session, *, user: UserAccount, membership_id: int, reason: str
) -> GroupMembership:
    membership = _membership(session, user=user, membership_id=membership_id)
    changes_.void_fact(
        session, actor=user, row=membership, reason=reason, entity="group_membership"
    )
    return membership


def change_member_role(
    session: Session, *, user: UserAccount, membership_id: int, role: MembershipRole, on: date
) -> GroupMembership:
    """A member's new role from ``on``: this membership ends and the next one opens."""
    membership = _membership(session, user=user, membership_id=membership_id)
    following: GroupMembership = changes_.change_role(
        session, actor=user, row=membership, role=role, on=on, entity="group_membership"
    )
    return following


def active_members(session: Session, *, group_id: int, on: date) -> list[GroupMembership]:
    """The memberships active on ``on``, for a use case that has already checked the group is in
    scope and logs what it shows (the activity page's attendance sheet)."""
    return list(
        session.exec(
            select(GroupMembership)
            .where(GroupMembership.group_id == group_id, active_on(GroupMembership, on))
            .order_by(col(GroupMembership.person_id))
        ).all()
    )


def members_as_of(
    session: Session, *, user: UserAccount, group_id: int, on: date
) -> list[GroupMembership]:
    """A group's members on ``on``, shown: recorded in the access log."""
    get(session, user=user, group_id=group_id)
    rows = active_members(session, group_id=group_id, on=on)
    access_log.record(
        session, actor=user, action="group.members", person_ids=[r.person_id for r in rows]
    )
    return rows


def roster(
    session: Session, *, user: UserAccount, group_id: int, on: date
) -> tuple[list[GroupMembership], dict[int, Person]]:
    """The members on ``on`` and the people behind them (for names), logged once."""
    rows = members_as_of(session, user=user, group_id=group_id, on=on)
    people = participant_service.people_by_id(
        session, user=user, person_ids=[r.person_id for r in rows]
    )
    return rows, people


def roster_page(
    session: Session, *, user: UserAccount, group_id: int, on: date, page: Page
) -> tuple[list[GroupMembership], dict[int, Person], int]:
    """One page of the members on ``on`` (a long group pages through them), the people behind
    them, and how many members there are in all; only the page shown is access-logged."""
    get(session, user=user, group_id=group_id)
    stmt = select(GroupMembership).where(
        GroupMembership.group_id == group_id, active_on(GroupMembership, on)
    )
    rows, total = paginate(session, stmt, page=page, order_by=col(GroupMembership.person_id))
    access_log.record(
        session, actor=user, action="group.members", person_ids=[r.person_id for r in rows]
    )
    people = participant_service.people_by_id(
        session, user=user, person_ids=[r.person_id for r in rows]
    )
    return rows, people, total


def place_names(session: Session, *, group: Group) -> tuple[str | None, str | None]:
    """The group's dong and district as words (a page never shows their codes)."""
    dong = session.get(Dong, group.dong_code) if group.dong_code else None
    district = session.get(District, group.district_code)
    return (dong.name_ko if dong else None), (district.name_ko if district else None)
