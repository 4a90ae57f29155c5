"""The city admin records a dong split, merge or rename: a form, a preview of what changes (which
dongs close and open, which records keep their old dong), then the change itself. Rules live in
``refdata.dong_changes``."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from maeul_db.auth.deps import SessionDep
from maeul_db.errors import InvalidInput, NotFound
from maeul_db.models import DongChangeKind
from maeul_db.refdata import dong_changes
from maeul_db.refdata.service import NewDong
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])
TEMPLATE = "admin/dong_changes.html"


@router.get("/admin/dong-changes")
def show_dong_changes(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The change form and the changes recorded so far."""
    page = dong_changes.form(session, user=user)
    return render(request, TEMPLATE, {"page": page, "values": {}})


@router.post("/admin/dong-changes")
def change_dong(
    request: Request,
    session: SessionDep,
    user: WebUser,
    kind: Annotated[DongChangeKind, Form()],
    effective_on: Annotated[date, Form()],
    predecessor: Annotated[list[str], Form(max_length=10)],
    successor_code: Annotated[list[str], Form()],
    successor_name: Annotated[list[str], Form()],
    action: Annotated[str, Form(pattern="^(preview|apply)$")] = "preview",
) -> Response:
    """Preview the change, or (after a preview) record it."""
    successors = tuple(
        NewDong(code.strip(), name.strip())
        for code, name in zip(successor_code, successor_name, strict=False)
        if code.strip() or name.strip()
    )
    change = dong_changes.DongChange(kind, effective_on, tuple(predecessor), successors)
    values = {
        "kind": kind.value,
        "effective_on": effective_on.isoformat(),
        "predecessors": list(predecessor),
        "successors": successors,
    }
    use_case = dong_changes.apply if action == "apply" else dong_changes.preview
    context: dict[str, object] = {"values": values}
    try:
        with session.begin_nested():  # a refused change leaves nothing behind
            context["preview"] = use_case(session, user=user, change=change)
        context["applied"] = action == "apply"
        status = 200
    except (InvalidInput, NotFound) as exc:  # the form again, with what was typed and why not
        context["error"], status = exc.message, 422
    context["page"] = dong_changes.form(session, user=user)
    return render(request, TEMPLATE, context, status_code=status)
