"""``maeul-db councils``: import a council roster (registered in ``maeul_db.cli``).

Heavy imports stay inside the command so that ``--help`` is fast."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from maeul_db.wording import message

councils_app = typer.Typer(help="Resident councils: roster import.", no_args_is_help=True)


@councils_app.command("import")
def import_roster(
    file: Annotated[
        Path,
        typer.Argument(
            help=".xlsx or .csv (UTF-8 or CP949)", exists=True, dir_okay=False, readable=True
        ),
    ],
    council: Annotated[int, typer.Option("--council", help="the council's id")],
    strict: Annotated[
        bool, typer.Option("--strict", help="refuse the whole file when any row is refused")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
) -> None:
    """Seat the members of a roster (성명, 출생연도, 성별, 역할, 선출방식, 시작일...) on COUNCIL."""
    from rich.console import Console
    from sqlmodel import Session

    from maeul_db.core.operator import cli_operator
    from maeul_db.councils import roster_import
    from maeul_db.db import get_engine
    from maeul_db.errors import MaeulError

    console = Console(stderr=True)
    try:
        with Session(get_engine()) as session:
            report = roster_import.run_import(
                session,
                user=cli_operator(),
                council_id=council,
                content=file.read_bytes(),
                filename=file.name,
                strict=strict,
            )
            session.commit()
    except MaeulError as exc:
        where = f" [{exc.field}]" if exc.field else ""
        console.print(
            message("cli.error", where=where, message=exc.message), style="red", markup=False
        )
        raise typer.Exit(code=1) from None
    if as_json:
        print(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        console.print(
            f"{report.filename} → council {report.council_id}: rows read {report.rows_read}, "
            f"seats {report.seats_created}, rejected {report.rejected_rows}, "
            f"batch {report.batch_id}",
            markup=False,
        )
        for row in report.rejected:
            console.print(f"  row {row.row} [{row.column}] {row.reason}", markup=False)
    if report.batch_id is None and report.rejected_rows:
        raise typer.Exit(code=1)
