"""What a reviewer needs to decide a candidate: each side's masked contact, birth year, home dong
and a count of its facts in the reviewer's own district (the city admin: everywhere), never the
facts another district holds."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from maeul_db.identity.merges import merged_ids
from maeul_db.identity.schemas import PersonSummary
from maeul_db.kit.text import mask_email, mask_phone
from maeul_db.models import District, Dong, Person, PersonDistrictLink, Role, UserAccount
from maeul_db.participants.visibility import FACT_TABLES, contact_visible


def _fact_counts(session: Session, user: UserAccount, person_id: int) -> dict[str, int]:
    ids = merged_ids(session, person_id)
    district = None if user.role == Role.city_admin else user.district_code
    counts: dict[str, int] = {}
    for fact in FACT_TABLES:
        if fact is PersonDistrictLink:
            continue
        stmt: Any = select(func.count()).where(col(fact.person_id).in_(ids))
        if hasattr(fact, "voided_at"):
            stmt = stmt.where(col(fact.voided_at).is_(None))
        if district is not None:
            stmt = stmt.where(fact.district_code == district)
        counts[fact.__tablename__] = int(session.exec(stmt).one())
    return counts


def summary(session: Session, *, user: UserAccount, person: Person) -> PersonSummary:
    """``person`` (whom ``user`` may read) as the review queue shows them."""
    assert person.id is not None
    shown = contact_visible(user, person)
    dong = session.get(Dong, person.home_dong_code) if shown and person.home_dong_code else None
    district = session.get(District, person.registered_district_code)
    return PersonSummary(
        id=person.id,
        name=person.name,
        birth_year=person.birth_year,
        gender=person.gender,
        home_dong_code=person.home_dong_code if shown else None,
        home_dong_name=dong.name_ko if dong else None,
        registered_district_code=person.registered_district_code,
        registered_district_name=district.name_ko if district else None,
        phone_masked=mask_phone(person.phone) if shown else None,
        email_masked=mask_email(person.email) if shown else None,
        contact_hidden=not shown,
        facts_here=_fact_counts(session, user, person.id),
    )
