"""Community spaces and village networks API."""

from __future__ import annotations

from fastapi import APIRouter

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.spaces import networks, service
from maeul_db.spaces.schemas import (
    MemberClose,
    MemberCreate,
    MemberPublic,
    NetworkCreate,
    NetworkPublic,
    OperatorCreate,
    SpaceCreate,
    SpacePublic,
)

router = APIRouter(prefix="/spaces", tags=["spaces"])
network_router = APIRouter(prefix="/networks", tags=["spaces"])


@router.get("", response_model=list[SpacePublic])
def list_spaces(session: SessionDep, user: CurrentUser) -> list[SpacePublic]:
    """Your district's community spaces (the city admin: all) with current operator counts."""
    return service.list_(session, user=user)


@router.post("", response_model=SpacePublic, status_code=201)
def create_space(session: SessionDep, user: CurrentUser, data: SpaceCreate) -> SpacePublic:
    """Record a community space (마을활력소 or resident-run space)."""
    row = service.create(session, user=user, data=data)
    return service.detail(session, user=user, space_id=row.id or 0)


@router.get("/{space_id}", response_model=SpacePublic)
def read_space(session: SessionDep, user: CurrentUser, space_id: int) -> SpacePublic:
    """A space with its operators (a read of their records, logged)."""
    return service.detail(session, user=user, space_id=space_id)


@router.post("/{space_id}/operators", response_model=SpacePublic, status_code=201)
def add_operator(
    session: SessionDep, user: CurrentUser, space_id: int, data: OperatorCreate
) -> SpacePublic:
    """Record an operator job at the space (a space_operator career)."""
    service.add_operator(session, user=user, space_id=space_id, data=data)
    return service.detail(session, user=user, space_id=space_id)


@network_router.get("", response_model=list[NetworkPublic])
def list_networks(session: SessionDep, user: CurrentUser) -> list[NetworkPublic]:
    """Your district's village network (the city admin: every district's)."""
    return [
        networks.public(session, user=user, network=n) for n in networks.list_(session, user=user)
    ]


@network_router.post("", response_model=NetworkPublic, status_code=201)
def create_network(session: SessionDep, user: CurrentUser, data: NetworkCreate) -> NetworkPublic:
    """Record a district's village network (one per district)."""
    row = networks.create(session, user=user, data=data)
    return networks.public(session, user=user, network=row)


@network_router.get("/{network_id}", response_model=NetworkPublic)
def read_network(session: SessionDep, user: CurrentUser, network_id: int) -> NetworkPublic:
    """A network with its member groups over time."""
    return networks.detail(session, user=user, network_id=network_id)


@network_router.post("/{network_id}/members", response_model=MemberPublic, status_code=201)
def add_member(
    session: SessionDep, user: CurrentUser, network_id: int, data: MemberCreate
) -> MemberPublic:
    """A group of the district joins the network."""
    row = networks.add_member(session, user=user, network_id=network_id, data=data)
    return networks.member_public(session, row)


@network_router.post("/members/{member_id}/close", response_model=MemberPublic)
def close_member(
    session: SessionDep, user: CurrentUser, member_id: int, data: MemberClose
) -> MemberPublic:
    """End a group's network membership on ``valid_to`` (exclusive)."""
    row = networks.close_member(session, user=user, member_id=member_id, data=data)
    return networks.member_public(session, row)
