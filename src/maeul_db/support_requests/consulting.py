"""Consulting requests: a group (its representative, or staff for it) asks for consulting on a
topic; staff of the group's district assign an expert of the pool (the expert pool's own rule,
``experts.service.evaluate_pool``: there is one pool), record each meeting's day and hours, and
close it as done; staff may refuse with a reason, either side withdraw while it is open."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.experts import service as expert_service
from maeul_db.kit.pagination import Page, paginate
from maeul_db.kit.time import check_fact_date
from maeul_db.models import (
    ConsultingRecord,
    ConsultingRequest,
    ConsultingStatus,
    Group,
    Person,
    UserAccount,
)
from maeul_db.support_requests import status as status_
from maeul_db.support_requests.schemas import (
    Assignment,
    ConsultingRecordIn,
    ConsultingRequestCreate,
)

S = ConsultingStatus


def visible_requests(user: UserAccount) -> Any:
    return district_scoped(ConsultingRequest, user, group_column=ConsultingRequest.group_id)


def get(session: Session, *, user: UserAccount, request_id: int) -> ConsultingRequest:
    policies.require_paperwork_user(user)
    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_requests(user),
        ConsultingRequest,
        request_id,
        missing="support.consulting_request_not_found",
    )


def list_(
    session: Session, *, user: UserAccount, page: Page, status: S | None = None
) -> tuple[list[ConsultingRequest], int]:
    policies.require_paperwork_user(user)
    stmt = visible_requests(user)
    if status is not None:
        stmt = stmt.where(ConsultingRequest.status == status)
    return paginate(session, stmt, page=page, order_by=col(ConsultingRequest.id).desc())


def requesting_groups(session: Session, *, user: UserAccount) -> list[Group]:
    """The groups offered on the form: staff their district's, a representative their own."""
    policies.require_paperwork_user(user)
    stmt = district_scoped(Group, user, group_column=Group.id).order_by(col(Group.name))
    return list(session.exec(stmt.limit(500)).all())


def create(
    session: Session, *, user: UserAccount, data: ConsultingRequestCreate
) -> ConsultingRequest:
    policies.require_paperwork_user(user)
    group: Group = get_visible(
        session,
        district_scoped(Group, user, group_column=Group.id),
        Group,
        data.group_id,
        missing="group.not_found",
    )
    request = ConsultingRequest(
        group_id=data.group_id,
        district_code=group.district_code,
        topic=data.topic.strip(),
        detail=data.detail.strip(),
        status=S.requested,
        entered_by_user_id=user.id,
    )
    session.add(request)
    session.flush()
    status_.start(session, user=user, request=request)
    return request


def assign(
    session: Session, *, user: UserAccount, request_id: int, data: Assignment
) -> ConsultingRequest:
    """Assign a member of the expert pool (staff of the group's district, or the city admin)."""
    request = get(session, user=user, request_id=request_id)
    if status_.actor_of(session, user=user, request=request) != "staff":
        raise Forbidden("support.assign_forbidden")
    person = session.get(Person, data.expert_person_id)
    if person is None or person.merged_into_id is not None:
        raise NotFound("person.not_found")
    days = expert_service.stage_days(session, [data.expert_person_id])
    if not expert_service.evaluate_pool(days.get(data.expert_person_id, {})).eligible:
        raise InvalidInput("support.expert_not_in_pool", field="expert_person_id")
    status_.move(session, user=user, request=request, to=S.assigned, reason=data.reason)
    request.expert_person_id = data.expert_person_id
    session.add(request)
    session.flush()
    return request


def record(
    session: Session, *, user: UserAccount, request_id: int, data: ConsultingRecordIn
) -> ConsultingRecord:
    """One meeting's day and hours, by staff, while the request is assigned."""
    check_fact_date(data.held_on, field="held_on")
    request = get(session, user=user, request_id=request_id)
    if status_.actor_of(session, user=user, request=request) != "staff":
        raise Forbidden("support.record_forbidden")
    if request.status != S.assigned or request.expert_person_id is None:
        raise InvalidInput("support.record_not_assigned", field="held_on")
    assert request.id is not None
    row = ConsultingRecord(
        request_id=request.id,
        expert_person_id=request.expert_person_id,
        held_on=data.held_on,
        hours=data.hours,
        note=data.note.strip(),
        recorded_by_user_id=user.id,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="consulting_record",
        entity_id=row.id,
        district_code=request.district_code,
        after={"held_on": data.held_on, "hours": data.hours},
    )
    return row


def change_status(
    session: Session, *, user: UserAccount, request_id: int, to: str, reason: str = ""
) -> ConsultingRequest:
    """Refuse, withdraw or finish (assigning is :func:`assign`); done needs a recorded meeting."""
    request = get(session, user=user, request_id=request_id)
    if to == S.assigned:
        raise InvalidInput("support.use_assign", field="to")
    if (
        to == S.done
        and request.status == S.assigned
        and not records_of(session, request_id=request_id)
    ):
        raise InvalidInput("support.done_without_record", field="to")
    status_.move(session, user=user, request=request, to=to, reason=reason)
    return request


def records_of(session: Session, *, request_id: int) -> list[ConsultingRecord]:
    stmt = select(ConsultingRecord).where(ConsultingRecord.request_id == request_id)
    return list(session.exec(stmt.order_by(col(ConsultingRecord.held_on))).all())
