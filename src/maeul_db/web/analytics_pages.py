"""The analysts' dashboard (Korean): indicators, district spread, growth ladder; same services as
the API, no SQL here."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from maeul_db.analytics import dashboard, ego_service, network_service
from maeul_db.analytics.exports import MEDIA_TYPES, ExportFormat
from maeul_db.auth.deps import SessionDep
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.templating import render

router = APIRouter(
    prefix="/analytics", dependencies=[Depends(get_web_user)], include_in_schema=False
)


@router.get("")
def show_dashboard(
    request: Request,
    session: SessionDep,
    user: WebUser,
    start: Annotated[date | None, Query(alias="from")] = None,
    end: Annotated[date | None, Query(alias="to")] = None,
    district: Annotated[str | None, Query(pattern=r"^(11\d{3})?$")] = None,
    cohorts: bool = False,
) -> Response:
    """Indicators for a period (the latest project year by default), per district, and the ladder
    (with cohorts and stalls when asked for)."""
    board = dashboard.overview(
        session, user=user, start=start, end=end, district_code=district or None, cohorts=cohorts
    )
    return render(request, "analytics/dashboard.html", vars(board))


@router.get("/people/{person_id}/ego")
def show_ego_network(
    request: Request,
    session: SessionDep,
    user: WebUser,
    person_id: Annotated[str, Path(pattern=r"^(\d+|p_[0-9a-f]{16})$")],
    radius: Annotated[int, Query(ge=1, le=2)] = 1,
) -> Response:
    """One person's ego network drawn as inline SVG (seeded spring layout), in the user's scope."""
    ego = ego_service.ego_network(session, user=user, person=person_id, radius=radius)
    return render(request, "analytics/ego.html", {"ego": ego})


@router.get("/graph/export")
def download_graph(
    session: SessionDep,
    user: WebUser,
    start: Annotated[date, Query(alias="from")],
    end: Annotated[date, Query(alias="to")],
    fmt: Annotated[ExportFormat, Query(alias="format")] = ExportFormat.graphml,
    district: Annotated[str | None, Query(pattern=r"^(11\d{3})?$")] = None,
) -> Response:
    """The dashboard's network download (pseudonymised), the same export as the API's."""
    body = network_service.export(
        session,
        user=user,
        fmt=fmt,
        start=start,
        end=end,
        kind="person",
        district_code=district or None,
        stage=None,
        min_degree=0,
    )
    filename = f"maeul-person-{start}-{end}.{fmt.value}"
    return Response(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
