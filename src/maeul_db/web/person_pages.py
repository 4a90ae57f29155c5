"""The person page: core details and the timeline with growth-ladder marks."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from maeul_db.auth.deps import SessionDep
from maeul_db.timeline import service as timeline_service
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])


@router.get("/people/{person_id}")
def show_person(request: Request, session: SessionDep, user: WebUser, person_id: int) -> Response:
    """One person's details and timeline, within the user's scope."""
    person, result = timeline_service.person_timeline(session, user=user, person_id=person_id)
    return render(request, "person.html", {"person": person, "timeline": result})
