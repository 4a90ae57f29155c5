"""Which people a user may see (STYLE rule 17): the one place people are scoped."""

from __future__ import annotations

from typing import Any

from sqlalchemy import false, literal, or_, union
from sqlmodel import Session, col, select

from maeul_db.identity.merges import with_survivors
from maeul_db.models import (
    Attendance,
    Career,
    CouncilSeat,
    Enrolment,
    ExpertPlacement,
    GroupMembership,
    Participation,
    Person,
    Role,
    UserAccount,
)

# Every table that records a fact about a person and the district that owns it.
FACT_TABLES: tuple[Any, ...] = (
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
