"""Data subjects' rights requests (PIPA 제35조–제37조): access, correction, deletion, stop
processing and consent withdrawal, each with its clock, an extension with its reason, and a
decision with its reason and how to object.

Clocks (Seoul dates): access and stop processing within 10 days of receipt (제35조 제3항,
제37조 제2항 시행령 제41조·제44조); correction, deletion and withdrawal without delay, which is
taken as the day of receipt. Residents have no accounts: staff record the request after checking
who is asking (``verification``) and the requests belong to the recording district.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, func
from sqlmodel import Session, col

from maeul_db.access_log import service as access_log
from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Conflict, InvalidInput
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page, paginate
from maeul_db.models import (
    ConsentPurpose,
    Person,
    RequestDecision,
    RequestKind,
    RightsRequest,
    UserAccount,
)
from maeul_db.participants.visibility import visible_people
from maeul_db.privacy import anonymise, consent, retention

DAYS_ALLOWED = {
    RequestKind.access: 10,
    RequestKind.stop_processing: 10,
    RequestKind.correction: 0,
    RequestKind.deletion: 0,
    RequestKind.withdrawal: 0,
}
MAX_EXTENSION_DAYS = 10
# What a granted request withdraws: stopping processing ends research use and provision to others;
# a withdrawal ends every purpose but the record of participation itself.
WITHDRAWS = {
    RequestKind.stop_processing: (ConsentPurpose.research, ConsentPurpose.third_party),
    RequestKind.withdrawal: tuple(p for p in ConsentPurpose if p != ConsentPurpose.participation),
}


@dataclass(frozen=True)
class RequestView:
    request: RightsRequest
    person_name: str
    due: date
    overdue: bool


def due_on(kind: RequestKind, received: date) -> date:
    return received + timedelta(days=DAYS_ALLOWED[kind])


def deadline(request: RightsRequest) -> date:
    return request.extended_to or request.due_on


def is_overdue(request: RightsRequest, today: date) -> bool:
    return request.decided_at is None and today > deadline(request)


def _scoped(user: UserAccount) -> Any:
    policies.require_fact_logger(user)
    return district_scoped(RightsRequest, user)


def get(session: Session, *, user: UserAccount, request_id: int) -> RightsRequest:
    return get_visible(  # type: ignore[no-any-return]
        session, _scoped(user), RightsRequest, request_id, missing="privacy.request_not_found"
    )


def _view(session: Session, request: RightsRequest, today: date) -> RequestView:
    person = session.get(Person, request.person_id)
    return RequestView(
        request=request,
        person_name=person.name if person else "",
        due=deadline(request),
        overdue=is_overdue(request, today),
    )


def view(session: Session, *, user: UserAccount, request_id: int) -> RequestView:
    """One request with the person's name (shown, so logged)."""
    request = get(session, user=user, request_id=request_id)
    access_log.record(
        session, actor=user, action="privacy.requests", person_ids=[request.person_id]
    )
    return _view(session, request, clock.today())


def list_(
    session: Session, *, user: UserAccount, page: Page, open_only: bool = False
) -> tuple[list[RequestView], int]:
    """The district's requests: undecided first, earliest deadline first (so overdue on top)."""
    stmt = _scoped(user)
    if open_only:
        stmt = stmt.where(col(RightsRequest.decided_at).is_(None))
    order = (
        case((col(RightsRequest.decided_at).is_(None), 0), else_=1),
        func.coalesce(RightsRequest.extended_to, RightsRequest.due_on),
        col(RightsRequest.id),
    )
    rows, count = paginate(session, stmt, page=page, order_by=order)
    access_log.record(
        session, actor=user, action="privacy.requests", person_ids=[r.person_id for r in rows]
    )
    today = clock.today()
    return [_view(session, r, today) for r in rows], count


def create(
    session: Session,
    *,
    user: UserAccount,
    person_id: int,
    kind: RequestKind,
    requester: str,
    verification: str,
    details: str | None = None,
) -> RightsRequest:
    """Record a request received today, with the requester and how they were verified."""
    policies.require_fact_logger(user)
    person = get_visible(
        session, visible_people(user), Person, person_id, missing="person.not_found"
    )
    if not requester.strip():
        raise InvalidInput("privacy.requester_missing", field="requester")
    if not verification.strip():
        raise InvalidInput("privacy.verification_missing", field="verification")
    received = clock.now()
    request = RightsRequest(
        person_id=person_id,
        district_code=user.district_code or person.registered_district_code,
        kind=kind,
        received_at=received,
        due_on=due_on(kind, received.astimezone(clock.SEOUL).date()),
        requester=requester.strip(),
        verification=verification.strip(),
        details=(details or "").strip() or None,
        recorded_by_user_id=user.id,
    )
    session.add(request)
    session.flush()
    return request


def extend(
    session: Session, *, user: UserAccount, request_id: int, until: date, reason: str
) -> RightsRequest:
    """Postpone the deadline once, with a stated reason (told to the requester)."""
    request = get(session, user=user, request_id=request_id)
    _require_open(request)
    if not reason.strip():
        raise InvalidInput("privacy.extension_reason_missing", field="reason")
    if request.extended_to is not None:
        raise Conflict("privacy.already_extended")
    if until <= request.due_on or until > request.due_on + timedelta(days=MAX_EXTENSION_DAYS):
        raise InvalidInput("privacy.bad_extension", field="until", days=MAX_EXTENSION_DAYS)
    request.extended_to = until
    request.extension_reason = reason.strip()
    session.add(request)
    return request


def _require_open(request: RightsRequest) -> None:
    if request.decided_at is not None:
        raise Conflict("privacy.already_decided")


def decide(
    session: Session,
    *,
    user: UserAccount,
    request_id: int,
    decision: RequestDecision,
    reason: str,
    how_to_object: str | None = None,
) -> RightsRequest:
    """Decide with a reason; a refusal (or partial grant) also says how to object. A granted
    deletion makes the person anonymous at once; a granted withdrawal or stop of processing
    withdraws the consents it covers."""
    request = get(session, user=user, request_id=request_id)
    _require_open(request)
    if not reason.strip():
        raise InvalidInput("privacy.decision_reason_missing", field="reason")
    if decision != RequestDecision.granted and not (how_to_object or "").strip():
        raise InvalidInput("privacy.how_to_object_missing", field="how_to_object")
    request.decision = decision
    request.decision_reason = reason.strip()
    request.how_to_object = (how_to_object or "").strip() or None
    request.decided_at = clock.now()
    request.decided_by_user_id = user.id
    session.add(request)
    session.flush()
    if decision != RequestDecision.refused:
        _carry_out(session, user=user, request=request)
    return request


def _carry_out(session: Session, *, user: UserAccount, request: RightsRequest) -> None:
    person = session.get(Person, request.person_id)
    assert person is not None
    if request.kind == RequestKind.deletion:
        anonymise.anonymise(session, [request.person_id])
        retention.record_request_destruction(session, user=user, person_id=request.person_id)
    elif request.kind in WITHDRAWS:
        consent.withdraw_all(session, person=person, purposes=WITHDRAWS[request.kind])
