"""Load-or-404 for a person in the current user's scope."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.models import Person
from maeul_db.participants import service


def load_person(person_id: int, session: SessionDep, user: CurrentUser) -> Person:
    return service.get(session, user=user, person_id=person_id)


PersonDep = Annotated[Person, Depends(load_person)]
