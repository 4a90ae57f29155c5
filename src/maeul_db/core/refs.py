"""References a request names (a district, a person) are checked before anything is written, so a
wrong id is the client's 422, never a foreign-key error from the database (a 500)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from maeul_db.errors import InvalidInput
from maeul_db.models import District, Person


def require_row(session: Session, model: type[Any], key: object, *, field: str) -> None:
    if key is not None and session.get(model, key) is None:
        raise InvalidInput("request.unknown_reference", field=field, name=field)


def require_district(session: Session, code: str | None, *, field: str = "district_code") -> str:
    """The district a new record belongs to: named (the city admin must name one) and existing."""
    if code is None:
        raise InvalidInput("request.district_required", field=field)
    require_row(session, District, code, field=field)
    return code


def require_person(session: Session, person_id: int) -> None:
    require_row(session, Person, person_id, field="person_id")
