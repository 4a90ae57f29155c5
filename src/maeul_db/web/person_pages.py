"""The person page: core details, home dong and district, and the timeline as of a day (filterable
by kind) with growth-ladder marks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from maeul_db.auth.deps import SessionDep
from maeul_db.timeline import service as timeline_service
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import parse_day
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])


@router.get("/people/{person_id}")
def show_person(
    request: Request,
    session: SessionDep,
    user: WebUser,
    person_id: int,
    as_of: Annotated[str | None, Query(max_length=10)] = None,
    kind: Annotated[str | None, Query(max_length=30)] = None,
) -> Response:
    """One person's details and timeline, within the user's scope."""
    data = timeline_service.person_page(
        session, user=user, person_id=person_id, as_of=parse_day(as_of), kind=kind or None
    )
    return render(
        request, "person.html", {"person": data.person, "timeline": data.timeline, "page": data}
    )
