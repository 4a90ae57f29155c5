"""``maeul-db kpi``, ``maeul-db ladder``, ``maeul-db graph export`` and ``maeul-db report``
(registered in ``maeul_db.cli``). The command line acts as a city admin unless ``--as`` names an
account, whose role then decides scope and suppression."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlmodel import Session

from maeul_db.analytics import ladder_service, network_service, service, summary_service
from maeul_db.analytics.exports import ExportFormat
from maeul_db.analytics.schemas import Count, KpiReport
from maeul_db.core.operator import acting_user
from maeul_db.errors import MaeulError
from maeul_db.kit import time as clock
from maeul_db.wording import label, message

console = Console(stderr=True)
graph_app = typer.Typer(help="Relationship networks (networkx).", no_args_is_help=True)

AsUser = Annotated[
    str | None, typer.Option("--as", help="account whose rights apply (default: city admin rights)")
]


def _fail(exc: MaeulError) -> None:
    console.print(message("cli.error", where="", message=exc.message), style="red", markup=False)
    raise typer.Exit(code=1)


def _cell(count: Count) -> str:
    def show(value: int | None) -> str:
        return "*" if value is None else f"{value:,}"

    return message(
        "analytics.by_gender",
        total=show(count.total),
        female=show(count.female),
        male=show(count.male),
    )


def print_kpi(report: KpiReport) -> None:
    city = report.city
    table = Table(
        title=message("analytics.kpi_title", start=report.period_from, end=report.period_to)
    )
    table.add_column(message("analytics.column_indicator"))
    table.add_column(message("analytics.column_value"), justify="right")
    share = city.participant_share_of_population
    table.add_row(label("indicator", "participants"), _cell(city.participants))
    table.add_row(message("analytics.population_share"), "*" if share is None else f"{share:.2%}")
    table.add_row(label("indicator", "repeat_participants"), _cell(city.repeat_participants))
    table.add_row(label("indicator", "lead_proposers"), _cell(city.lead_proposers))
    table.add_row(label("indicator", "projects"), f"{city.projects:,}")
    table.add_row(message("analytics.council_members"), _cell(city.council_members))
    table.add_row(
        message("analytics.council_with_projects"),
        _cell(city.council_members_with_project_experience),
    )
    table.add_row(
        message("analytics.experts_placed"),
        f"{_cell(city.experts_placed)} / {city.expert_target:,}",
    )
    for item in report.spread:
        ratio = "*" if item.ratio is None else message("analytics.ratio", ratio=f"{item.ratio:.1f}")
        table.add_row(
            message("analytics.spread", metric=item.metric),
            f"{item.max_district} {item.max_value} / {item.min_district} "
            f"{item.min_value} = {ratio}",
        )
    Console().print(table)
    if report.suppression_threshold:
        console.print(message("analytics.suppressed_note", threshold=report.suppression_threshold))


def kpi(
    start: Annotated[str, typer.Option("--from", help="YYYY-MM-DD")],
    end: Annotated[str, typer.Option("--to", help="YYYY-MM-DD")],
    district: Annotated[str | None, typer.Option("--district", help="district code")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the JSON report")] = False,
    as_user: AsUser = None,
) -> None:
    """The plan's indicators for a period (definitions: docs/indicators.md)."""
    from maeul_db.db import get_engine

    try:
        with Session(get_engine()) as session:
            report = service.kpi(
                session,
                user=acting_user(session, as_user),
                start=date.fromisoformat(start),
                end=date.fromisoformat(end),
                district_code=district,
            )
    except MaeulError as exc:
        _fail(exc)
    except ValueError as exc:
        console.print(
            message("cli.error", where="", message=message("cli.bad_date", detail=exc)),
            style="red",
            markup=False,
        )
        raise typer.Exit(code=1) from None
    if as_json:
        print(report.model_dump_json(indent=2))
    else:
        print_kpi(report)


@graph_app.command("export")
def graph_export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="graphml|gexf|json|csv")],
    out: Annotated[Path, typer.Option("--out", help="file to write")],
    start: Annotated[str, typer.Option("--from", help="YYYY-MM-DD")] = "2012-01-01",
    end: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD (default: today)")] = None,
    district: Annotated[str | None, typer.Option("--district", help="district code")] = None,
    kind: Annotated[str, typer.Option("--kind", help="person|group|bipartite")] = "person",
    min_degree: Annotated[int, typer.Option("--min-degree", help="drop nodes below")] = 0,
    metrics: Annotated[bool, typer.Option("--metrics", help="add node metrics")] = False,
    purpose: Annotated[str | None, typer.Option("--purpose", help="why (register)")] = None,
    recipient: Annotated[str | None, typer.Option("--recipient", help="for whom")] = None,
    as_user: AsUser = None,
) -> None:
    """Write a network (pseudonymised node ids) for Gephi or other tools."""
    from maeul_db.db import get_engine

    try:
        with Session(get_engine()) as session:
            body = network_service.export(
                session,
                user=acting_user(session, as_user),
                fmt=fmt,
                start=date.fromisoformat(start),
                end=date.fromisoformat(end) if end else clock.today(),
                kind=kind,
                district_code=district,
                min_degree=min_degree,
                with_metrics=metrics,
                purpose=purpose,
                recipient=recipient,
            )
            session.commit()  # keep the access-log row the export wrote
    except MaeulError as exc:
        _fail(exc)
    out.write_bytes(body)
    console.print(f"{out} ({len(body):,} bytes)", markup=False)


def ladder(
    as_of: Annotated[str, typer.Option("--as-of", help="YYYY-MM-DD")],
    district: Annotated[str | None, typer.Option("--district", help="district code")] = None,
    stall_years: Annotated[
        int, typer.Option("--stall-years", min=1, help="stalled = same top rung this many years")
    ] = 2,
    as_user: AsUser = None,
) -> None:
    """The growth ladder as JSON: rungs on a date, yearly transitions, cohorts and stalls."""
    from maeul_db.db import get_engine

    try:
        with Session(get_engine()) as session:
            result = ladder_service.report(
                session,
                user=acting_user(session, as_user),
                as_of=date.fromisoformat(as_of),
                district_code=district,
                stall_years=stall_years,
            )
    except MaeulError as exc:
        _fail(exc)
    print(result.model_dump_json(indent=2))


def report(
    year: Annotated[int, typer.Option("--year", help="calendar year of the report")],
    out: Annotated[Path, typer.Option("--out", help="PDF file to write")],
    district: Annotated[str | None, typer.Option("--district", help="district code")] = None,
    as_user: AsUser = None,
) -> None:
    """A yearly indicator report as an A4 PDF (the dashboard's figures for that year)."""
    from maeul_db.analytics import report as report_pdf
    from maeul_db.db import get_engine

    try:
        with Session(get_engine()) as session:
            result = report_pdf.yearly_kpi(
                session, user=acting_user(session, as_user), year=year, district_code=district
            )
    except MaeulError as exc:
        _fail(exc)
    body = report_pdf.render_pdf(result, year=year)
    out.write_bytes(body)
    console.print(f"{out} ({len(body):,} bytes)", markup=False)


summaries_app = typer.Typer(help="Analytics summaries (issue 11).", no_args_is_help=True)


@summaries_app.command("refresh")
def summaries_refresh(as_user: AsUser = None) -> None:
    """Rebuild the analytics summaries from the raw facts (after a restore, or to check them)."""
    from maeul_db.db import get_engine

    try:
        with Session(get_engine()) as session:
            done = summary_service.refresh(session, user=acting_user(session, as_user))
            session.commit()
    except MaeulError as exc:
        _fail(exc)
    console.print(
        message("analytics.summaries_refreshed", version=done.version, seconds=done.seconds)
    )
