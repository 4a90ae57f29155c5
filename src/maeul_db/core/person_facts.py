"""A person's fact added to a holder (a membership of a group, a participation in a project): the
same checks and audit record for both, so the two services cannot drift apart."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol, TypeVar

from sqlmodel import Session

from maeul_db.audit import service as audit
from maeul_db.core import facts, refs
from maeul_db.kit.time import check_interval
from maeul_db.models import GroupMembership, Participation, Role, UserAccount
from maeul_db.participants import service as participant_service

FactT = TypeVar("FactT", GroupMembership, Participation)


class PersonFactIn(Protocol):
    """What a membership or participation form gives: who, in which role, from when to when."""

    person_id: int
    role: Any
    valid_from: date
    valid_to: date | None

    def model_dump(self) -> dict[str, Any]: ...


def add(
    session: Session,
    *,
    user: UserAccount,
    model: type[FactT],
    holder: tuple[str, int],
    district_code: str,
    data: PersonFactIn,
    entity: str,
    duplicate_message: str,
) -> FactT:
    """Add the fact once the person is visible to the user (staff see their district's people),
    exists, the interval is sound and no fact of theirs with the holder overlaps it."""
    if user.role != Role.city_admin:
        participant_service.get(session, user=user, person_id=data.person_id)
    refs.require_person(session, data.person_id)
    check_interval(data.valid_from, data.valid_to)
    facts.refuse_overlap(
        session,
        model,
        holder=holder,
        person_id=data.person_id,
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        message=duplicate_message,
    )
    column, holder_id = holder
    fields: dict[str, Any] = {
        column: holder_id,
        "person_id": data.person_id,
        "role": data.role,
        "valid_from": data.valid_from,
        "valid_to": data.valid_to,
        "district_code": district_code,
    }
    fact = model(**fields)
    session.add(fact)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity=entity,
        entity_id=fact.id,
        district_code=district_code,
        after=data.model_dump(),
    )
    return fact
