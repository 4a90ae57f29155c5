"""What the request pages and the API show: a request with its history (and, for consulting,
its meetings and hours); the names shown are personal data, so each read is access-logged here."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.experts import service as expert_service
from maeul_db.experts.schemas import PoolMember
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page
from maeul_db.models import (
    ConsultingRequest,
    ConsultingStatus,
    Group,
    Person,
    SupportRequestKind,
    TrainingProgram,
    TrainingRequest,
    TrainingRequestStatus,
    UserAccount,
)
from maeul_db.support_requests import consulting, training
from maeul_db.support_requests import status as status_
from maeul_db.support_requests.schemas import (
    ConsultingRequestDetail,
    TrainingRequestDetail,
)


def _fields(row: Any) -> dict[str, Any]:
    return {name: getattr(row, name) for name in type(row).model_fields}


def _names(session: Session, model: Any, ids: set[int], attribute: str) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.exec(select(model).where(col(model.id).in_(ids))).all()
    return {r.id: getattr(r, attribute) for r in rows}


@dataclass(frozen=True)
class TrainingRow:
    request: TrainingRequest
    person_name: str
    program_name: str


def training_rows(
    session: Session, *, user: UserAccount, status: TrainingRequestStatus | None = None
) -> tuple[list[TrainingRow], int]:
    """The training requests in scope with the person's and programme's names (logged)."""
    rows, count = training.list_(session, user=user, page=Page(200), status=status)
    people = _names(session, Person, {r.person_id for r in rows}, "name")
    programs = _names(session, TrainingProgram, {r.program_id for r in rows}, "name")
    access_log.record(
        session,
        actor=user,
        action="support.training_requests",
        person_ids=[r.person_id for r in rows],
    )
    found = [
        TrainingRow(r, people.get(r.person_id, ""), programs.get(r.program_id, "")) for r in rows
    ]
    return found, count


def read_training(session: Session, *, user: UserAccount, request_id: int) -> TrainingRequestDetail:
    """A training request with its history; the person's read is access-logged."""
    request = training.get(session, user=user, request_id=request_id)
    assert request.id is not None
    access_log.record(
        session, actor=user, action="support.training_request", person_ids=[request.person_id]
    )
    person = session.get(Person, request.person_id)
    program = session.get(TrainingProgram, request.program_id)
    events = status_.history(session, kind=SupportRequestKind.training, request_id=request.id)
    return TrainingRequestDetail.model_validate(
        {
            **_fields(request),
            "person_name": person.name if person else "",
            "program_name": program.name if program else "",
            "events": [_fields(e) for e in events],
        }
    )


def read_consulting(
    session: Session, *, user: UserAccount, request_id: int
) -> ConsultingRequestDetail:
    """A consulting request with its meetings, hours and history; the expert's read is logged."""
    request = consulting.get(session, user=user, request_id=request_id)
    assert request.id is not None
    records = consulting.records_of(session, request_id=request.id)
    expert = session.get(Person, request.expert_person_id) if request.expert_person_id else None
    access_log.record(
        session,
        actor=user,
        action="support.consulting_request",
        person_ids=[request.expert_person_id] if request.expert_person_id else [],
    )
    group = session.get(Group, request.group_id)
    events = status_.history(session, kind=SupportRequestKind.consulting, request_id=request.id)
    return ConsultingRequestDetail.model_validate(
        {
            **_fields(request),
            "group_name": group.name if group else "",
            "expert_name": expert.name if expert else "",
            "total_hours": sum((r.hours for r in records), Decimal(0)),
            "records": [_fields(r) for r in records],
            "events": [_fields(e) for e in events],
        }
    )


def _actor_names(session: Session, events: list[Any]) -> dict[int, str]:
    ids = {e.actor_user_id for e in events if e.actor_user_id is not None}
    rows = session.exec(select(UserAccount).where(col(UserAccount.id).in_(ids))).all()
    return {u.id: (u.display_name or u.username) for u in rows if u.id is not None}


@dataclass(frozen=True)
class TrainingPage:
    detail: TrainingRequestDetail
    moves: list[str]
    actor_names: dict[int, str]


def training_page(session: Session, *, user: UserAccount, request_id: int) -> TrainingPage:
    detail = read_training(session, user=user, request_id=request_id)
    request = training.get(session, user=user, request_id=request_id)
    moves = status_.moves_for(session, user=user, request=request)
    return TrainingPage(detail, moves, _actor_names(session, detail.events))


@dataclass(frozen=True)
class ConsultingPage:
    detail: ConsultingRequestDetail
    # Bare moves for the status form (assigning has its own form with the pool).
    moves: list[str]
    pool: list[PoolMember]
    can_record: bool
    actor_names: dict[int, str]


def consulting_page(session: Session, *, user: UserAccount, request_id: int) -> ConsultingPage:
    """The request page; staff deciding an open request also see the expert pool to assign from."""
    detail = read_consulting(session, user=user, request_id=request_id)
    request = consulting.get(session, user=user, request_id=request_id)
    moves = status_.moves_for(session, user=user, request=request)
    staff = status_.actor_of(session, user=user, request=request) == "staff"
    pool: list[PoolMember] = []
    if ConsultingStatus.assigned in moves:
        pool = expert_service.pool(session, user=user, as_of=clock.today())
    return ConsultingPage(
        detail=detail,
        moves=[m for m in moves if m != ConsultingStatus.assigned],
        pool=pool,
        can_record=staff and request.status == ConsultingStatus.assigned,
        actor_names=_actor_names(session, detail.events),
    )


@dataclass(frozen=True)
class ConsultingRow:
    request: ConsultingRequest
    group_name: str


def consulting_rows(
    session: Session, *, user: UserAccount, status: ConsultingStatus | None = None
) -> tuple[list[ConsultingRow], int]:
    """The consulting requests in scope with their groups' names (no person is named)."""
    rows, count = consulting.list_(session, user=user, page=Page(200), status=status)
    groups = _names(session, Group, {r.group_id for r in rows}, "name")
    return [ConsultingRow(r, groups.get(r.group_id, "")) for r in rows], count
