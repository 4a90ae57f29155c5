"""The review queue page: possible duplicates for the district's staff to merge, dismiss or unmerge."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response

from maeul_db.auth.deps import SessionDep
from maeul_db.errors import NotFound
from maeul_db.identity import service
from maeul_db.kit.pagination import Page
from maeul_db.models import MatchStatus
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.templating import render

router = APIRouter(prefix="/identity", dependencies=[Depends(get_web_user)])
ACTIONS = {"merge": service.merge, "dismiss": service.dismiss, "unmerge": service.unmerge}


@router.get("/candidates")
def show_candidates(
    request: Request,
    session: SessionDep,
    user: WebUser,
    status: Annotated[MatchStatus, Query()] = MatchStatus.open,
) -> Response:
    """The district's review queue."""
    data, count = service.review_queue(session, user=user, page=Page(100, 0), status=status)
    return render(
        request, "identity/candidates.html", {"rows": data, "count": count, "status": status.value}
    )


@router.post("/candidates/{candidate_id}/{action}")
def decide_candidate(
    session: SessionDep, user: WebUser, candidate_id: int, action: str
) -> Response:
    """Merge, dismiss or unmerge, then back to the queue."""
    decide = ACTIONS.get(action)
    if decide is None:
        raise NotFound("identity.unknown_action")
    decide(session, user=user, candidate_id=candidate_id)
    return RedirectResponse(f"/identity/candidates?done={action}", status_code=303)
