"""The audit trail API: district staff read their district's changes, the city admin all."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from maeul_db.audit import service
from maeul_db.audit.filters import LogFilter
from maeul_db.audit.schemas import AuditEntriesPublic, AuditEntryPublic
from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.kit.pagination import Page

router = APIRouter(prefix="/audit", tags=["audit"])


def to_public(entry: service.AuditEntry) -> AuditEntryPublic:
    return AuditEntryPublic.model_validate(
        {**entry.row.model_dump(), "actor_username": entry.actor_username}
    )


@router.get("", response_model=AuditEntriesPublic)
def list_audit(
    session: SessionDep,
    user: CurrentUser,
    actor: Annotated[str | None, Query(max_length=60)] = None,
    action: Annotated[str | None, Query(max_length=40)] = None,
    entity: Annotated[str | None, Query(max_length=40)] = None,
    entity_id: Annotated[str | None, Query(max_length=40)] = None,
    date_from: Annotated[date | None, Query(alias="from")] = None,
    date_to: Annotated[date | None, Query(alias="to")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> AuditEntriesPublic:
    """Changes in your scope, newest first; ``from``/``to`` are Seoul days, both inclusive."""
    rows, count = service.list_for(
        session,
        user=user,
        page=Page(limit, offset),
        filters=LogFilter(actor=actor, action=action, date_from=date_from, date_to=date_to),
        entity=entity,
        entity_id=entity_id,
    )
    return AuditEntriesPublic(data=[to_public(r) for r in rows], count=count)
