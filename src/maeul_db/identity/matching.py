"""Set-based key lookups shared by single registration (``service.resolve``) and bulk imports.

Matching rules (DESIGN-NOTES "Identity"):
- exact: same name + birth year + phone, or same name + birth year + e-mail → the same person;
- weak: same name + birth year (with or without the same home dong) → a review candidate, never
  linked automatically.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from maeul_db.identity.merges import survivor_id
from maeul_db.kit.chunks import sorted_chunks
from maeul_db.models import Person

CHUNK = 2_000
REASON_SAME_HOME_DONG = "name_birth_home_dong"
REASON_NAME_BIRTH = "name_birth"


@dataclass(frozen=True)
class WeakMatch:
    person_id: int
    home_dong_code: str | None
    district_code: str


def exact_matches(session: Session, keys: Iterable[str]) -> dict[str, int]:
    """Exact key hash → the id of the person it belongs to now (merges followed to the survivor)."""
    found: dict[str, int] = {}
    for chunk in sorted_chunks(keys, CHUNK):
        for column in (Person.key_name_birth_phone, Person.key_name_birth_email):
            rows = session.exec(
                select(column, Person.id, Person.merged_into_id)
                .where(col(column).in_(chunk))
                .order_by(col(Person.id))
            ).all()
            for key, person_id, merged_into in rows:
                if key is None or person_id is None or key in found:
                    continue
                found[key] = person_id if merged_into is None else survivor_id(session, person_id)
    return found


def weak_matches(session: Session, keys: Iterable[str]) -> dict[str, list[WeakMatch]]:
    """Weak key hash → people (not merged away) with the same name and birth year."""
    found: dict[str, list[WeakMatch]] = {}
    for chunk in sorted_chunks(keys, CHUNK):
        rows = session.exec(
            select(
                Person.key_name_birth,
                Person.id,
                Person.home_dong_code,
                Person.registered_district_code,
            )
            .where(col(Person.key_name_birth).in_(chunk), col(Person.merged_into_id).is_(None))
            .order_by(col(Person.id))
        ).all()
        for key, person_id, dong, district in rows:
            if key is not None and person_id is not None:
                found.setdefault(key, []).append(WeakMatch(person_id, dong, district))
    return found


def weak_reason(home_dong_code: str | None, other: WeakMatch) -> str:
    if home_dong_code is not None and home_dong_code == other.home_dong_code:
        return REASON_SAME_HOME_DONG
    return REASON_NAME_BIRTH
