"""Assemblies API: general assemblies with turnout, autonomy plans, agenda items and votes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from maeul_db.assemblies import items, service, summary
from maeul_db.assemblies.schemas import (
    AssemblyCreate,
    AssemblyPublic,
    ItemCreate,
    ItemPublic,
    PlanCreate,
    PlanPublic,
    ProjectLink,
    TurnoutSummary,
    VotesRecord,
)
from maeul_db.auth.deps import CurrentUser, SessionDep

router = APIRouter(prefix="/assemblies", tags=["assemblies"])

Year = Annotated[int, Query(ge=2012, le=2100)]


@router.get("", response_model=list[AssemblyPublic])
def list_assemblies(
    session: SessionDep, user: CurrentUser, year: Year | None = None
) -> list[AssemblyPublic]:
    """Your district's general assemblies (the city admin: all), newest first."""
    return [service.public(session, r) for r in service.list_(session, user=user, year=year)]


@router.post("", response_model=AssemblyPublic, status_code=201)
def create_assembly(session: SessionDep, user: CurrentUser, data: AssemblyCreate) -> AssemblyPublic:
    """Record a dong's yearly general assembly (on-site and pre-votes apart)."""
    return service.public(session, service.create(session, user=user, data=data))


@router.get("/turnout", response_model=TurnoutSummary)
def read_turnout(session: SessionDep, user: CurrentUser, year: Year) -> TurnoutSummary:
    """Every dong's assembly turnout of a year and the share of dongs reaching 1%."""
    return summary.city_turnout(session, user=user, year=year)


@router.get("/{assembly_id}", response_model=AssemblyPublic)
def read_assembly(session: SessionDep, user: CurrentUser, assembly_id: int) -> AssemblyPublic:
    """One assembly with its turnout and quorum."""
    return service.public(session, service.get(session, user=user, assembly_id=assembly_id))


@router.post("/plans", response_model=PlanPublic, status_code=201)
def create_plan(session: SessionDep, user: CurrentUser, data: PlanCreate) -> PlanPublic:
    """Create a dong's autonomy plan for a year."""
    return items.plan_public(session, service.create_plan(session, user=user, data=data))


@router.get("/plans/{plan_id}", response_model=PlanPublic)
def read_plan(session: SessionDep, user: CurrentUser, plan_id: int) -> PlanPublic:
    """A plan with its agenda items, votes, budgets and executing projects."""
    return items.plan_public(session, service.get_plan(session, user=user, plan_id=plan_id))


@router.post("/plans/{plan_id}/items", response_model=ItemPublic, status_code=201)
def create_item(
    session: SessionDep, user: CurrentUser, plan_id: int, data: ItemCreate
) -> ItemPublic:
    """Add an agenda item found by a subcommittee."""
    return items.public(session, items.create(session, user=user, plan_id=plan_id, data=data))


@router.post("/items/{item_id}/votes", response_model=ItemPublic)
def record_votes(
    session: SessionDep, user: CurrentUser, item_id: int, data: VotesRecord
) -> ItemPublic:
    """Record the assembly's votes on an item (for, against, abstain)."""
    row = items.record_votes(session, user=user, item_id=item_id, data=data)
    return items.public(session, row)


@router.post("/items/{item_id}/project", response_model=ItemPublic)
def link_project(
    session: SessionDep, user: CurrentUser, item_id: int, data: ProjectLink
) -> ItemPublic:
    """Name the project that executes an item."""
    row = items.link_project(session, user=user, item_id=item_id, data=data)
    return items.public(session, row)


@router.get("/projects/{project_id}/items", response_model=list[ItemPublic])
def list_project_items(session: SessionDep, user: CurrentUser, project_id: int) -> list[ItemPublic]:
    """The agenda items a project executes."""
    return items.items_for_project(session, user=user, project_id=project_id)
