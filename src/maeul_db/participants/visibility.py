"""Which people a user may see (STYLE rule 17) and which of their details: the one place people
are scoped and masked.

A person is city-wide; a district sees them once it holds a fact about them (DESIGN-NOTES "People
are city-wide"). What it then sees of the person's details is :func:`person_view`'s rule, the one
read model every door (API, pages, exports) shows; see docs/decisions.md "Contact data across
districts".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import false, literal, or_, union
from sqlmodel import Session, col, select

from maeul_db.identity.merges import with_survivors
from maeul_db.models import (
    Attendance,
    Career,
    ConsentScope,
    CouncilSeat,
    Enrolment,
    ExpertPlacement,
    Gender,
    GroupMembership,
    Participation,
    Person,
    PersonDistrictLink,
    Role,
    UserAccount,
)

# Every table that records a fact about a person and the district that owns it (a district link
# records only that the district registered someone another district already knew).
FACT_TABLES: tuple[Any, ...] = (
    PersonDistrictLink,
    Participation,
    GroupMembership,
    Attendance,
    Enrolment,
    Career,
    CouncilSeat,
    ExpertPlacement,
)


def people_with_facts_in(district_code: str) -> Any:
    return union(
        *[select(fact.person_id).where(fact.district_code == district_code) for fact in FACT_TABLES]
    )


def visible_people(user: UserAccount, *, include_merged: bool = False) -> Any:
    """A ``SELECT person`` limited to what ``user`` may read. Merged-away duplicates are hidden
    unless ``include_merged`` (the review queue shows both sides of a merge)."""
    query = select(Person)
    if not include_merged:
        query = query.where(Person.merged_into_id.is_(None))  # type: ignore[union-attr]
    if user.role == Role.city_admin:
        return query
    if user.role == Role.district_staff and user.district_code:
        return query.where(
            or_(
                col(Person.registered_district_code) == user.district_code,
                # A merged-away duplicate's facts keep its id; the survivor stays visible.
                Person.id.in_(with_survivors(people_with_facts_in(user.district_code))),  # type: ignore[union-attr]
            )
        )
    if user.role == Role.expert and user.person_id is not None:
        return query.where(Person.id == literal(user.person_id))
    # Analysts read pseudonymised aggregates through analytics, never person rows.
    return query.where(false())


def readable_person(session: Session, *, user: UserAccount, person_id: int) -> Person | None:
    """The person if ``user`` may read their details, merged away or not, else None: the same
    rule as :func:`visible_people`, so a reviewer sees both sides of their own district's merge."""
    return session.exec(  # type: ignore[no-any-return]
        visible_people(user, include_merged=True).where(Person.id == person_id)
    ).first()


# Details that say where and how to reach a person: shown only under :func:`contact_visible`.
CONTACT_FIELDS = ("phone", "email", "home_dong_code")


@dataclass(frozen=True)
class PersonView:
    """What a user is shown of one person: core details always, contact data only when
    :func:`contact_visible` (``contact_hidden`` says it was withheld, not missing)."""

    id: int
    name: str
    gender: Gender
    birth_year: int
    phone: str | None
    email: str | None
    home_dong_code: str | None
    registered_district_code: str
    version: int
    contact_hidden: bool
    # Whether the user may change the city-wide details (:func:`can_change_details`).
    details_editable: bool


def _consents_to_contact(person: Person) -> bool:
    return ConsentScope.contact.value in (person.consent_scopes or "").split(",")


def contact_visible(user: UserAccount, person: Person) -> bool:
    """Contact data of a person ``user`` may already read (scoped by :func:`visible_people`):
    the city admin and the person themself always; district staff when their district registered
    the person, or when it holds a fact (implied by the scope) and the person consented to be
    contacted. Anyone else never."""
    if user.role == Role.city_admin:
        return True
    if user.role == Role.expert:
        return user.person_id is not None and user.person_id == person.id
    if user.role == Role.district_staff and user.district_code:
        return person.registered_district_code == user.district_code or _consents_to_contact(person)
    return False


def can_change_details(user: UserAccount, person: Person) -> bool:
    """The city-wide details (name, gender, birth year, contact, home dong) are changed by the
    district that registered the person or by the city admin; a district that only holds a fact
    may not rewrite what every other district sees."""
    if user.role == Role.city_admin:
        return True
    return user.role == Role.district_staff and (
        user.district_code is not None and person.registered_district_code == user.district_code
    )


def person_view(user: UserAccount, person: Person) -> PersonView:
    """The read model of ``person`` for ``user`` (who may read them): contact data masked unless
    :func:`contact_visible`."""
    assert person.id is not None
    shown = contact_visible(user, person)
    return PersonView(
        id=person.id,
        name=person.name,
        gender=person.gender,
        birth_year=person.birth_year,
        phone=person.phone if shown else None,
        email=person.email if shown else None,
        home_dong_code=person.home_dong_code if shown else None,
        registered_district_code=person.registered_district_code,
        version=person.version,
        contact_hidden=not shown,
        details_editable=can_change_details(user, person),
    )


def contact_condition(user: UserAccount) -> Any:
    """The SQL form of :func:`contact_visible` for searches over contact data (a phone search
    must not find people whose phone the user may not read)."""
    if user.role == Role.city_admin:
        return literal(True)
    if user.role == Role.expert and user.person_id is not None:
        return Person.id == literal(user.person_id)
    if user.role == Role.district_staff and user.district_code:
        return or_(
            col(Person.registered_district_code) == user.district_code,
            col(Person.consent_scopes).contains(ConsentScope.contact.value),
        )
    return false()
