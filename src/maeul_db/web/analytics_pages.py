"""The analysts' dashboard (Korean): indicators, district spread, growth ladder; same services as
the API, no SQL here."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from maeul_db.analytics import ego_service, ladder_service, map_service, network_service
from maeul_db.analytics import service as analytics_service
from maeul_db.analytics.exports import MEDIA_TYPES, ExportFormat
from maeul_db.auth.deps import SessionDep
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.templating import render

router = APIRouter(
    prefix="/analytics", dependencies=[Depends(get_web_user)], include_in_schema=False
)

GROWTH_YEARS = 10


@router.get("")
def show_dashboard(
    request: Request,
    session: SessionDep,
    user: WebUser,
    start: Annotated[date | None, Query(alias="from")] = None,
    end: Annotated[date | None, Query(alias="to")] = None,
    district: Annotated[str | None, Query(pattern=r"^(11\d{3})?$")] = None,
) -> Response:
    """Indicators for a period (the latest project year by default), per district, and the ladder."""
    year = analytics_service.latest_year(session)
    start = start or date(year, 1, 1)
    end = end or date(year, 12, 31)
    report = analytics_service.kpi(
        session, user=user, start=start, end=end, district_code=district or None
    )
    ladder = ladder_service.report(
        session, user=user, as_of=end, district_code=district or None, transition_years=1
    )
    # One network per year of the period: keep the page fast by drawing at most GROWTH_YEARS.
    growth_start = max(start, date(end.year - GROWTH_YEARS + 1, 1, 1))
    growth = network_service.growth(
        session, user=user, start=growth_start, end=end, district_code=district or None
    )
    districts = analytics_service.district_choices(session)
    dong_map = map_service.dong_map(
        session, user=user, start=start, end=end, district_code=district or None
    )
    return render(
        request,
        "analytics/dashboard.html",
        {
            "report": report,
            "ladder": ladder,
            "districts": districts,
            "dong_map": dong_map,
            "growth": growth,
            "district": report.district_code or "",
            "start": start,
            "end": end,
        },
    )


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
