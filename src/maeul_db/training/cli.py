"""``maeul-db training``: import module attendance for a programme (registered in ``maeul_db.cli``).

Runs as the command-line operator (``core.operator``: city-admin rights, no login). All-or-nothing: any bad row and nothing is written;
exits 1 when a row was rejected.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from maeul_db.wording import message

# sqlmodel, rich and the services are imported inside the command (start-up, ``maeul_db.cli``).
training_app = typer.Typer(help="Training: attendance import.", no_args_is_help=True)


@training_app.command("import")
def import_attendance(
    file: Annotated[
        Path,
        typer.Argument(
            help=".xlsx or .csv (UTF-8 or CP949)", exists=True, dir_okay=False, readable=True
        ),
    ],
    program: Annotated[str, typer.Option("--program", help="programme code")],
    district: Annotated[
        str | None,
        typer.Option(
            "--district", help="match people of this district only (default: the whole city)"
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="check and report, write nothing")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
) -> None:
    """Import module attendance (성명, 출생연도, 연락처, 모듈, 출석시간, 출석일) for PROGRAM."""
    from rich.console import Console
    from sqlmodel import Session

    from maeul_db.core.operator import cli_operator
    from maeul_db.db import get_engine
    from maeul_db.errors import MaeulError
    from maeul_db.training import attendance_import

    console = Console(stderr=True)

    try:
        with Session(get_engine()) as session:
            report = attendance_import.run_import(
                session,
                user=cli_operator(),
                content=file.read_bytes(),
                filename=file.name,
                program_code=program,
                district_code=district,
                dry_run=dry_run,
            )
            if report.attendance_recorded:
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
        mode = (
            "dry run"
            if report.dry_run
            else ("rejected, nothing written" if report.rejected_rows else "written")
        )
        console.print(
            f"{report.filename} → {report.program_code} ({mode}): rows read "
            f"{report.rows_read}, rejected {report.rejected_rows}, people "
            f"{report.people}, new enrolments {report.enrolments_created}, "
            f"attendance {report.attendance_recorded}, completed {report.completed}",
            markup=False,
        )
        for warning in report.warnings:
            console.print(
                "  " + message("cli.warning", warning=warning), style="yellow", markup=False
            )
        for row in report.rejected:
            console.print(
                "  "
                + message("cli.rejected_row", row=row.row, column=row.column, reason=row.reason),
                style="red",
                markup=False,
            )
        if report.batch_id is not None:
            console.print(f"  batch {report.batch_id}", style="green", markup=False)
    if report.rejected_rows:
        raise typer.Exit(code=1)
