"""Making a person anonymous, and erasing contact details: the two destructions the retention run
and granted deletion requests perform.

An anonymous person keeps their row, gender, birth year and home dong, and every fact, so counts
and indicators do not move; their name, contact details and identity keys go, also from the
version history. Certificates keep their signed payload (it is the evidence the certificate law
of the issuer asks to keep): verification shows the masked name printed on the certificate.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import update
from sqlmodel import Session, col, select

from maeul_db.kit.time import utcnow
from maeul_db.models import ConsentPurpose, Person, PersonVersion
from maeul_db.privacy import consent

ANONYMOUS_NAME = "***"


def erase_contact(session: Session, person_ids: Iterable[int]) -> int:
    """Phone and e-mail erased (also from the version history); returns how many people."""
    ids = sorted(set(person_ids))
    if not ids:
        return 0
    session.execute(
        update(Person)
        .where(col(Person.id).in_(ids))
        .values(phone=None, email=None, key_name_birth_phone=None, key_name_birth_email=None)
    )
    session.execute(
        update(PersonVersion)
        .where(col(PersonVersion.person_id).in_(ids))
        .values(phone=None, email=None)
    )
    session.expire_all()
    return len(ids)


def anonymise(session: Session, person_ids: Iterable[int]) -> int:
    """Each person, with the duplicates merged into them, becomes an anonymous record; returns
    how many rows were changed."""
    ids = sorted(set(person_ids))
    if not ids:
        return 0
    merged = session.exec(select(Person.id).where(col(Person.merged_into_id).in_(ids))).all()
    ids = sorted(set(ids) | {int(i) for i in merged if i is not None})
    now = utcnow()
    session.execute(
        update(Person)
        .where(col(Person.id).in_(ids))
        .values(
            name=ANONYMOUS_NAME,
            phone=None,
            email=None,
            key_name_birth_phone=None,
            key_name_birth_email=None,
            key_name_birth=None,
            anonymised_at=now,
            updated_at=now,
        )
    )
    session.execute(
        update(PersonVersion)
        .where(col(PersonVersion.person_id).in_(ids))
        .values(name=ANONYMOUS_NAME, phone=None, email=None)
    )
    session.expire_all()
    for person_id in ids:
        person = session.get(Person, person_id)
        if person is not None:
            consent.withdraw_all(session, person=person, purposes=list(ConsentPurpose))
    return len(ids)
