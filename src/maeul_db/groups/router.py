"""Groups API: create, list within scope, memberships over time."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.groups import service
from maeul_db.groups.schemas import (
    GroupCreate,
    GroupPublic,
    GroupsPublic,
    GroupUpdate,
    MembershipCreate,
    MembershipPublic,
    MembershipRoleChange,
)
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page
from maeul_db.projects.schemas import IntervalClose, VoidRequest

router = APIRouter(prefix="/groups", tags=["groups"])


@router.get("", response_model=GroupsPublic)
def list_groups(
    session: SessionDep,
    user: CurrentUser,
    q: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> GroupsPublic:
    """Groups in your scope, by name (``q``) when given."""
    rows, count = service.list_(session, user=user, page=Page(limit, offset), query=q)
    return GroupsPublic(
        data=[GroupPublic.model_validate(r, from_attributes=True) for r in rows], count=count
    )


@router.post("", response_model=GroupPublic, status_code=201)
def create_group(session: SessionDep, user: CurrentUser, data: GroupCreate) -> GroupPublic:
    """Register a group in your district."""
    return GroupPublic.model_validate(
        service.create(session, user=user, data=data), from_attributes=True
    )


@router.get("/{group_id}", response_model=GroupPublic)
def read_group(session: SessionDep, user: CurrentUser, group_id: int) -> GroupPublic:
    """One group, if in your scope."""
    return GroupPublic.model_validate(
        service.get(session, user=user, group_id=group_id), from_attributes=True
    )


@router.patch("/{group_id}", response_model=GroupPublic)
def update_group(
    session: SessionDep, user: CurrentUser, group_id: int, data: GroupUpdate
) -> GroupPublic:
    """Change a group's name, dong or theme, or record its dissolution."""
    return GroupPublic.model_validate(
        service.update(session, user=user, group_id=group_id, data=data), from_attributes=True
    )


@router.post("/{group_id}/members", response_model=MembershipPublic, status_code=201)
def add_group_member(
    session: SessionDep, user: CurrentUser, group_id: int, data: MembershipCreate
) -> MembershipPublic:
    """Add a member from a date (an open interval)."""
    membership = service.add_member(session, user=user, group_id=group_id, data=data)
    return MembershipPublic.model_validate(membership, from_attributes=True)


@router.get("/{group_id}/members", response_model=list[MembershipPublic])
def list_group_members(
    session: SessionDep, user: CurrentUser, group_id: int, as_of: date | None = None
) -> list[MembershipPublic]:
    """Members as of a date (today by default)."""
    rows = service.members_as_of(session, user=user, group_id=group_id, on=as_of or clock.today())
    return [MembershipPublic.model_validate(r, from_attributes=True) for r in rows]


@router.post("/memberships/{membership_id}/close", response_model=MembershipPublic)
def close_group_membership(
    session: SessionDep, user: CurrentUser, membership_id: int, data: IntervalClose
) -> MembershipPublic:
    """End a membership on a date; it stays in the history."""
    membership = service.close_membership(
        session, user=user, membership_id=membership_id, valid_to=data.valid_to
    )
    return MembershipPublic.model_validate(membership, from_attributes=True)


@router.post("/memberships/{membership_id}/void", response_model=MembershipPublic)
def void_group_membership(
    session: SessionDep, user: CurrentUser, membership_id: int, data: VoidRequest
) -> MembershipPublic:
    """Mark a membership entered in error (a correction, not an end); it stays in the record."""
    membership = service.void_membership(
        session, user=user, membership_id=membership_id, reason=data.reason
    )
    return MembershipPublic.model_validate(membership, from_attributes=True)


@router.post("/memberships/{membership_id}/role", response_model=MembershipPublic, status_code=201)
def change_group_membership_role(
    session: SessionDep, user: CurrentUser, membership_id: int, data: MembershipRoleChange
) -> MembershipPublic:
    """Change a member's role from a date: this membership ends, the returned one opens."""
    membership = service.change_member_role(
        session, user=user, membership_id=membership_id, role=data.role, on=data.on
    )
    return MembershipPublic.model_validate(membership, from_attributes=True)
