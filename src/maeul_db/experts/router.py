"""Expert pool API: eligibility with reasons, the pool, placements and coverage per dong."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Body, Query

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.experts import service, targets
from maeul_db.experts.schemas import (
    Coverage,
    Eligibility,
    PlacementCreate,
    PlacementPublic,
    PoolMember,
)
from maeul_db.kit import time as clock
from maeul_db.projects.schemas import VoidRequest

router = APIRouter(prefix="/experts", tags=["experts"])


@router.get("/pool", response_model=list[PoolMember])
def list_pool(
    session: SessionDep, user: CurrentUser, as_of: date | None = None
) -> list[PoolMember]:
    """Everyone whose training makes them eligible for placement."""
    return service.pool(session, user=user, as_of=as_of or clock.today())


@router.get("/eligibility/{person_id}", response_model=Eligibility)
def read_eligibility(session: SessionDep, user: CurrentUser, person_id: int) -> Eligibility:
    """Pool eligibility, one line per rule."""
    return service.eligibility(session, user=user, person_id=person_id)


@router.get("/placements", response_model=list[PlacementPublic])
def list_placements(
    session: SessionDep, user: CurrentUser, as_of: date | None = None
) -> list[PlacementPublic]:
    """Placements visible to you (active on ``as_of`` when given)."""
    return service.list_placements(session, user=user, as_of=as_of)


@router.post("/placements", response_model=PlacementPublic, status_code=201)
def create_placement(
    session: SessionDep, user: CurrentUser, data: PlacementCreate
) -> PlacementPublic:
    """Place a pool member in one of your district's dongs."""
    return service.place(session, user=user, data=data)


@router.post("/placements/{placement_id}/close", response_model=PlacementPublic)
def close_placement(
    session: SessionDep,
    user: CurrentUser,
    placement_id: int,
    valid_to: Annotated[date, Body(embed=True)],
) -> PlacementPublic:
    """End a placement on ``valid_to`` (exclusive)."""
    return service.close(session, user=user, placement_id=placement_id, valid_to=valid_to)


@router.post("/placements/{placement_id}/void", response_model=PlacementPublic)
def void_placement(
    session: SessionDep, user: CurrentUser, placement_id: int, data: VoidRequest
) -> PlacementPublic:
    """Mark a placement entered in error (a correction, not an end); it no longer counts."""
    return service.void(session, user=user, placement_id=placement_id, reason=data.reason)


@router.get("/coverage/{district_code}", response_model=Coverage)
def read_coverage(
    session: SessionDep,
    user: CurrentUser,
    district_code: str,
    as_of: date | None = None,
    within_days: Annotated[int, Query(ge=0, le=3650)] = 30,
) -> Coverage:
    """Every dong against the 2-per-dong target: gaps and placements ending soon."""
    return service.coverage(
        session,
        user=user,
        district_code=district_code,
        as_of=as_of or clock.today(),
        within_days=within_days,
    )


@router.put("/targets/{district_code}", response_model=int)
def set_target(
    session: SessionDep,
    user: CurrentUser,
    district_code: str,
    per_dong: Annotated[int, Body(embed=True)],
) -> int:
    """Set a district's per-dong target (the plan's 2 unless changed); returns it."""
    return targets.set_target(session, user=user, district_code=district_code, per_dong=per_dong)
