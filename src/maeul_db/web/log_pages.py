"""The access log and the audit trail as pages: district staff read their district's, the city
admin all (scoped by the services), with filters, paging and a button that verifies the access
log's hash chain. Filters come from a GET form, so blank fields arrive as empty strings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from maeul_db.access_log import service as access_log_service
from maeul_db.audit import service as audit_service
from maeul_db.audit.filters import LogFilter
from maeul_db.auth.deps import SessionDep
from maeul_db.kit.pagination import Page
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import FieldError, page_count
from maeul_db.web.templating import render

ROWS_PER_PAGE = 50
Text = Annotated[str, Query(max_length=60)]
PageNumber = Annotated[int, Query(ge=1, le=100_000)]

router = APIRouter(prefix="/logs", dependencies=[Depends(get_web_user)])


@dataclass
class _Parsed:
    """The filter form read leniently: a value that does not parse is reported, not a 422."""

    filters: LogFilter
    person_id: int | None
    errors: dict[str, FieldError]


def _day(value: str, name: str, errors: dict[str, FieldError]) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        errors[name] = FieldError(code="date_parsing")
        return None


def _parse(actor: str, action: str, date_from: str, date_to: str, person: str = "") -> _Parsed:
    errors: dict[str, FieldError] = {}
    person_id = None
    if person.strip():
        if person.strip().isdigit():
            person_id = int(person.strip())
        else:
            errors["person"] = FieldError(code="int_parsing")
    filters = LogFilter(
        actor=actor.strip() or None,
        action=action.strip() or None,
        date_from=_day(date_from, "date_from", errors),
        date_to=_day(date_to, "date_to", errors),
    )
    return _Parsed(filters, person_id, errors)


def _page(page: int) -> Page:
    return Page(limit=ROWS_PER_PAGE, offset=(page - 1) * ROWS_PER_PAGE)


@router.get("/access")
def show_access_log(
    request: Request,
    session: SessionDep,
    user: WebUser,
    person: Text = "",
    actor: Text = "",
    action: Text = "",
    date_from: Annotated[str, Query(alias="from", max_length=10)] = "",
    date_to: Annotated[str, Query(alias="to", max_length=10)] = "",
    page: PageNumber = 1,
) -> Response:
    """Who read or exported whose personal data, newest first, in the user's scope."""
    parsed = _parse(actor, action, date_from, date_to, person)
    rows, count = access_log_service.list_for(
        session, user=user, page=_page(page), person_id=parsed.person_id, filters=parsed.filters
    )
    params = {"person": person, "actor": actor, "action": action, "from": date_from, "to": date_to}
    context: dict[str, Any] = {
        "rows": rows,
        "count": count,
        "params": params,
        "page": page,
        "pages": page_count(count, ROWS_PER_PAGE),
        "errors": parsed.errors,
    }
    return render(request, "logs/access.html", context)


@router.get("/access/verify")
def verify_access_log(request: Request, session: SessionDep, user: WebUser) -> Response:
    """Recompute the access log's keyed hash chain and show whether it holds."""
    check = access_log_service.verify(session, user=user)
    return render(request, "logs/verify.html", {"check": check})


@router.get("/audit")
def show_audit(
    request: Request,
    session: SessionDep,
    user: WebUser,
    actor: Text = "",
    action: Text = "",
    entity: Annotated[str, Query(max_length=40)] = "",
    entity_id: Annotated[str, Query(max_length=40)] = "",
    date_from: Annotated[str, Query(alias="from", max_length=10)] = "",
    date_to: Annotated[str, Query(alias="to", max_length=10)] = "",
    page: PageNumber = 1,
) -> Response:
    """What was changed, by whom and when, newest first, in the user's scope."""
    parsed = _parse(actor, action, date_from, date_to)
    entries, count = audit_service.list_for(
        session,
        user=user,
        page=_page(page),
        filters=parsed.filters,
        entity=entity.strip() or None,
        entity_id=entity_id.strip() or None,
    )
    params = {
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "from": date_from,
        "to": date_to,
    }
    context: dict[str, Any] = {
        "entries": entries,
        "count": count,
        "params": params,
        "page": page,
        "pages": page_count(count, ROWS_PER_PAGE),
        "errors": parsed.errors,
    }
    return render(request, "logs/audit.html", context)
