"""Paperwork API: calls for proposals, applications, eligibility, scores and status changes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.kit.pagination import Page
from maeul_db.models import ApplicationStatus
from maeul_db.paperwork import applications, calls, review, views
from maeul_db.paperwork.schemas import (
    ApplicationCreate,
    ApplicationDetail,
    ApplicationPublic,
    ApplicationsPublic,
    ApplicationUpdate,
    CallCreate,
    CallPublic,
    CallsPublic,
    ScoreIn,
    ScorePublic,
    StatusChange,
)

router = APIRouter(prefix="/paperwork", tags=["paperwork"])

Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0)]


def _public(row: object) -> ApplicationPublic:
    return ApplicationPublic.model_validate(row, from_attributes=True)


@router.get("/calls", response_model=CallsPublic)
def list_calls(
    session: SessionDep,
    user: CurrentUser,
    year: int | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> CallsPublic:
    """Calls for proposals in your scope (a representative: their groups' districts and city-wide)."""
    rows, count = calls.list_(session, user=user, page=Page(limit, offset), year=year)
    return CallsPublic(data=[calls.public(session, c) for c in rows], count=count)


@router.post("/calls", response_model=CallPublic, status_code=201)
def create_call(session: SessionDep, user: CurrentUser, data: CallCreate) -> CallPublic:
    """Open a call: staff in their district, the city admin city-wide or in a district."""
    return calls.public(session, calls.create(session, user=user, data=data))


@router.get("/calls/{call_id}", response_model=CallPublic)
def read_call(session: SessionDep, user: CurrentUser, call_id: int) -> CallPublic:
    """One call with its current eligibility rules and scoring sheet (and their versions)."""
    return calls.read(session, user=user, call_id=call_id)


@router.get("/applications", response_model=ApplicationsPublic)
def list_applications(
    session: SessionDep,
    user: CurrentUser,
    call_id: int | None = None,
    status: ApplicationStatus | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> ApplicationsPublic:
    """Applications in your scope (a representative: their own groups' only)."""
    rows, count = applications.list_(
        session, user=user, page=Page(limit, offset), call_id=call_id, status=status
    )
    return ApplicationsPublic(data=[_public(r) for r in rows], count=count)


@router.post("/applications", response_model=ApplicationPublic, status_code=201)
def create_application(
    session: SessionDep, user: CurrentUser, data: ApplicationCreate
) -> ApplicationPublic:
    """Apply for a group (staff for their district's groups, a representative for their own)."""
    return _public(applications.create(session, user=user, data=data))


@router.get("/applications/{application_id}", response_model=ApplicationDetail)
def read_application(
    session: SessionDep, user: CurrentUser, application_id: int
) -> ApplicationDetail:
    """An application with its people, budget, status history and scores."""
    return views.read_application(session, user=user, application_id=application_id)


@router.put("/applications/{application_id}", response_model=ApplicationPublic)
def update_application(
    session: SessionDep, user: CurrentUser, application_id: int, data: ApplicationUpdate
) -> ApplicationPublic:
    """Change a draft or an application returned for changes."""
    return _public(
        applications.update(session, user=user, application_id=application_id, data=data)
    )


@router.post("/applications/{application_id}/status", response_model=ApplicationPublic)
def change_status(
    session: SessionDep, user: CurrentUser, application_id: int, data: StatusChange
) -> ApplicationPublic:
    """Move an application (submit, return, select with a reason …); selecting creates its project."""
    return _public(
        review.change_status(
            session, user=user, application_id=application_id, to=data.to, reason=data.reason
        )
    )


@router.post("/applications/{application_id}/eligibility", response_model=ApplicationPublic)
def check_eligibility(
    session: SessionDep, user: CurrentUser, application_id: int
) -> ApplicationPublic:
    """Evaluate the call's rules on the record; the result explains every rule."""
    return _public(review.check_eligibility(session, user=user, application_id=application_id))


@router.post("/applications/{application_id}/scores", response_model=ScorePublic)
def score_application(
    session: SessionDep, user: CurrentUser, application_id: int, data: ScoreIn
) -> ScorePublic:
    """Your scores on the call's sheet in force; the total is computed."""
    row = review.score(
        session, user=user, application_id=application_id, points=data.points, comment=data.comment
    )
    return ScorePublic.model_validate(row, from_attributes=True)
