"""Analytics API: indicators, growth ladder and network exports (analysts, city admins, own-district staff)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from maeul_db.analytics import ego_service, ladder_service, network_service, service
from maeul_db.analytics.exports import MEDIA_TYPES, ExportFormat
from maeul_db.analytics.schemas import (
    Chain,
    EgoNetwork,
    GraphSummary,
    KpiReport,
    LadderReport,
    TiesBeforeLead,
    YearGrowth,
)
from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.models import Stage

router = APIRouter(prefix="/analytics", tags=["analytics"])

FromDate = Annotated[date, Query(alias="from", description="period start (inclusive)")]
ToDate = Annotated[date, Query(alias="to", description="period end (inclusive)")]
DistrictQuery = Annotated[str | None, Query(pattern=r"^11\d{3}$", description="district code")]
KindQuery = Annotated[
    str, Query(pattern=r"^(person|group|bipartite)$", description="person, group or bipartite")
]


@router.get("/kpi", response_model=KpiReport)
def read_kpi(
    session: SessionDep,
    user: CurrentUser,
    start: FromDate,
    end: ToDate,
    district: DistrictQuery = None,
) -> KpiReport:
    """The plan's indicators for a period (docs/indicators.md), city-wide and per district."""
    return service.kpi(session, user=user, start=start, end=end, district_code=district)


@router.get("/ladder", response_model=LadderReport)
def read_ladder(
    session: SessionDep,
    user: CurrentUser,
    as_of: Annotated[date, Query(description="date of the rungs")],
    district: DistrictQuery = None,
    stall_years: Annotated[int, Query(ge=1, le=50, description="stall window in years")] = 2,
) -> LadderReport:
    """Rungs of the growth ladder on a date, yearly transitions, cohorts and where people stall."""
    return ladder_service.report(
        session, user=user, as_of=as_of, district_code=district, stall_years=stall_years
    )


@router.get("/graph/summary", response_model=GraphSummary)
def read_graph_summary(
    session: SessionDep,
    user: CurrentUser,
    start: FromDate,
    end: ToDate,
    kind: KindQuery = "person",
    district: DistrictQuery = None,
    stage: Stage | None = None,
) -> GraphSummary:
    """Size, components, cores, communities and the top nodes (pseudonymous) of a network."""
    return network_service.read_summary(
        session, user=user, start=start, end=end, kind=kind, district_code=district, stage=stage
    )


@router.get("/graph/growth", response_model=list[YearGrowth])
def read_graph_growth(
    session: SessionDep,
    user: CurrentUser,
    start: FromDate,
    end: ToDate,
    district: DistrictQuery = None,
) -> list[YearGrowth]:
    """Per year: people, ties, new ties, density and the giant component's share."""
    return network_service.growth(session, user=user, start=start, end=end, district_code=district)


@router.get("/graph/export")
def export_graph(
    session: SessionDep,
    user: CurrentUser,
    start: FromDate,
    end: ToDate,
    fmt: Annotated[ExportFormat, Query(alias="format")] = ExportFormat.graphml,
    kind: KindQuery = "person",
    district: DistrictQuery = None,
    stage: Stage | None = None,
    min_degree: Annotated[int, Query(ge=0, le=1000)] = 0,
    purpose: Annotated[str | None, Query(max_length=300)] = None,
    recipient: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """The network as GraphML, GEXF, node-link JSON or CSV, under pseudonyms (analysts: entered
    in the pseudonymised-processing register with the purpose and recipient given)."""
    body = network_service.export(
        session,
        user=user,
        fmt=fmt,
        start=start,
        end=end,
        kind=kind,
        district_code=district,
        stage=stage,
        min_degree=min_degree,
        purpose=purpose,
        recipient=recipient,
    )
    filename = f"maeul-{kind}-{start}-{end}.{fmt.value}"
    return Response(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


PersonRef = Annotated[
    str, Path(pattern=r"^(\d+|p_[0-9a-f]{16})$", description="person id, or pseudonym (analysts)")
]
OptFrom = Annotated[date | None, Query(alias="from", description="period start (default: all)")]
OptTo = Annotated[date | None, Query(alias="to", description="period end (default: today)")]


@router.get("/people/{person_id}/ego", response_model=EgoNetwork)
def read_ego_network(
    session: SessionDep,
    user: CurrentUser,
    person_id: PersonRef,
    radius: Annotated[int, Query(ge=1, le=2)] = 1,
    start: OptFrom = None,
    end: OptTo = None,
    district: DistrictQuery = None,
) -> EgoNetwork:
    """One person's ego network (radius 1–2) with a seeded spring layout."""
    return ego_service.ego_network(
        session,
        user=user,
        person=person_id,
        radius=radius,
        start=start,
        end=end,
        district_code=district,
    )


@router.get("/people/{person_id}/chain", response_model=Chain)
def read_chain(
    session: SessionDep,
    user: CurrentUser,
    person_id: PersonRef,
    other: Annotated[str, Query(pattern=r"^(\d+|p_[0-9a-f]{16})$", description="the other person")],
    start: OptFrom = None,
    end: OptTo = None,
    district: DistrictQuery = None,
) -> Chain:
    """The shortest chain of co-participants between two people."""
    return ego_service.chain(
        session,
        user=user,
        source=person_id,
        target=other,
        start=start,
        end=end,
        district_code=district,
    )


@router.get("/people/{person_id}/ties-before-lead", response_model=TiesBeforeLead)
def read_ties_before_lead(
    session: SessionDep, user: CurrentUser, person_id: PersonRef, district: DistrictQuery = None
) -> TiesBeforeLead:
    """The ties a person had before their first lead-proposer role."""
    return ego_service.ties_before_lead(
        session, user=user, person=person_id, district_code=district
    )
