"""Analyst pages of issue 11: background jobs (start one, see its progress and stored result), the
network summary page, the pseudonym search that opens an ego network, and the indicator table
downloads. Every rule (scope, audience, suppression, logging) is in ``jobs.service`` and
``analytics.*``; these routes parse, call one service and render."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from maeul_db.analytics import ego_service
from maeul_db.analytics.indicator_export import MEDIA_TYPES, TableFormat, download
from maeul_db.auth.deps import SessionDep
from maeul_db.jobs import service as jobs
from maeul_db.models import JobKind
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.templating import render

router = APIRouter(
    prefix="/analytics", dependencies=[Depends(get_web_user)], include_in_schema=False
)
District = Annotated[str | None, Query(pattern=r"^(11\d{3})?$")]
PersonRef = Annotated[str, Query(pattern=r"^\s*(\d+|p_[0-9a-f]{16})\s*$")]


@router.get("/jobs")
def list_jobs(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The latest background jobs the user may see, and the form to start one."""
    rows = jobs.list_(session, user=user)
    return render(request, "analytics/jobs.html", {"rows": rows, "kinds": list(JobKind)})


@router.post("/jobs")
def start_job(
    session: SessionDep,
    user: WebUser,
    kind: Annotated[JobKind, Form()],
    start: Annotated[date, Form(alias="from")],
    end: Annotated[date, Form(alias="to")],
    district: Annotated[str, Form(pattern=r"^(11\d{3})?$")] = "",
) -> Response:
    """Queue a job (the worker picks it up once this request commits) and show its page."""
    job = jobs.start(
        session, user=user, kind=kind, start=start, end=end, district_code=district or None
    )
    return RedirectResponse(f"/analytics/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}")
def show_job(
    request: Request, session: SessionDep, user: WebUser, job_id: Annotated[int, Path(ge=1)]
) -> Response:
    """One job: status, progress (the page refreshes itself while it runs) and its result."""
    view = jobs.get(session, user=user, job_id=job_id)
    return render(request, "analytics/job.html", {"view": view, "job": view.job})


@router.get("/jobs/{job_id}/file")
def download_job_file(
    session: SessionDep, user: WebUser, job_id: Annotated[int, Path(ge=1)]
) -> Response:
    """A finished job's file (the indicator workbook, the yearly report)."""
    body, media_type, name = jobs.result_file(session, user=user, job_id=job_id)
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type=media_type, headers=headers)


@router.get("/network")
def show_network(
    request: Request,
    session: SessionDep,
    user: WebUser,
    start: Annotated[date | None, Query(alias="from")] = None,
    end: Annotated[date | None, Query(alias="to")] = None,
    district: District = None,
) -> Response:
    """The network summary and growth as last computed, with buttons to compute them again."""
    results = jobs.network_results(
        session, user=user, start=start, end=end, district_code=district or None
    )
    return render(request, "analytics/network.html", {"results_": results})


@router.get("/ego")
def find_ego(
    session: SessionDep,
    user: WebUser,
    person: PersonRef,
    radius: Annotated[int, Query(ge=1, le=2)] = 1,
) -> Response:
    """The dashboard's pseudonym search: on to that person's ego network page."""
    ref = ego_service.locate(session, user=user, person=person)
    return RedirectResponse(f"/analytics/people/{ref}/ego?radius={radius}", status_code=303)


@router.get("/indicators.{fmt}")
def download_indicators(
    session: SessionDep,
    user: WebUser,
    fmt: TableFormat,
    start: Annotated[date, Query(alias="from")],
    end: Annotated[date, Query(alias="to")],
    district: District = None,
) -> Response:
    """The dashboard's indicator table as CSV or xlsx, suppressed as on the page."""
    body = download(
        session, user=user, fmt=fmt, start=start, end=end, district_code=district or None
    )
    name = f"maeul-indicators-{start}-{end}.{fmt.value}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type=MEDIA_TYPES[fmt], headers=headers)
