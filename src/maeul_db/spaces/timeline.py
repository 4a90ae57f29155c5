"""What a person's timeline shows of village networks: each time a group they belonged to was a
member of its district's network (the overlap of the two intervals). Space operator jobs reach
the timeline as careers (``space_operator``), which is what places them on the ladder."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from maeul_db.models import GroupMembership, NetworkMember, VillageNetwork
from maeul_db.timeline.schemas import TimelineEvent


def _later(a: date, b: date) -> date:
    return a if a >= b else b


def _earlier(a: date | None, b: date | None) -> date | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a <= b else b


def network_events(
    session: Session, person_ids: list[int], district: str | None
) -> list[TimelineEvent]:
    """One event per (membership, network membership) pair that shares at least one day."""
    stmt = (
        select(GroupMembership, NetworkMember, VillageNetwork.name)
        .join(NetworkMember, col(NetworkMember.group_id) == GroupMembership.group_id)
        .join(VillageNetwork, col(VillageNetwork.id) == NetworkMember.network_id)
        .where(
            col(GroupMembership.person_id).in_(person_ids),
            col(GroupMembership.voided_at).is_(None),
            col(NetworkMember.voided_at).is_(None),
        )
    )
    if district is not None:
        stmt = stmt.where(NetworkMember.district_code == district)
    events = []
    for membership, member, name in session.exec(stmt).all():
        start = _later(membership.valid_from, member.valid_from)
        end = _earlier(membership.valid_to, member.valid_to)
        if end is not None and end <= start:
            continue
        events.append(
            TimelineEvent(
                on=start, until=end, kind="network", title=name, district_code=member.district_code
            )
        )
    return events
