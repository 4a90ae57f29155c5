"""What each kind of job computes: the same analytics use cases the pages call, run as the
account that asked (so its scope, pseudonyms and suppression apply), with progress reported."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from maeul_db.analytics import access, indicator_tables, network_service, service
from maeul_db.analytics import report as yearly
from maeul_db.errors import InvalidInput
from maeul_db.kit.cells import xlsx_bytes
from maeul_db.models import JobKind, UserAccount
from maeul_db.wording import message

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SUFFIXES = {JobKind.indicator_export: "xlsx", JobKind.yearly_report: "pdf"}


@dataclass
class Outcome:
    result: Any
    file: bytes | None = None
    media_type: str | None = None
    person_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Request:
    user: UserAccount
    start: date
    end: date
    district_code: str | None


def _network_summary(session: Session, req: Request, progress: Callable[[int], None]) -> Outcome:
    graph = network_service.build(
        session, user=req.user, start=req.start, end=req.end, district_code=req.district_code
    )
    progress(30)
    threshold = access.suppression_threshold(req.user)
    summary, people = network_service.published_summary(graph, kind="person", threshold=threshold)
    return Outcome(result=summary.model_dump(mode="json"), person_ids=people)


def _network_growth(session: Session, req: Request, progress: Callable[[int], None]) -> Outcome:
    rows = network_service.growth(
        session, user=req.user, start=req.start, end=req.end, district_code=req.district_code
    )
    return Outcome(result=[row.model_dump(mode="json") for row in rows])


def _indicator_export(session: Session, req: Request, progress: Callable[[int], None]) -> Outcome:
    report = service.kpi(
        session, user=req.user, start=req.start, end=req.end, district_code=req.district_code
    )
    progress(80)
    rows = indicator_tables.district_table(report)
    body = xlsx_bytes(rows, title=message("jobs.sheet_title"))
    return Outcome(result={"rows": len(rows) - 1}, file=body, media_type=XLSX)


def _yearly_report(session: Session, req: Request, progress: Callable[[int], None]) -> Outcome:
    year = req.end.year
    report = yearly.yearly_kpi(session, user=req.user, year=year, district_code=req.district_code)
    progress(60)
    body = yearly.render_pdf(report, year=year)
    return Outcome(result={"year": year}, file=body, media_type="application/pdf")


_RUNNERS: dict[JobKind, Callable[[Session, Request, Callable[[int], None]], Outcome]] = {
    JobKind.network_summary: _network_summary,
    JobKind.network_growth: _network_growth,
    JobKind.indicator_export: _indicator_export,
    JobKind.yearly_report: _yearly_report,
}


def compute(
    session: Session,
    *,
    user: UserAccount,
    kind: JobKind,
    start: date,
    end: date,
    district_code: str | None,
    progress: Callable[[int], None],
) -> Outcome:
    runner = _RUNNERS.get(JobKind(kind)) if kind in set(JobKind) else None
    if runner is None:
        raise InvalidInput("jobs.unknown_kind", field="kind", kind=str(kind))
    progress(5)
    return runner(session, Request(user, start, end, district_code), progress)
