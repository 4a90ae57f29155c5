"""People: register, read within scope, update with a kept version history.

What is shown of a person is ``visibility.person_view`` (contact data masked across districts);
who may change the city-wide details is ``visibility.can_change_details``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.core import refs
from maeul_db.core.scope import get_visible
from maeul_db.errors import Conflict, Forbidden, InvalidInput, NotFound
from maeul_db.identity.keys import fill_keys
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page, paginate
from maeul_db.kit.time import utcnow
from maeul_db.models import (
    ConsentMethod,
    Dong,
    GroupMembership,
    Participation,
    Person,
    PersonVersion,
    Role,
    UserAccount,
)
from maeul_db.participants.schemas import (
    PeopleFilter,
    PersonCreate,
    PersonUpdate,
    PersonVersionPublic,
)
from maeul_db.participants.visibility import (
    CONTACT_FIELDS,
    PersonView,
    can_change_details,
    contact_condition,
    contact_visible,
    person_view,
    visible_people,
)
from maeul_db.privacy import consent as consent_service

DETAIL_FIELDS = ("name", "gender", "birth_year", "phone", "email", "home_dong_code")


def _details(person: Person) -> dict[str, Any]:
    return {name: getattr(person, name) for name in DETAIL_FIELDS}


def _check_dong(session: Session, code: str | None) -> None:
    if code is not None and session.get(Dong, code) is None:
        raise InvalidInput("dong.unknown", field="home_dong_code", code=code)


def get(session: Session, *, user: UserAccount, person_id: int) -> Person:
    """Load a person in scope for another use case (a check, a write); it logs nothing, so a door
    that shows the person calls :func:`read` instead."""
    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_people(user),
        Person,
        person_id,
        missing="person.not_found",
    )


def read(session: Session, *, user: UserAccount, person_id: int) -> PersonView:
    """One person's details as ``user`` may see them, shown: recorded in the access log."""
    person = get(session, user=user, person_id=person_id)
    access_log.record(session, actor=user, action="person.read", person_ids=[person_id])
    return person_view(user, person)


def _require_detail_editor(user: UserAccount, person: Person) -> None:
    if not can_change_details(user, person):
        raise Forbidden("identity.details_elsewhere")


def read_for_edit(session: Session, *, user: UserAccount, person_id: int) -> Person:
    """The details the edit form shows: only to users who log facts and may change this
    person's city-wide details (the registering district, the city admin; 403 otherwise), logged.
    Such a user sees the contact data in full, so the form holds the stored values."""
    policies.require_fact_logger(user)
    person = get(session, user=user, person_id=person_id)
    _require_detail_editor(user, person)
    if person.anonymised_at is not None:  # destroyed details are not written back (issue 13)
        raise Conflict("person.anonymised")
    access_log.record(session, actor=user, action="person.read", person_ids=[person_id])
    return person


def _require_reader(user: UserAccount) -> None:
    if not policies.can_read_personal_data(user):
        raise Forbidden("person.read_forbidden")


def _search(stmt: Any, user: UserAccount, query: str) -> Any:
    digits = "".join(ch for ch in query if ch.isdigit())
    return stmt.where(
        col(Person.name).contains(query.replace(" ", ""))
        | (
            (col(Person.phone).contains(digits) & contact_condition(user))
            if len(digits) >= 4
            else False
        )
    )


def _in_district(fact: Any, user: UserAccount) -> Any:
    """``fact``'s person ids within ``user``'s district (all districts for the city admin)."""
    stmt = select(fact.person_id).where(col(fact.voided_at).is_(None))
    return (
        stmt if user.district_code is None else stmt.where(fact.district_code == user.district_code)
    )


def _filter(stmt: Any, user: UserAccount, filters: PeopleFilter) -> Any:
    """Narrow a people search; a home-dong filter finds only people whose contact data (the home
    dong among them) the user may read, and group and role look at the user's district's facts."""
    if filters.birth_year is not None:
        stmt = stmt.where(Person.birth_year == filters.birth_year)
    if filters.dong_code:
        stmt = stmt.where(Person.home_dong_code == filters.dong_code, contact_condition(user))
    if filters.group_id is not None:
        members = _in_district(GroupMembership, user).where(
            GroupMembership.group_id == filters.group_id
        )
        stmt = stmt.where(col(Person.id).in_(members))
    if filters.role:
        holders = _in_district(Participation, user).where(Participation.role == filters.role)
        stmt = stmt.where(col(Person.id).in_(holders))
    return stmt


def list_(
    session: Session,
    *,
    user: UserAccount,
    page: Page,
    query: str | None = None,
    birth_year: int | None = None,
    filters: PeopleFilter | None = None,
) -> tuple[list[PersonView], int]:
    """Search the people ``user`` may read (analysts: 403); the page shown is access-logged.
    A phone search finds only people whose phone the user may read."""
    _require_reader(user)
    stmt = visible_people(user)
    if query:
        stmt = _search(stmt, user, query)
    filters = filters or PeopleFilter()
    if birth_year is not None:
        filters = filters.model_copy(update={"birth_year": birth_year})
    stmt = _filter(stmt, user, filters)
    rows, count = paginate(session, stmt, page=page, order_by=Person.id)
    access_log.record(
        session, actor=user, action="people.list", person_ids=[r.id for r in rows if r.id]
    )
    return [person_view(user, r) for r in rows], count


def people_by_id(
    session: Session, *, user: UserAccount, person_ids: Iterable[int]
) -> dict[int, Person]:
    """The people in scope behind fact rows, to put names to a list the calling use case logs
    (merged-away and out-of-scope ids are left out: the page shows the number only)."""
    ids = sorted(set(person_ids))
    if not ids:
        return {}
    rows = session.exec(visible_people(user).where(col(Person.id).in_(ids))).all()
    return {p.id: p for p in rows if p.id is not None}


def count(session: Session, *, user: UserAccount) -> int:
    """How many people ``user`` may read (no one is shown, so nothing is logged)."""
    _, total = paginate(session, visible_people(user), page=Page(limit=1), order_by=Person.id)
    return total


def _registering_district(user: UserAccount, data: PersonCreate) -> str:
    if user.role == Role.district_staff and user.district_code:
        if data.registered_district_code not in (None, user.district_code):
            raise Forbidden("person.other_district")
        return user.district_code
    if user.role == Role.city_admin and data.registered_district_code:
        return data.registered_district_code
    if user.role == Role.city_admin:
        raise InvalidInput(
            "person.district_required",
            field="registered_district_code",
        )
    raise Forbidden("person.register_forbidden")


def create(session: Session, *, user: UserAccount, data: PersonCreate) -> Person:
    district = refs.require_district(
        session, _registering_district(user, data), field="registered_district_code"
    )
    _check_dong(session, data.home_dong_code)
    now = utcnow()
    person = Person(
        **data.model_dump(include=set(DETAIL_FIELDS)),
        registered_district_code=district,
        consent_at=now,
        consent_notice_version=data.consent_notice_version,
        created_at=now,
        updated_at=now,
    )
    fill_keys(person)
    session.add(person)
    session.flush()
    consent_service.record_at_registration(
        session,
        person=person,
        purposes=data.consent_scopes,
        user=user,
        method=ConsentMethod.paper,
        given_on=clock.today(),
        notice_version=data.consent_notice_version,
    )
    _add_version(session, person, user=user, at=now, reason="create")
    audit.record(
        session,
        actor=user,
        action="create",
        entity="person",
        entity_id=person.id,
        district_code=district,
        after=_details(person),
    )
    return person


def _add_version(
    session: Session, person: Person, *, user: UserAccount | None, at: datetime, reason: str
) -> None:
    assert person.id is not None
    session.add(
        PersonVersion(
            person_id=person.id,
            version=person.version,
            recorded_at=at,
            recorded_by_user_id=user.id if user else None,
            reason=reason,
            **_details(person),
        )
    )


def update(
    session: Session, *, user: UserAccount, person_id: int, data: PersonUpdate
) -> PersonView:
    """Change details; the earlier values stay in ``person_version`` (history is never overwritten).
    The person comes back with their details, so the change is also an access-logged read."""
    person = _apply_update(session, user=user, person_id=person_id, data=data)
    access_log.record(session, actor=user, action="person.update", person_ids=[person_id])
    return person_view(user, person)


def _apply_update(
    session: Session, *, user: UserAccount, person_id: int, data: PersonUpdate
) -> Person:
    if not policies.can_read_personal_data(user) or user.role == Role.expert:
        raise Forbidden("person.edit_forbidden")
    person = get(session, user=user, person_id=person_id)
    _require_detail_editor(user, person)
    if person.anonymised_at is not None:
        raise Conflict("person.anonymised")
    changes = data.model_dump(exclude_unset=True, exclude={"reason"})
    changes = {k: v for k, v in changes.items() if getattr(person, k) != v}
    if not changes:
        return person
    _check_dong(session, changes.get("home_dong_code"))
    before = _details(person)
    for name, value in changes.items():
        setattr(person, name, value)
    fill_keys(person)
    person.version += 1
    person.updated_at = utcnow()
    session.add(person)
    session.flush()
    _add_version(session, person, user=user, at=person.updated_at, reason=data.reason)
    audit.record(
        session,
        actor=user,
        action=data.reason,
        entity="person",
        entity_id=person.id,
        district_code=person.registered_district_code,
        before=before,
        after=_details(person),
    )
    return person


def history(session: Session, *, user: UserAccount, person_id: int) -> list[PersonVersionPublic]:
    """Every version of a person's details, shown (contact data masked as in
    :func:`read`): recorded in the access log."""
    person = get(session, user=user, person_id=person_id)
    hidden = {} if contact_visible(user, person) else dict.fromkeys(CONTACT_FIELDS)
    versions = list(
        session.exec(
            select(PersonVersion)
            .where(PersonVersion.person_id == person_id)
            .order_by(col(PersonVersion.version))
        ).all()
    )
    access_log.record(session, actor=user, action="person.history", person_ids=[person_id])
    return [
        PersonVersionPublic.model_validate(v, from_attributes=True).model_copy(update=hidden)
        for v in versions
    ]


def details_as_of(session: Session, *, person_id: int, at: datetime) -> PersonVersion:
    """The details a person had at ``at`` (e.g. to explain a certificate issued then)."""
    version = session.exec(
        select(PersonVersion)
        .where(PersonVersion.person_id == person_id, PersonVersion.recorded_at <= at)
        .order_by(col(PersonVersion.version).desc())
        .limit(1)
    ).first()
    if version is None:
        raise NotFound("person.no_details_then")
    return version
