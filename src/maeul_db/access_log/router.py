"""The access log API: district staff see their district's reads, a person who viewed them."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from maeul_db.access_log import service
from maeul_db.access_log.schemas import AccessLogPublic, AccessLogsPublic, ChainCheckPublic
from maeul_db.audit.filters import LogFilter
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
    actor: Annotated[str | None, Query(max_length=60)] = None,
    action: Annotated[str | None, Query(max_length=40)] = None,
    date_from: Annotated[date | None, Query(alias="from")] = None,
    date_to: Annotated[date | None, Query(alias="to")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> AccessLogsPublic:
    """Reads and exports of personal data in your scope (an expert: who viewed their record);
    ``from``/``to`` are Seoul days, both inclusive."""
    rows, count = service.list_for(
        session,
        user=user,
        page=Page(limit, offset),
        person_id=person_id,
        filters=LogFilter(actor=actor, action=action, date_from=date_from, date_to=date_to),
    )
    return AccessLogsPublic(data=[to_public(r) for r in rows], count=count)


@router.get("/verify", response_model=ChainCheckPublic)
def verify_access_log(session: SessionDep, user: CurrentUser) -> ChainCheckPublic:
    """Recompute the hash chain (district staff and the city admin): whether it holds."""
    check = service.verify(session, user=user)
    return ChainCheckPublic(
        ok=check.ok, rows=check.rows, first_bad_id=check.first_bad_id, reason=check.reason
    )
