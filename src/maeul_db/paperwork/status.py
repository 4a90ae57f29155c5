"""The application's state machine, once: which state may follow which, who may make each move
(district staff or the city admin = ``staff``; the group's own representative = ``rep``), and the
history row (who, when, why) every move writes. A representative can submit and resubmit their
application and hand in the result report; every decision (return, eligibility, selection,
agreement, settlement, closing) is staff's."""

from __future__ import annotations

from typing import Literal

from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.errors import Conflict, Forbidden, InvalidInput
from maeul_db.kit.time import utcnow
from maeul_db.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    GroupRepLink,
    Role,
    UserAccount,
)
from maeul_db.wording import label

S = ApplicationStatus
Actor = Literal["staff", "rep"]
STAFF: frozenset[Actor] = frozenset({"staff"})
BOTH: frozenset[Actor] = frozenset({"staff", "rep"})

TRANSITIONS: dict[tuple[S, S], frozenset[Actor]] = {
    (S.draft, S.submitted): BOTH,
    (S.returned, S.submitted): BOTH,
    (S.submitted, S.returned): STAFF,
    (S.submitted, S.eligible): STAFF,
    (S.submitted, S.ineligible): STAFF,
    (S.eligible, S.returned): STAFF,
    (S.ineligible, S.returned): STAFF,
    (S.eligible, S.scored): STAFF,
    (S.scored, S.selected): STAFF,
    (S.scored, S.not_selected): STAFF,
    (S.selected, S.agreement): STAFF,
    (S.agreement, S.in_progress): STAFF,
    (S.in_progress, S.report_submitted): BOTH,
    # A report sent back for changes reopens the project.
    (S.report_submitted, S.in_progress): STAFF,
    (S.report_submitted, S.settled): STAFF,
    (S.settled, S.closed): STAFF,
}
# Decisions that must say why.
REASON_REQUIRED = frozenset({S.returned, S.ineligible, S.not_selected, S.selected})
# States in which the group may still change what it applied with.
EDITABLE = frozenset({S.draft, S.returned})


def actor_of(session: Session, *, user: UserAccount, application: Application) -> Actor | None:
    """``staff`` for the city admin and the application district's staff, ``rep`` for a
    representative of the applying group, else None."""
    if user.role == Role.city_admin:
        return "staff"
    if user.role == Role.district_staff and user.district_code == application.district_code:
        return "staff"
    if user.role == Role.group_rep and user.id is not None:
        link = session.exec(
            select(GroupRepLink.id).where(
                GroupRepLink.account_id == user.id, GroupRepLink.group_id == application.group_id
            )
        ).first()
        return "rep" if link is not None else None
    return None


def allowed(current: S, to: S, actor: Actor | None) -> bool:
    return actor is not None and actor in TRANSITIONS.get((current, to), frozenset())


def move(
    session: Session, *, user: UserAccount, application: Application, to: S, reason: str = ""
) -> ApplicationEvent:
    """Move ``application`` to ``to``, or refuse: a move the machine does not know is a conflict
    (409); one it knows but not for this user is forbidden (403). Writes the history row."""
    current = S(application.status)
    pair = (current, to)
    if pair not in TRANSITIONS:
        raise Conflict("paperwork.transition_invalid", field="to", **_words(current, to))
    if not allowed(current, to, actor_of(session, user=user, application=application)):
        raise Forbidden("paperwork.transition_forbidden", **_words(current, to))
    if to in REASON_REQUIRED and not reason.strip():
        raise InvalidInput("paperwork.reason_required", field="reason")
    return _write(
        session, user=user, application=application, current=current, to=to, reason=reason
    )


def _words(current: S, to: S) -> dict[str, str]:
    return {"current": label("application_status", current), "to": label("application_status", to)}


def _write(
    session: Session,
    *,
    user: UserAccount,
    application: Application,
    current: S | None,
    to: S,
    reason: str,
) -> ApplicationEvent:
    assert application.id is not None
    application.status = to
    session.add(application)
    event = ApplicationEvent(
        application_id=application.id,
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
        entity="paperwork_application",
        entity_id=application.id,
        district_code=application.district_code,
        before={"status": current.value} if current else None,
        after={"status": to.value, "reason": reason.strip()},
    )
    return event


def start(session: Session, *, user: UserAccount, application: Application) -> ApplicationEvent:
    """The first history row of a new application (a draft)."""
    return _write(session, user=user, application=application, current=None, to=S.draft, reason="")


def history(session: Session, *, application_id: int) -> list[ApplicationEvent]:
    """The application's moves, oldest first (for a use case that loaded it in scope)."""
    stmt = select(ApplicationEvent).where(ApplicationEvent.application_id == application_id)
    return list(
        session.exec(stmt.order_by(col(ApplicationEvent.at), col(ApplicationEvent.id))).all()
    )
