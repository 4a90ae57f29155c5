"""People API: register, search within scope, read, update with history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.kit.pagination import Page
from maeul_db.participants import service
from maeul_db.participants.deps import PersonDep
from maeul_db.participants.schemas import (
    PeoplePublic,
    PersonCreate,
    PersonPublic,
    PersonUpdate,
    PersonVersionPublic,
)

router = APIRouter(prefix="/people", tags=["people"])


@router.get("", response_model=PeoplePublic)
def list_people(
    session: SessionDep,
    user: CurrentUser,
    q: Annotated[str | None, Query(max_length=100)] = None,
    birth_year: int | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> PeoplePublic:
    """Search people visible to you by name, phone or birth year."""
    rows, count = service.list_(
        session, user=user, page=Page(limit, offset), query=q, birth_year=birth_year
    )
    return PeoplePublic(
        data=[PersonPublic.model_validate(r, from_attributes=True) for r in rows], count=count
    )


@router.post("", response_model=PersonPublic, status_code=201)
def create_person(session: SessionDep, user: CurrentUser, data: PersonCreate) -> PersonPublic:
    """Register a person in your district."""
    person = service.create(session, user=user, data=data)
    return PersonPublic.model_validate(person, from_attributes=True)


@router.get("/{person_id}", response_model=PersonPublic)
def read_person(session: SessionDep, user: CurrentUser, person_id: int) -> PersonPublic:
    """One person, if visible to you."""
    person = service.read(session, user=user, person_id=person_id)
    return PersonPublic.model_validate(person, from_attributes=True)


@router.patch("/{person_id}", response_model=PersonPublic)
def update_person(
    session: SessionDep, user: CurrentUser, person: PersonDep, data: PersonUpdate
) -> PersonPublic:
    """Change a person's details; earlier values stay in the history."""
    assert person.id is not None
    updated = service.update(session, user=user, person_id=person.id, data=data)
    return PersonPublic.model_validate(updated, from_attributes=True)


@router.get("/{person_id}/history", response_model=list[PersonVersionPublic])
def read_person_history(
    session: SessionDep, user: CurrentUser, person_id: int
) -> list[PersonVersionPublic]:
    """Every recorded version of a person's details, oldest first."""
    return service.history(session, user=user, person_id=person_id)
