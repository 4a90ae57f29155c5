"""Consent as records: one row per purpose, with the notice version shown, how and when it was
given, who recorded it, its expiry and its withdrawal.

The records are the truth. ``Person.consent_scopes`` is a cache of the purposes in force today,
rewritten here whenever a record changes (and by the retention run when one expires), because the
people search filters on it in SQL (``participants.visibility.contact_condition``).

Where consent is enforced: ``research_withdrawn`` leaves people who withdrew research consent out
of every network and network export (``analytics.queries``); contact details are shown to other
districts only under a contact consent in force (``participants.visibility``), and erased by the
retention rule ``contact_purpose_ended`` once no contact consent remains (docs/privacy.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import and_, exists, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col
from sqlmodel import select as sm_select

from maeul_db.access_log import service as access_log
from maeul_db.auth import policies
from maeul_db.core.scope import get_visible
from maeul_db.errors import InvalidInput, NotFound
from maeul_db.kit import time as clock
from maeul_db.models import Consent, ConsentMethod, ConsentPurpose, Person, UserAccount
from maeul_db.participants.visibility import visible_people


def purpose_of(value: str, *, field: str = "purpose") -> ConsentPurpose:
    """A purpose from its code; anything else is refused (the old columns took any string)."""
    try:
        return ConsentPurpose(value.strip())
    except ValueError:
        raise InvalidInput(
            "consent.unknown_purpose",
            field=field,
            value=value,
            purposes=", ".join(p.value for p in ConsentPurpose),
        ) from None


def in_force(consent: Consent, on: date) -> bool:
    """Given on or before ``on`` (or undated), not withdrawn and not expired by then."""
    if consent.given_on is not None and consent.given_on > on:
        return False
    if consent.withdrawn_on is not None and consent.withdrawn_on <= on:
        return False
    return consent.expires_on is None or consent.expires_on > on


def in_force_sql(on: date) -> Any:
    """The SQL form of :func:`in_force` over ``Consent``."""
    return and_(
        or_(col(Consent.given_on).is_(None), col(Consent.given_on) <= on),
        or_(col(Consent.withdrawn_on).is_(None), col(Consent.withdrawn_on) > on),
        or_(col(Consent.expires_on).is_(None), col(Consent.expires_on) > on),
    )


def research_withdrawn(person_id: Any) -> Any:
    """SQL: the person (``person_id`` column) withdrew research consent and holds none in force
    today. Used by analytics to leave them out of networks and analyst exports."""
    today = clock.today()
    withdrew = exists().where(
        col(Consent.person_id) == person_id,
        col(Consent.purpose) == ConsentPurpose.research.value,
        col(Consent.withdrawn_on).is_not(None),
    )
    holds = exists().where(
        col(Consent.person_id) == person_id,
        col(Consent.purpose) == ConsentPurpose.research.value,
        in_force_sql(today),
    )
    return and_(withdrew, ~holds)


def _person(session: Session, user: UserAccount, person_id: int) -> Person:
    policies.require_fact_logger(user)
    return get_visible(  # type: ignore[no-any-return]
        session, visible_people(user), Person, person_id, missing="person.not_found"
    )


def refresh_cache(session: Session, person: Person, *, on: date | None = None) -> None:
    """Rewrite the person's cached purposes from their records."""
    day = on or clock.today()
    rows = session.exec(sm_select(Consent).where(Consent.person_id == person.id)).all()
    held = sorted({c.purpose for c in rows if in_force(c, day)})
    person.consent_scopes = ",".join(str(p) for p in held)
    session.add(person)


def list_for_person(
    session: Session, *, user: UserAccount, person_id: int
) -> tuple[Person, list[Consent]]:
    """A person (named on the page) and their consent records, by purpose, newest first; shown,
    so logged."""
    person = _person(session, user, person_id)
    stmt = (
        sm_select(Consent)
        .where(Consent.person_id == person_id)
        .order_by(col(Consent.purpose), col(Consent.id).desc())
    )
    rows = list(session.exec(stmt).all())
    access_log.record(session, actor=user, action="person.consents", person_ids=[person_id])
    return person, rows


def give(
    session: Session,
    *,
    user: UserAccount,
    person_id: int,
    purpose: str,
    method: ConsentMethod,
    given_on: date,
    notice_version: str | None = None,
    expires_on: date | None = None,
) -> Consent:
    """Record a consent the person gave (on a paper or web form)."""
    person = _person(session, user, person_id)
    chosen = purpose_of(purpose)
    if given_on > clock.today():
        raise InvalidInput("consent.given_in_future", field="given_on")
    if expires_on is not None and expires_on <= given_on:
        raise InvalidInput("consent.expiry_before_given", field="expires_on")
    consent = Consent(
        person_id=person_id,
        purpose=chosen,
        method=method,
        given_on=given_on,
        notice_version=notice_version or None,
        expires_on=expires_on,
        recorded_by_user_id=user.id,
        district_code=user.district_code or person.registered_district_code,
    )
    session.add(consent)
    session.flush()
    refresh_cache(session, person)
    return consent


def withdraw(
    session: Session, *, user: UserAccount, person_id: int, consent_id: int, on: date | None = None
) -> Consent:
    """The person withdrew this consent (from ``on``, default today); the row stays as evidence."""
    person = _person(session, user, person_id)
    consent = session.get(Consent, consent_id)
    if consent is None or consent.person_id != person_id:
        raise NotFound("consent.not_found")
    if consent.withdrawn_on is None:
        consent.withdrawn_on = on or clock.today()
        session.add(consent)
        session.flush()
    refresh_cache(session, person)
    return consent


def withdraw_all(session: Session, *, person: Person, purposes: Iterable[ConsentPurpose]) -> int:
    """Withdraw every record in force for ``purposes`` (a granted withdrawal or stop-processing
    request); the caller has checked scope. Returns how many records were withdrawn."""
    today = clock.today()
    rows = session.exec(
        sm_select(Consent).where(
            Consent.person_id == person.id, col(Consent.purpose).in_(list(purposes))
        )
    ).all()
    changed = 0
    for consent in rows:
        if in_force(consent, today):
            consent.withdrawn_on = today
            session.add(consent)
            changed += 1
    session.flush()
    refresh_cache(session, person)
    return changed


def record_at_registration(
    session: Session,
    *,
    person: Person,
    purposes: Sequence[str],
    user: UserAccount | None,
    method: ConsentMethod,
    given_on: date | None,
    notice_version: str | None = None,
    import_batch_id: int | None = None,
) -> None:
    """The consents a new person gave on the registration form or roster (purposes checked)."""
    assert person.id is not None
    chosen = sorted({purpose_of(p, field="consent_scopes") for p in purposes if p.strip()})
    for purpose in chosen:
        session.add(
            Consent(
                person_id=person.id,
                purpose=purpose,
                method=method,
                given_on=given_on,
                notice_version=notice_version,
                recorded_by_user_id=user.id if user else None,
                district_code=person.registered_district_code,
                import_batch_id=import_batch_id,
            )
        )
    person.consent_scopes = ",".join(str(p) for p in chosen)
    session.add(person)


def lapsed_contact_people(session: Session, *, on: date) -> list[int]:
    """People with contact details whose every contact consent was withdrawn or has expired
    (not merely never given: the registering district may hold contact for participation)."""
    had = exists().where(
        col(Consent.person_id) == col(Person.id),
        col(Consent.purpose) == ConsentPurpose.contact.value,
    )
    holds = exists().where(
        col(Consent.person_id) == col(Person.id),
        col(Consent.purpose) == ConsentPurpose.contact.value,
        in_force_sql(on),
    )
    has_contact = or_(col(Person.phone).is_not(None), col(Person.email).is_not(None))
    stmt = sa_select(col(Person.id)).where(has_contact, had, ~holds).order_by(col(Person.id))
    return [int(row[0]) for row in session.execute(stmt)]
