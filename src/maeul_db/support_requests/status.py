"""The training and consulting requests' state machines, once, as data like the application's
(``paperwork.status``): which state may follow which, who may make each move (``staff``: the city
admin and the request district's staff; ``rep``: the representative of the request's group) and
the history row (who, when, why) every move writes."""

from __future__ import annotations

from typing import Literal

from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.errors import Conflict, Forbidden, InvalidInput
from maeul_db.kit.time import utcnow
from maeul_db.models import (
    ConsultingRequest,
    ConsultingStatus,
    GroupRepLink,
    Role,
    SupportRequestEvent,
    SupportRequestKind,
    TrainingRequest,
    TrainingRequestStatus,
    UserAccount,
)
from maeul_db.wording import label

Actor = Literal["staff", "rep"]
Request = TrainingRequest | ConsultingRequest
STAFF: frozenset[Actor] = frozenset({"staff"})
BOTH: frozenset[Actor] = frozenset({"staff", "rep"})
T = TrainingRequestStatus
C = ConsultingStatus

TRAINING: dict[tuple[str, str], frozenset[Actor]] = {
    (T.submitted, T.accepted): STAFF,
    (T.submitted, T.refused): STAFF,
    (T.submitted, T.withdrawn): BOTH,
}
CONSULTING: dict[tuple[str, str], frozenset[Actor]] = {
    (C.requested, C.assigned): STAFF,
    (C.requested, C.refused): STAFF,
    (C.requested, C.withdrawn): BOTH,
    (C.assigned, C.done): STAFF,
    (C.assigned, C.withdrawn): BOTH,
}
MACHINES = {SupportRequestKind.training: TRAINING, SupportRequestKind.consulting: CONSULTING}
# Refusals must say why.
REASON_REQUIRED = frozenset({T.refused.value, C.refused.value})
# The label kind of each machine's states.
STATUS_LABELS = {
    SupportRequestKind.training: "training_request_status",
    SupportRequestKind.consulting: "consulting_status",
}


def kind_of(request: Request) -> SupportRequestKind:
    if isinstance(request, TrainingRequest):
        return SupportRequestKind.training
    return SupportRequestKind.consulting


def actor_of(session: Session, *, user: UserAccount, request: Request) -> Actor | None:
    """``staff`` for the city admin and the request district's staff, ``rep`` for a
    representative of the request's group, else None."""
    if user.role == Role.city_admin:
        return "staff"
    if user.role == Role.district_staff and user.district_code == request.district_code:
        return "staff"
    if user.role == Role.group_rep and user.id is not None and request.group_id is not None:
        link = session.exec(
            select(GroupRepLink.id).where(
                GroupRepLink.account_id == user.id, GroupRepLink.group_id == request.group_id
            )
        ).first()
        return "rep" if link is not None else None
    return None


def allowed(kind: SupportRequestKind, current: str, to: str, actor: Actor | None) -> bool:
    return actor is not None and actor in MACHINES[kind].get((current, to), frozenset())


def moves_for(session: Session, *, user: UserAccount, request: Request) -> list[str]:
    """The states this user may move the request to from where it is (for the pages' buttons)."""
    kind, actor = kind_of(request), actor_of(session, user=user, request=request)
    current = str(request.status)
    return [
        to for (start, to) in MACHINES[kind] if start == current and allowed(kind, start, to, actor)
    ]


def move(
    session: Session, *, user: UserAccount, request: Request, to: str, reason: str = ""
) -> SupportRequestEvent:
    """Move ``request`` to ``to`` (see :func:`check`) and write the history row."""
    check(session, user=user, request=request, to=to, reason=reason)
    current = str(request.status)
    return _write(session, user=user, request=request, current=current, to=to, reason=reason)


def check(
    session: Session, *, user: UserAccount, request: Request, to: str, reason: str = ""
) -> None:
    """Refuse a move before anything is written: one the machine does not know is a conflict
    (409); one it knows but not for this user is forbidden (403); a refusal needs its reason."""
    kind, current = kind_of(request), str(request.status)
    if (current, to) not in MACHINES[kind]:
        raise Conflict("support.transition_invalid", field="to", **_words(kind, current, to))
    if not allowed(kind, current, to, actor_of(session, user=user, request=request)):
        raise Forbidden("support.transition_forbidden", **_words(kind, current, to))
    if to in REASON_REQUIRED and not reason.strip():
        raise InvalidInput("support.reason_required", field="reason")


def _words(kind: SupportRequestKind, current: str, to: str) -> dict[str, str]:
    kind_labels = STATUS_LABELS[kind]
    return {"current": label(kind_labels, current), "to": label(kind_labels, to)}


def _write(
    session: Session,
    *,
    user: UserAccount,
    request: Request,
    current: str | None,
    to: str,
    reason: str,
) -> SupportRequestEvent:
    assert request.id is not None
    kind = kind_of(request)
    request.status = to  # type: ignore[assignment]
    session.add(request)
    event = SupportRequestEvent(
        kind=kind,
        request_id=request.id,
        from_status=current,
        to_status=to,
        actor_user_id=user.id,
        at=utcnow(),
        reason=reason.strip(),
    )
    session.add(event)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="update" if current else "create",
        entity=f"{kind.value}_request",
        entity_id=request.id,
        district_code=request.district_code,
        before={"status": current} if current else None,
        after={"status": to, "reason": reason.strip()},
    )
    return event


def start(session: Session, *, user: UserAccount, request: Request) -> SupportRequestEvent:
    """The first history row of a new request (in its first state)."""
    return _write(
        session, user=user, request=request, current=None, to=str(request.status), reason=""
    )


def history(
    session: Session, *, kind: SupportRequestKind, request_id: int
) -> list[SupportRequestEvent]:
    """The request's moves, oldest first (for a use case that loaded it in scope)."""
    stmt = select(SupportRequestEvent).where(
        SupportRequestEvent.kind == kind, SupportRequestEvent.request_id == request_id
    )
    return list(
        session.exec(stmt.order_by(col(SupportRequestEvent.at), col(SupportRequestEvent.id))).all()
    )
