"""Identity at entry: one resolution for every door that registers a person (the web form, ``POST
/api/people``, ``POST /api/identity/register``), the same lookups the import uses
(``identity.matching``):

- an exact key (name + birth year + phone or e-mail) of a person the user already sees →
  ``existing``: nothing is written, the door points at that person;
- an exact key of a person only another district knows → ``attached`` (a ``person_district_link``
  row, audited): the district now sees the person as if it had recorded a fact, i.e. the core
  details and its own facts, never the other district's facts or its contact data without the
  person's consent (``participants.visibility``). With ``attach=False`` the door only learns
  ``elsewhere`` (nothing written) and asks the user to confirm;
- otherwise ``created`` plus a review candidate for each person with the same name and birth year.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.errors import Forbidden
from maeul_db.identity.keys import IdentityKeys, keys_for
from maeul_db.identity.matching import exact_matches, weak_matches, weak_reason
from maeul_db.models import Person, PersonDistrictLink, PersonMatchCandidate, UserAccount
from maeul_db.participants import service as participant_service
from maeul_db.participants.schemas import PersonCreate
from maeul_db.participants.visibility import PersonView, visible_people


class Outcome(StrEnum):
    created = "created"
    existing = "existing"
    attached = "attached"
    # Only when the caller did not ask to attach: an exact match another district knows.
    elsewhere = "elsewhere"


class Resolution(NamedTuple):
    # None only for ``elsewhere`` (the other district's person is not shown before attaching).
    person: Person | None
    outcome: Outcome
    review_candidates: list[PersonMatchCandidate]

    @property
    def created(self) -> bool:
        return self.outcome == Outcome.created


def keys_of(candidate: PersonCreate) -> IdentityKeys:
    return keys_for(
        name=candidate.name,
        birth_year=candidate.birth_year,
        phone=candidate.phone,
        email=candidate.email,
    )


def exact_in_view(session: Session, user: UserAccount, keys: IdentityKeys) -> Person | None:
    """The person on an exact key among those ``user`` may already read, else None."""
    found = exact_matches(session, keys.exact())
    ids = sorted(set(found.values()))
    if not ids:
        return None
    person: Person | None = session.exec(
        visible_people(user).where(col(Person.id).in_(ids)).order_by(col(Person.id)).limit(1)
    ).first()
    return person


def _elsewhere(session: Session, keys: IdentityKeys) -> int | None:
    found = exact_matches(session, keys.exact())
    return min(found.values()) if found else None


def _attach(session: Session, *, user: UserAccount, person_id: int) -> Person:
    district = user.district_code
    if district is None:  # only district staff can lack the person in scope
        raise Forbidden("person.register_forbidden")
    link = session.exec(
        select(PersonDistrictLink).where(
            PersonDistrictLink.person_id == person_id, PersonDistrictLink.district_code == district
        )
    ).first()
    if link is None:
        session.add(
            PersonDistrictLink(
                person_id=person_id, district_code=district, linked_by_user_id=user.id
            )
        )
        session.flush()
        audit.record(
            session,
            actor=user,
            action="attach",
            entity="person",
            entity_id=person_id,
            district_code=district,
            after={"district_code": district},
        )
    person = session.get(Person, person_id)
    assert person is not None
    return person


def _create(session: Session, *, user: UserAccount, candidate: PersonCreate) -> Resolution:
    keys = keys_of(candidate)
    weak = weak_matches(session, [keys.name_birth]).get(keys.name_birth, [])
    person = participant_service.create(session, user=user, data=candidate)
    assert person.id is not None
    rows = [
        PersonMatchCandidate(
            person_id=person.id,
            candidate_person_id=other.person_id,
            district_code=person.registered_district_code,
            reason=weak_reason(person.home_dong_code, other),
        )
        for other in weak
        if other.person_id != person.id
    ]
    session.add_all(rows)
    session.flush()
    return Resolution(person, Outcome.created, rows)


def register(
    session: Session, *, user: UserAccount, candidate: PersonCreate, attach: bool = True
) -> Resolution:
    """Resolve ``candidate`` as the module docstring says; only users who log facts register."""
    policies.require_fact_logger(user)
    keys = keys_of(candidate)
    existing = exact_in_view(session, user, keys)
    if existing is not None:
        return Resolution(existing, Outcome.existing, [])
    other = _elsewhere(session, keys)
    if other is not None and user.district_code is not None:
        if not attach:
            return Resolution(None, Outcome.elsewhere, [])
        return Resolution(_attach(session, user=user, person_id=other), Outcome.attached, [])
    return _create(session, user=user, candidate=candidate)


def register_shown(
    session: Session, *, user: UserAccount, candidate: PersonCreate
) -> tuple[Resolution, PersonView]:
    """:func:`register` (attaching), then the person as ``user`` may see them, access-logged:
    the API answers with the person whichever way the registration went."""
    result = register(session, user=user, candidate=candidate)
    assert result.person is not None and result.person.id is not None
    return result, participant_service.read(session, user=user, person_id=result.person.id)
