"""Retention and destruction (PIPA 제21조): rules per kind of data with their legal basis, a dry
run that lists what a run would destroy, the run, and the destruction ledger.

Rules (their Korean names and legal bases: wording ``retention.rule.*`` / ``retention.basis.*``):
- ``contact_purpose_ended``: contact details of people whose every contact consent was withdrawn
  or has expired are erased.
- ``inactive_participants``: a person with no fact, certificate or account for ``INACTIVE_YEARS``
  becomes an anonymous record (counts survive).
- ``settlement_evidence``: kept, not destroyed — participation in subsidised projects is evidence
  for the subsidy settlement (지방보조금법), so facts themselves are never deleted; a person's facts
  within ``INACTIVE_YEARS`` keep their record whole.
A granted deletion request destroys at once (``privacy.requests``) and is entered in the same ledger.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col
from sqlmodel import select as sm_select

from maeul_db.auth import policies
from maeul_db.errors import Forbidden
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page, paginate
from maeul_db.models import (
    Activity,
    Attendance,
    Career,
    Certificate,
    Consent,
    CouncilSeat,
    DestructionEntry,
    Enrolment,
    ExpertPlacement,
    GroupMembership,
    Participation,
    Person,
    UserAccount,
)
from maeul_db.privacy import anonymise, consent

INACTIVE_YEARS = 5


def select(*columns: Any) -> Any:
    """Core ``select`` over model attributes (SQLModel's typed overloads stop at plain tuples)."""
    return sa_select(*columns)


@dataclass(frozen=True)
class Rule:
    code: str
    kind: str  # what is destroyed: "contact_details", "person" (or "none" for a keep rule)
    action: str  # "erase_contact", "anonymise" or "keep"


RULES: tuple[Rule, ...] = (
    Rule("contact_purpose_ended", "contact_details", "erase_contact"),
    Rule("inactive_participants", "person", "anonymise"),
    Rule("settlement_evidence", "none", "keep"),
)


@dataclass(frozen=True)
class PlanItem:
    rule: str
    kind: str
    person_ids: list[int]


def _require_officer(user: UserAccount) -> None:
    """Destruction is city-wide and approved by the city admin (the privacy officer's seat)."""
    if not policies.is_city_admin(user):
        raise Forbidden("privacy.officer_only")


# Per fact table: (person column, the last day it shows the person active).
def _fact_days(today: date) -> list[tuple[Any, Any]]:
    open_or = func.coalesce  # an open interval is active today
    return [
        (Participation.person_id, open_or(Participation.valid_to, today)),
        (GroupMembership.person_id, open_or(GroupMembership.valid_to, today)),
        (Career.person_id, open_or(Career.valid_to, today)),
        (ExpertPlacement.person_id, open_or(ExpertPlacement.valid_to, today)),
        (CouncilSeat.person_id, open_or(CouncilSeat.valid_to, today)),
        (Enrolment.person_id, func.date(Enrolment.created_at)),
    ]


def _last_active(session: Session, today: date) -> dict[int, date]:
    last: dict[int, date] = {}

    def keep(person_id: int, day: Any) -> None:
        value = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
        if value > last.get(person_id, date.min):
            last[person_id] = value

    for person_col, day in _fact_days(today):
        for pid, value in session.execute(select(person_col, func.max(day)).group_by(person_col)):
            keep(int(pid), value)
    held = (
        select(Attendance.person_id, func.max(Activity.held_on))
        .join(Activity, col(Activity.id) == Attendance.activity_id)
        .group_by(Attendance.person_id)
    )
    for pid, value in session.execute(held):
        keep(int(pid), value)
    return last


def inactive_people(session: Session, *, on: date) -> list[int]:
    """People not yet anonymous, registered and last active more than ``INACTIVE_YEARS`` before
    ``on``, with no certificate issued since and no account (their remaining legal basis)."""
    cutoff = clock.years_before(on, INACTIVE_YEARS)
    last = _last_active(session, on)
    certified = {
        int(pid)
        for (pid,) in session.execute(
            select(Certificate.person_id).where(
                col(Certificate.issued_at) >= datetime.combine(cutoff, time(), tzinfo=clock.SEOUL)
            )
        )
    }
    with_account = {
        int(pid)
        for (pid,) in session.execute(
            select(UserAccount.person_id).where(col(UserAccount.person_id).is_not(None))
        )
    }
    candidates = session.execute(
        select(Person.id, Person.created_at).where(col(Person.anonymised_at).is_(None))
    )
    found = []
    for pid, created in candidates:
        seen = max(last.get(pid, date.min), created.astimezone(clock.SEOUL).date())
        if seen < cutoff and pid not in certified and pid not in with_account:
            found.append(int(pid))
    return sorted(found)


def plan(session: Session, *, user: UserAccount, on: date | None = None) -> list[PlanItem]:
    """The dry run: per destroying rule, the people it would touch today."""
    _require_officer(user)
    day = on or clock.today()
    inactive = inactive_people(session, on=day)
    lapsed = [pid for pid in consent.lapsed_contact_people(session, on=day) if pid not in inactive]
    return [
        PlanItem("contact_purpose_ended", "contact_details", lapsed),
        PlanItem("inactive_participants", "person", inactive),
    ]


def _ledger(
    session: Session, *, user: UserAccount, rule: str, kind: str, person_ids: list[int]
) -> DestructionEntry:
    encoded = f",{','.join(map(str, sorted(person_ids)))}," if person_ids else ""
    entry = DestructionEntry(
        rule=rule,
        kind=kind,
        count=len(person_ids),
        approved_by_user_id=user.id,
        approved_by_username=user.username,
        person_ids=encoded,
    )
    session.add(entry)
    session.flush()
    return entry


def run(session: Session, *, user: UserAccount, on: date | None = None) -> list[DestructionEntry]:
    """Destroy what the dry run lists (approved by ``user``), one ledger entry per rule."""
    entries = []
    for item in plan(session, user=user, on=on):
        if item.kind == "contact_details":
            anonymise.erase_contact(session, item.person_ids)
        else:
            anonymise.anonymise(session, item.person_ids)
        entries.append(
            _ledger(session, user=user, rule=item.rule, kind=item.kind, person_ids=item.person_ids)
        )
    _refresh_expired(session, on or clock.today())
    return entries


def _refresh_expired(session: Session, day: date) -> None:
    """Consents that expired drop out of the people's cached purposes."""
    expired = session.exec(
        sm_select(Consent.person_id).where(col(Consent.expires_on) <= day).distinct()
    ).all()
    for person_id in expired:
        person = session.get(Person, person_id)
        if person is not None:
            consent.refresh_cache(session, person, on=day)


def record_request_destruction(
    session: Session, *, user: UserAccount, person_id: int
) -> DestructionEntry:
    """A granted deletion request's destruction, in the same ledger."""
    return _ledger(
        session, user=user, rule="deletion_request", kind="person", person_ids=[person_id]
    )


def ledger(
    session: Session, *, user: UserAccount, page: Page
) -> tuple[list[DestructionEntry], int]:
    """The destruction ledger, newest first (the city admin)."""
    _require_officer(user)
    return paginate(
        session, sm_select(DestructionEntry), page=page, order_by=col(DestructionEntry.id).desc()
    )
