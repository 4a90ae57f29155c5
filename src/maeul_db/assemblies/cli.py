"""``maeul-db assemblies turnout --year Y``: every dong's assembly turnout, as a table or JSON."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlmodel import Session

from maeul_db.assemblies import summary
from maeul_db.core.operator import cli_operator
from maeul_db.wording import label, message

assemblies_app = typer.Typer(help="General assemblies (turnout).", no_args_is_help=True)


@assemblies_app.command("turnout")
def turnout(
    year: Annotated[int, typer.Option("--year", min=2012, max=2100, help="the assemblies' year")],
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Per dong, the year's assembly turnout and quorum; the share of dongs reaching 1%."""
    from maeul_db.db import get_engine

    with Session(get_engine()) as session:
        result = summary.city_turnout(session, user=cli_operator(), year=year)
    if as_json:
        print(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    table = Table(
        title=message(
            "assembly.turnout_title",
            year=year,
            assemblies=result.assemblies,
            met=result.quorum_met,
            turnout=result.turnout_percent if result.turnout_percent is not None else "-",
        )
    )
    for column in ("district", "dong", "held_on", "voters", "adults", "turnout %", "quorum"):
        table.add_column(column)
    for row in result.rows:
        table.add_row(
            row.district_name,
            row.dong_name,
            row.held_on.isoformat(),
            str(row.voters),
            str(row.adult_population),
            str(row.turnout_percent),
            label("quorum", "met" if row.quorum_met else "short"),
        )
    Console().print(table)
