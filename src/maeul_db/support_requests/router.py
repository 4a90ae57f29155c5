"""Training and consulting requests API: file, read, decide, assign, record hours."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.kit.pagination import Page
from maeul_db.models import ConsultingStatus, TrainingRequestStatus
from maeul_db.support_requests import consulting, training, views
from maeul_db.support_requests.schemas import (
    Assignment,
    ConsultingRecordIn,
    ConsultingRecordPublic,
    ConsultingRequestCreate,
    ConsultingRequestDetail,
    ConsultingRequestPublic,
    ConsultingRequestsPublic,
    Decision,
    TrainingRequestCreate,
    TrainingRequestDetail,
    TrainingRequestPublic,
    TrainingRequestsPublic,
)

router = APIRouter(prefix="/requests", tags=["requests"])

Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0)]


def _training(row: object) -> TrainingRequestPublic:
    return TrainingRequestPublic.model_validate(row, from_attributes=True)


def _consulting(row: object) -> ConsultingRequestPublic:
    return ConsultingRequestPublic.model_validate(row, from_attributes=True)


@router.get("/training", response_model=TrainingRequestsPublic)
def list_training(
    session: SessionDep,
    user: CurrentUser,
    status: TrainingRequestStatus | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> TrainingRequestsPublic:
    """Training requests in your scope (a representative: those filed through their groups)."""
    rows, count = training.list_(session, user=user, page=Page(limit, offset), status=status)
    return TrainingRequestsPublic(data=[_training(r) for r in rows], count=count)


@router.post("/training", response_model=TrainingRequestPublic, status_code=201)
def create_training(
    session: SessionDep, user: CurrentUser, data: TrainingRequestCreate
) -> TrainingRequestPublic:
    """Apply for a programme (staff: ``person_id``; a representative: a member by name)."""
    return _training(training.create(session, user=user, data=data))


@router.get("/training/{training_request_id}", response_model=TrainingRequestDetail)
def read_training(
    session: SessionDep, user: CurrentUser, training_request_id: int
) -> TrainingRequestDetail:
    """A training request with the person's name and its status history."""
    return views.read_training(session, user=user, request_id=training_request_id)


@router.post("/training/{training_request_id}/status", response_model=TrainingRequestPublic)
def decide_training(
    session: SessionDep, user: CurrentUser, training_request_id: int, data: Decision
) -> TrainingRequestPublic:
    """Accept (enrols the person, once), refuse with a reason, or withdraw."""
    return _training(
        training.change_status(
            session, user=user, request_id=training_request_id, to=data.to, reason=data.reason
        )
    )


@router.get("/consulting", response_model=ConsultingRequestsPublic)
def list_consulting(
    session: SessionDep,
    user: CurrentUser,
    status: ConsultingStatus | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> ConsultingRequestsPublic:
    """Consulting requests in your scope (a representative: their own groups')."""
    rows, count = consulting.list_(session, user=user, page=Page(limit, offset), status=status)
    return ConsultingRequestsPublic(data=[_consulting(r) for r in rows], count=count)


@router.post("/consulting", response_model=ConsultingRequestPublic, status_code=201)
def create_consulting(
    session: SessionDep, user: CurrentUser, data: ConsultingRequestCreate
) -> ConsultingRequestPublic:
    """Ask for consulting for a group (staff: their district's; a representative: their own)."""
    return _consulting(consulting.create(session, user=user, data=data))


@router.get("/consulting/{consulting_request_id}", response_model=ConsultingRequestDetail)
def read_consulting(
    session: SessionDep, user: CurrentUser, consulting_request_id: int
) -> ConsultingRequestDetail:
    """A consulting request with its expert, meetings, hours and status history."""
    return views.read_consulting(session, user=user, request_id=consulting_request_id)


@router.post("/consulting/{consulting_request_id}/assign", response_model=ConsultingRequestPublic)
def assign_consulting(
    session: SessionDep, user: CurrentUser, consulting_request_id: int, data: Assignment
) -> ConsultingRequestPublic:
    """Assign an expert of the pool (staff of the group's district)."""
    return _consulting(
        consulting.assign(session, user=user, request_id=consulting_request_id, data=data)
    )


@router.post(
    "/consulting/{consulting_request_id}/records",
    response_model=ConsultingRecordPublic,
    status_code=201,
)
def record_consulting(
    session: SessionDep, user: CurrentUser, consulting_request_id: int, data: ConsultingRecordIn
) -> ConsultingRecordPublic:
    """Record one meeting's day and hours."""
    row = consulting.record(session, user=user, request_id=consulting_request_id, data=data)
    return ConsultingRecordPublic.model_validate(row, from_attributes=True)


@router.post("/consulting/{consulting_request_id}/status", response_model=ConsultingRequestPublic)
def decide_consulting(
    session: SessionDep, user: CurrentUser, consulting_request_id: int, data: Decision
) -> ConsultingRequestPublic:
    """Refuse with a reason, withdraw, or close as done (after a recorded meeting)."""
    return _consulting(
        consulting.change_status(
            session, user=user, request_id=consulting_request_id, to=data.to, reason=data.reason
        )
    )
