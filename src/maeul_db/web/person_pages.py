"""The person page: core details and the timeline with growth-ladder marks."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from maeul_db.access_log import service as access_log
from maeul_db.access_log.deps import source_address
from maeul_db.auth.deps import SessionDep
from maeul_db.participants import service as participant_service
from maeul_db.timeline import service as timeline_service
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])


@router.get("/people/{person_id}")
def show_person(request: Request, session: SessionDep, user: WebUser, person_id: int) -> Response:
    """One person's details and timeline, within the user's scope."""
    person = participant_service.get(session, user=user, person_id=person_id)
    result = timeline_service.timeline(session, user=user, person_id=person_id)
    access_log.record(
        session,
        actor=user,
        action="web_read_person_timeline",
        person_ids=[person_id],
        source_address=source_address(request),
    )
    return render(request, "person.html", {"person": person, "timeline": result})
