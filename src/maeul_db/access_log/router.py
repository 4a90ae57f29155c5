"""The access log API: district staff see their district's reads, a person who viewed them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from maeul_db.access_log import service
from maeul_db.access_log.schemas import AccessLogPublic, AccessLogsPublic, ChainCheckPublic
from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.kit.pagination import Page
from maeul_db.models import AccessLog

router = APIRouter(prefix="/access-log", tags=["access log"])


def to_public(row: AccessLog) -> AccessLogPublic:
    ids = [int(i) for i in row.person_ids.strip(",").split(",") if i]
    return AccessLogPublic.model_validate({**row.model_dump(), "person_ids": ids})


@router.get("", response_model=AccessLogsPublic)
def list_access_log(
    session: SessionDep,
    user: CurrentUser,
    person_id: int | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> AccessLogsPublic:
    """Reads and exports of personal data in your scope (an expert: who viewed their record)."""
    rows, count = service.list_for(
        session, user=user, page=Page(limit, offset), person_id=person_id
    )
    return AccessLogsPublic(data=[to_public(r) for r in rows], count=count)


@router.get("/verify", response_model=ChainCheckPublic)
def verify_access_log(session: SessionDep, user: CurrentUser) -> ChainCheckPublic:
    """Recompute the hash chain (city admin)."""
    check = service.verify(session, user=user)
    return ChainCheckPublic(
        ok=check.ok, rows=check.rows, first_bad_id=check.first_bad_id, reason=check.reason
    )
