"""Village networks (마을넷): each district's private activist network, with its member groups
over time (dated intervals: a group joins, and its membership ends; nothing is deleted)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Conflict, Forbidden, InvalidInput
from maeul_db.groups import service as group_service
from maeul_db.kit import time as clock
from maeul_db.kit.time import check_interval
from maeul_db.models import District, Group, NetworkMember, UserAccount, VillageNetwork
from maeul_db.spaces.schemas import (
    MemberClose,
    MemberCreate,
    MemberPublic,
    NetworkCreate,
    NetworkPublic,
)


def visible_networks(user: UserAccount) -> Any:
    return district_scoped(VillageNetwork, user)


def visible_members(user: UserAccount) -> Any:
    query = select(NetworkMember).where(col(NetworkMember.voided_at).is_(None))
    return district_scoped(NetworkMember, user, query=query)


def get(session: Session, *, user: UserAccount, network_id: int) -> VillageNetwork:
    policies.require_fact_logger(user)
    return get_visible(  # type: ignore[no-any-return]
        session, visible_networks(user), VillageNetwork, network_id, missing="network.not_found"
    )


def list_(session: Session, *, user: UserAccount) -> list[VillageNetwork]:
    policies.require_fact_logger(user)
    stmt = visible_networks(user).order_by(col(VillageNetwork.district_code))
    return list(session.exec(stmt).all())


def _writable(user: UserAccount, district_code: str) -> None:
    if not policies.can_write_district(user, district_code):
        raise Forbidden("network.district_forbidden")


def _audit(session: Session, user: UserAccount, entity: str, row: Any, after: Any) -> None:
    audit.record(
        session,
        actor=user,
        action="create" if entity == "village_network" else "member",
        entity=entity,
        entity_id=row.id,
        district_code=row.district_code,
        after=after,
    )


def create(session: Session, *, user: UserAccount, data: NetworkCreate) -> VillageNetwork:
    """A district's network; one per district (409 naming the existing one)."""
    district = data.district_code or user.district_code or ""
    _writable(user, district)
    if session.get(District, district) is None:
        raise InvalidInput("expert.unknown_district", field="district_code", code=district)
    existing = session.exec(
        select(VillageNetwork.id).where(VillageNetwork.district_code == district)
    ).first()
    if existing is not None:
        raise Conflict("network.duplicate", field="name", existing_id=existing)
    row = VillageNetwork(**data.model_dump(exclude={"district_code"}), district_code=district)
    session.add(row)
    session.flush()
    _audit(session, user, "village_network", row, data.model_dump(mode="json"))
    return row


def add_member(
    session: Session, *, user: UserAccount, network_id: int, data: MemberCreate
) -> NetworkMember:
    """A group of the network's district joins; refused while it is already a member."""
    network = get(session, user=user, network_id=network_id)
    _writable(user, network.district_code)
    check_interval(data.valid_from, data.valid_to)
    group = group_service.get(session, user=user, group_id=data.group_id)
    if group.district_code != network.district_code:
        raise InvalidInput("network.group_other_district", field="group_id")
    clash = select(NetworkMember.id).where(
        NetworkMember.network_id == network_id,
        NetworkMember.group_id == data.group_id,
        col(NetworkMember.voided_at).is_(None),
        or_(col(NetworkMember.valid_to).is_(None), col(NetworkMember.valid_to) > data.valid_from),
    )
    if data.valid_to is not None:
        clash = clash.where(NetworkMember.valid_from < data.valid_to)
    existing = session.exec(clash).first()
    if existing is not None:
        raise Conflict("network.member_duplicate", field="group_id", existing_id=existing)
    row = NetworkMember(
        **data.model_dump(), network_id=network_id, district_code=group.district_code
    )
    session.add(row)
    session.flush()
    _audit(session, user, "network_member", row, data.model_dump(mode="json"))
    return row


def get_member(session: Session, *, user: UserAccount, member_id: int) -> NetworkMember:
    policies.require_fact_logger(user)
    return get_visible(  # type: ignore[no-any-return]
        session, visible_members(user), NetworkMember, member_id, missing="network.not_found"
    )


def network_of_member(session: Session, *, user: UserAccount, member_id: int) -> int:
    """The network a (visible) membership belongs to, for a page that re-shows it."""
    return get_member(session, user=user, member_id=member_id).network_id


def close_member(
    session: Session, *, user: UserAccount, member_id: int, data: MemberClose
) -> NetworkMember:
    """End a group's membership on ``valid_to`` (exclusive)."""
    row = get_member(session, user=user, member_id=member_id)
    _writable(user, row.district_code)
    if row.valid_to is not None:
        raise Conflict("network.member_closed", field="valid_to", existing_id=row.id)
    check_interval(row.valid_from, data.valid_to)
    row.valid_to = data.valid_to
    session.add(row)
    session.flush()
    _audit(session, user, "network_member", row, {"valid_to": data.valid_to.isoformat()})
    return row


def public(session: Session, *, user: UserAccount, network: VillageNetwork) -> NetworkPublic:
    """A network with its member groups (past ones too), current members counted today."""
    stmt = (
        select(NetworkMember, Group.name)
        .join(Group, col(Group.id) == NetworkMember.group_id)
        .where(NetworkMember.network_id == network.id, col(NetworkMember.voided_at).is_(None))
        .order_by(col(NetworkMember.valid_from), col(NetworkMember.id))
    )
    members = [
        MemberPublic(
            id=m.id or 0,
            group_id=m.group_id,
            group_name=name,
            valid_from=m.valid_from,
            valid_to=m.valid_to,
        )
        for m, name in session.exec(stmt).all()
    ]
    today = clock.today()
    current = sum(
        m.valid_from <= today and (m.valid_to is None or m.valid_to > today) for m in members
    )
    return NetworkPublic(
        id=network.id or 0,
        district_code=network.district_code,
        name=network.name,
        founded_on=network.founded_on,
        members=members,
        current_members=current,
    )


def detail(session: Session, *, user: UserAccount, network_id: int) -> NetworkPublic:
    return public(session, user=user, network=get(session, user=user, network_id=network_id))


def member_public(session: Session, row: NetworkMember) -> MemberPublic:
    group = session.get(Group, row.group_id)
    return MemberPublic(
        id=row.id or 0,
        group_id=row.group_id,
        group_name=group.name if group else "",
        valid_from=row.valid_from,
        valid_to=row.valid_to,
    )
