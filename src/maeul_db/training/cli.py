"""``maeul-db training``: import module attendance for a programme (registered in ``maeul_db.cli``).

Runs as the command-line operator (``core.operator``: city-admin rights, no login). All-or-nothing
(any bad row and nothing is written) unless ``--partial``; the rejected rows are written to a file
next to FILE (``--rejected-out``), as the roster import does; exits 1 when a row was rejected.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from maeul_db.wording import message

if TYPE_CHECKING:
    from maeul_db.training.schemas import AttendanceImportReport

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
    partial: Annotated[
        bool,
        typer.Option("--partial", help="commit the valid rows, return the rejected ones as a file"),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
    rejected_out: Annotated[
        Path | None,
        typer.Option("--rejected-out", help="where to write rejected rows (default: next to FILE)"),
    ] = None,
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
            outcome = attendance_import.import_sheet(
                session,
                user=cli_operator(),
                content=file.read_bytes(),
                filename=file.name,
                program_code=program,
                district_code=district,
                dry_run=dry_run,
                partial=partial,
            )
            if outcome.report.batch_id is not None:
                session.commit()
    except MaeulError as exc:
        where = f" [{exc.field}]" if exc.field else ""
        console.print(
            message("cli.error", where=where, message=exc.message), style="red", markup=False
        )
        raise typer.Exit(code=1) from None
    report = outcome.report
    path: Path | None = None
    if outcome.rejected_file is not None and outcome.rejected_filename is not None:
        path = rejected_out or file.with_name(outcome.rejected_filename)
        path.write_bytes(outcome.rejected_file)
    _print_report(report, path, as_json=as_json)
    if report.rejected_rows:
        raise typer.Exit(code=1)


def _print_report(report: AttendanceImportReport, path: Path | None, *, as_json: bool) -> None:
    from rich.console import Console

    console = Console(stderr=True)
    if as_json:
        data = report.model_dump(mode="json")
        data["rejected_file"] = str(path) if path else None
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        mode = "dry run" if report.dry_run else "written"
        if not report.dry_run and report.batch_id is None and report.rejected_rows:
            mode = "rejected, nothing written"
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
        if path is not None:
            console.print(f"  rejected rows written to {path}", markup=False)
        if report.batch_id is not None:
            console.print(f"  batch {report.batch_id}", style="green", markup=False)
