"""Training requests: a resident applies for a training programme, entered by district staff
(for a person they can see) or by a group representative (for a member of their group); staff
accept (the enrolment is made through the training service, once per person and programme) or
refuse with a reason; either side may withdraw while it waits."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import InvalidInput
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page, paginate
from maeul_db.models import (
    Enrolment,
    Group,
    GroupMembership,
    Person,
    Role,
    TrainingProgram,
    TrainingRequest,
    TrainingRequestStatus,
    UserAccount,
)
from maeul_db.participants import service as participant_service
from maeul_db.support_requests import status as status_
from maeul_db.support_requests.schemas import TrainingRequestCreate
from maeul_db.training import service as training_service
from maeul_db.training.schemas import EnrolmentCreate

S = TrainingRequestStatus


def visible_requests(user: UserAccount) -> Any:
    """Staff their district's requests, a representative their groups' requests."""
    return district_scoped(TrainingRequest, user, group_column=TrainingRequest.group_id)


def get(session: Session, *, user: UserAccount, request_id: int) -> TrainingRequest:
    policies.require_paperwork_user(user)
    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_requests(user),
        TrainingRequest,
        request_id,
        missing="support.training_request_not_found",
    )


def list_(
    session: Session, *, user: UserAccount, page: Page, status: S | None = None
) -> tuple[list[TrainingRequest], int]:
    """Requests in scope, the newest first."""
    policies.require_paperwork_user(user)
    stmt = visible_requests(user)
    if status is not None:
        stmt = stmt.where(TrainingRequest.status == status)
    return paginate(session, stmt, page=page, order_by=col(TrainingRequest.id).desc())


def programmes(session: Session, *, user: UserAccount) -> list[TrainingProgram]:
    """The programmes offered on the form (the catalogue is city-wide)."""
    policies.require_paperwork_user(user)
    return training_service.list_programs(session)


def create(session: Session, *, user: UserAccount, data: TrainingRequestCreate) -> TrainingRequest:
    """A new request (submitted). The programme must be the city's or the handling district's."""
    policies.require_paperwork_user(user)
    program = training_service.get_program(session, program_id=data.program_id)
    person_id, group, district = _applicant(session, user, data)
    if program.district_code is not None and program.district_code != district:
        raise InvalidInput("support.programme_other_district", field="program_id")
    waiting = session.exec(
        select(TrainingRequest.id).where(
            TrainingRequest.program_id == program.id,
            TrainingRequest.person_id == person_id,
            col(TrainingRequest.status).in_([S.submitted, S.accepted]),
        )
    ).first()
    if waiting is not None:
        raise InvalidInput("support.training_request_twice", field="program_id")
    request = TrainingRequest(
        program_id=data.program_id,
        person_id=person_id,
        district_code=district,
        group_id=group.id if group else None,
        motivation=data.motivation.strip(),
        status=S.submitted,
        entered_by_user_id=user.id,
    )
    session.add(request)
    session.flush()
    status_.start(session, user=user, request=request)
    return request


def _applicant(
    session: Session, user: UserAccount, data: TrainingRequestCreate
) -> tuple[int, Group | None, str]:
    """(person id, the group applied through, the handling district) for the form's person."""
    if user.role != Role.group_rep:
        if data.person_id is None:
            raise InvalidInput("support.person_required", field="person_id")
        person: Person = participant_service.get(session, user=user, person_id=data.person_id)
        assert person.id is not None
        district = user.district_code or person.registered_district_code
        return person.id, None, district
    if data.group_id is None:
        raise InvalidInput("support.group_required", field="group_id")
    group: Group = get_visible(
        session,
        district_scoped(Group, user, group_column=Group.id),
        Group,
        data.group_id,
        missing="group.not_found",
    )
    return _member(session, group, data), group, group.district_code


def _member(session: Session, group: Group, data: TrainingRequestCreate) -> int:
    """The group's member with this name and birth year (a representative names, never browses)."""
    if not data.name.strip() or data.birth_year is None:
        raise InvalidInput("support.member_details", field="name")
    found = session.exec(
        select(Person.id)
        .join(GroupMembership, col(GroupMembership.person_id) == col(Person.id))
        .where(
            GroupMembership.group_id == group.id,
            col(GroupMembership.voided_at).is_(None),
            Person.name == data.name.strip(),
            Person.birth_year == data.birth_year,
            col(Person.merged_into_id).is_(None),
        )
    ).first()
    if found is None:
        raise InvalidInput("support.not_a_member", field="name", group=group.name)
    return found


def accept(session: Session, *, user: UserAccount, request_id: int) -> TrainingRequest:
    """Accept: the person is enrolled through the training service (its rules: who may record
    the programme's courses). Idempotent: an accepted request is returned as it is, and an
    enrolment the person already has is linked, never doubled."""
    request = get(session, user=user, request_id=request_id)
    if request.status == S.accepted:
        return request
    status_.check(session, user=user, request=request, to=S.accepted)
    request.enrolment_id = _enrolment(session, user, request)
    status_.move(session, user=user, request=request, to=S.accepted)
    session.add(request)
    session.flush()
    return request


def _enrolment(session: Session, user: UserAccount, request: TrainingRequest) -> int:
    existing = session.exec(
        select(Enrolment.id).where(
            Enrolment.program_id == request.program_id,
            Enrolment.person_id == request.person_id,
            col(Enrolment.withdrawn_on).is_(None),
        )
    ).first()
    if existing is not None:
        return existing
    enrolment = training_service.enrol(
        session,
        user=user,
        data=EnrolmentCreate(
            program_id=request.program_id, person_id=request.person_id, enrolled_on=clock.today()
        ),
    )
    assert enrolment.id is not None
    return enrolment.id


def change_status(
    session: Session, *, user: UserAccount, request_id: int, to: str, reason: str = ""
) -> TrainingRequest:
    """Refuse or withdraw (acceptance is :func:`accept`, which also enrols)."""
    request = get(session, user=user, request_id=request_id)
    if to == S.accepted:
        return accept(session, user=user, request_id=request_id)
    status_.move(session, user=user, request=request, to=to, reason=reason)
    return request
