"""A project's timeline page: its application, creation, participants, activities, result report,
settlement and 보탬e steps in one dated list (``timeline.project`` decides what and for whom)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from maeul_db.auth.deps import SessionDep
from maeul_db.timeline import project as project_timeline
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])


@router.get("/projects/{project_id}/timeline")
def show_project_timeline(
    request: Request, session: SessionDep, user: WebUser, project_id: int
) -> Response:
    """Everything that happened to the project and its paperwork, oldest first."""
    data = project_timeline.project_timeline(session, user=user, project_id=project_id)
    return render(request, "settlements/timeline.html", {"timeline": data})
