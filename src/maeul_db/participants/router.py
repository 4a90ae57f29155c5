"""People API: register, search within scope, read, update with history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.identity import entry
from maeul_db.kit.pagination import Page
from maeul_db.models import ParticipationRole
from maeul_db.participants import service
from maeul_db.participants.deps import PersonDep
from maeul_db.participants.schemas import (
    PeopleFilter,
    PeoplePublic,
    PersonCreate,
    PersonPublic,
    PersonRegisteredPublic,
    PersonUpdate,
    PersonVersionPublic,
)
from maeul_db.wording import label

router = APIRouter(prefix="/people", tags=["people"])


@router.get("", response_model=PeoplePublic)
def list_people(
    session: SessionDep,
    user: CurrentUser,
    q: Annotated[str | None, Query(max_length=100)] = None,
    birth_year: Annotated[int | None, Query(ge=1900, le=2030)] = None,
    dong_code: Annotated[str | None, Query(pattern=r"^11\d{8}$")] = None,
    group_id: Annotated[int | None, Query(ge=1)] = None,
    role: ParticipationRole | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> PeoplePublic:
    """Search people visible to you by name or phone (``q``), birth year, home dong, a group of
    your district (its members) or a participation role held in your district."""
    filters = PeopleFilter(birth_year=birth_year, dong_code=dong_code, group_id=group_id, role=role)
    rows, count = service.list_(
        session, user=user, page=Page(limit, offset), query=q, filters=filters
    )
    return PeoplePublic(
        data=[PersonPublic.model_validate(r, from_attributes=True) for r in rows], count=count
    )


@router.post(
    "",
    response_model=PersonRegisteredPublic,
    status_code=201,
    responses={
        200: {
            "model": PersonRegisteredPublic,
            "description": "An exact key named a person already: existing, or attached",
        }
    },
)
def create_person(
    session: SessionDep, user: CurrentUser, data: PersonCreate, response: Response
) -> PersonRegisteredPublic:
    """Register a person in your district (201), or get the one an exact key already names
    (200: ``existing`` in your district, or ``attached`` from another district without its facts);
    same name and birth year queues a review candidate."""
    result, view = entry.register_shown(session, user=user, candidate=data)
    if not result.created:
        response.status_code = 200
    return PersonRegisteredPublic.model_validate(
        {
            **PersonPublic.model_validate(view, from_attributes=True).model_dump(),
            "resolution": result.outcome.value,
            "resolution_label": label("resolution", result.outcome),
            "review_candidate_ids": [c.id for c in result.review_candidates if c.id],
        }
    )


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
