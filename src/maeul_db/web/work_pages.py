"""The work queue's lists (``/work/{kind}``): the people behind a count on the staff home."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from maeul_db.auth.deps import SessionDep
from maeul_db.home import queue
from maeul_db.kit.pagination import Page
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import page_count
from maeul_db.web.templating import render

PER_PAGE = 50

router = APIRouter(dependencies=[Depends(get_web_user)])


@router.get("/work/{kind}")
def show_work(
    request: Request,
    session: SessionDep,
    user: WebUser,
    kind: str,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """One work-queue list, within the user's district."""
    rows, count = queue.items(
        session, user=user, kind=kind, page=Page(PER_PAGE, (page - 1) * PER_PAGE)
    )
    context = {"kind": kind, "rows": rows, "count": count, "page": page}
    return render(request, "work.html", context | {"pages": page_count(count, PER_PAGE)})
