"""An expert's consulting as the expert's own record shows it (kept apart from ``consulting``,
which reads the pool through the experts service, so the experts service can read this)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Session, col, select

from maeul_db.models import ConsultingRecord, ConsultingRequest, Group


@dataclass(frozen=True)
class ConsultingDone:
    held_on: date
    hours: Decimal
    topic: str
    group_name: str


def of_expert(session: Session, *, person_id: int) -> list[ConsultingDone]:
    """The expert's consulting meetings, oldest first (for a use case that loaded them in scope)."""
    rows = session.exec(
        select(ConsultingRecord, ConsultingRequest, Group)
        .join(ConsultingRequest, col(ConsultingRequest.id) == ConsultingRecord.request_id)
        .join(Group, col(Group.id) == ConsultingRequest.group_id)
        .where(ConsultingRecord.expert_person_id == person_id)
        .order_by(col(ConsultingRecord.held_on), col(ConsultingRecord.id))
    ).all()
    return [ConsultingDone(r.held_on, r.hours, q.topic, g.name) for r, q, g in rows]
