"""``maeul-db import`` and ``maeul-db import-batches`` (registered in ``maeul_db.cli``).

The CLI runs with the server's own rights (no login): ``--district`` names the district the rows
belong to. It commits once, at the end, and exits 1 when any row was rejected.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from maeul_db.wording import message

if TYPE_CHECKING:
    from rich.console import Console

    from maeul_db.errors import MaeulError
    from maeul_db.imports.parse import ReadOptions
    from maeul_db.imports.schemas import ImportReport
    from maeul_db.imports.stream import ImportProgress

# Heavy modules (sqlmodel, the services, rich) are imported inside the commands: ``maeul-db`` loads
# this module to start ``import`` and must stay quick (``maeul_db.cli``).
batches_app = typer.Typer(help="Import batches: list and undo.", no_args_is_help=True)


def _console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


def _fail(exc: MaeulError, *, as_json: bool = False) -> NoReturn:
    if as_json:
        # --json always prints JSON, also when the file is refused whole (no header found…).
        error = {"code": exc.code, "field": exc.field, "message": exc.message}
        print(json.dumps({"error": error}, ensure_ascii=False, indent=2))
        raise typer.Exit(code=1)
    where = f" [{exc.field}]" if exc.field else ""
    _console().print(
        message("cli.error", where=where, message=exc.message), style="red", markup=False
    )
    raise typer.Exit(code=1)


def _print_report(report: ImportReport, rejected_path: Path | None) -> None:
    console = _console()
    mode = ("dry run, " if report.dry_run else "") + ("partial" if report.partial else "strict")
    console.print(
        f"{report.filename} ({mode}): rows read {report.rows_read}, "
        f"committed {report.committed}, rejected {report.rejected_rows}, "
        f"unchanged {report.unchanged_rows}",
        markup=False,
    )
    created = report.created
    console.print(
        f"  new people {created.people} (linked to existing {created.people_linked}), "
        f"groups {created.groups}, projects {created.projects}, participations "
        f"{created.participations}, memberships {created.memberships}, review "
        f"candidates {created.review_candidates}",
        markup=False,
    )
    for warning in report.warnings:
        console.print("  " + message("cli.warning", warning=warning), style="yellow", markup=False)
    for row in report.rejected[:50]:
        console.print(
            "  " + message("cli.rejected_row", row=row.row, column=row.column, reason=row.reason),
            style="red",
            markup=False,
        )
    if len(report.rejected) > 50:
        console.print(f"  … {len(report.rejected) - 50} more rejected rows", markup=False)
    if rejected_path is not None:
        console.print(f"  rejected rows written to {rejected_path}", markup=False)
    if report.batch_id is not None:
        console.print(f"  batch {report.batch_id}", style="green", markup=False)


def _read_options(
    sheet: str | None, header_row: int | None, mapping: Path | None
) -> ReadOptions | None:
    """The command line's reading choices: a mapping file, then --sheet and --header-row over it."""
    from maeul_db.imports.mappings import options_from_json
    from maeul_db.imports.parse import ReadOptions

    if mapping is None and sheet is None and header_row is None:
        return None
    options = options_from_json(mapping.read_bytes()) if mapping else ReadOptions()
    if sheet is not None:
        options.sheet = sheet
    if header_row is not None:
        options.header_row = header_row
    return options


def _maybe_terminal() -> bool:
    """Whether rich could take standard error for a terminal: a tty, or one of the variables
    that make rich draw anyway."""
    if any(os.environ.get(name) for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "FORCE_TERMINAL")):
        return True  # rich decides
    try:
        return sys.stderr.isatty()
    except ValueError:  # a closed stream (as rich: no terminal)
        return False


@contextmanager
def _progress_bar(content: bytes, filename: str) -> Iterator[ImportProgress]:
    """A progress bar on standard error while rows are checked, then a writing line (only on a
    terminal: nothing when the output is piped or captured)."""
    from maeul_db.imports.stream import ImportProgress, rows_estimate

    if not _maybe_terminal():
        # No bar to draw: rich (about 0.05 s to load) stays unloaded.
        yield ImportProgress(lambda _rows: None)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = _console()
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    task = bar.add_task(message("import.progress_checking"), total=rows_estimate(content, filename))

    def checked(rows: int) -> None:
        bar.update(task, completed=rows)

    def writing() -> None:
        bar.update(task, description=message("import.progress_writing"))

    with bar:
        yield ImportProgress(checked, writing)


def import_roster(
    file: Annotated[
        Path,
        typer.Argument(
            help=".xlsx or .csv (UTF-8 or CP949)", exists=True, dir_okay=False, readable=True
        ),
    ],
    district: Annotated[str, typer.Option("--district", help="district code, e.g. 11110")],
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
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", help="sheet name or 1-based number (default: first with headers)"),
    ] = None,
    header_row: Annotated[
        int | None,
        typer.Option("--header-row", help="1-based header row (default: found automatically)"),
    ] = None,
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping", help="column/value mapping JSON exported from the upload page", exists=True
        ),
    ] = None,
) -> None:
    """Import a roster (one row per person per project) into DISTRICT."""
    from sqlmodel import Session

    from maeul_db.db import get_engine
    from maeul_db.errors import MaeulError
    from maeul_db.imports import service

    # What is loaded now lives until the process ends: out of the collector's sight, the
    # import's many new objects do not make it walk every module's objects again (about 0.1 s).
    gc.freeze()
    content = file.read_bytes()
    try:
        options = _read_options(sheet, header_row, mapping)
        with Session(get_engine()) as session, _progress_bar(content, file.name) as progress:
            outcome = service.run_import(
                session,
                content=content,
                filename=file.name,
                district_code=district,
                actor=None,
                partial=partial,
                dry_run=dry_run,
                options=options,
                progress=progress,
            )
            if outcome.report.batch_id is not None:
                session.commit()
    except MaeulError as exc:
        _fail(exc, as_json=as_json)
    report = outcome.report
    path: Path | None = None
    if outcome.rejected_file is not None and outcome.rejected_filename is not None:
        path = rejected_out or file.with_name(outcome.rejected_filename)
        path.write_bytes(outcome.rejected_file)
    if as_json:
        data = report.model_dump(mode="json")
        data["rejected_file"] = str(path) if path else None
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print_report(report, path)
    if report.rejected_rows:
        raise typer.Exit(code=1)


@batches_app.command("list")
def list_batches(
    district: Annotated[str | None, typer.Option("--district")] = None,
    limit: Annotated[int, typer.Option("--limit")] = 50,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List import batches, newest first."""
    from sqlmodel import Session

    from maeul_db.db import get_engine
    from maeul_db.imports import service
    from maeul_db.kit import time as clock
    from maeul_db.kit.pagination import Page

    with Session(get_engine()) as session:
        rows, count = service.list_batches(
            session, user=None, page=Page(limit, 0), district_code=district
        )
        public = [service.batch_public(b) for b in rows]
    if as_json:
        print(
            json.dumps(
                {"data": [p.model_dump(mode="json") for p in public], "count": count},
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for b in public:
        print(
            f"{b.id:>6}  {clock.format_kst(b.created_at)}  {b.district_code}  {b.status:<9} "
            f"read {b.rows_read:>7}  committed {b.committed:>7}  rejected {b.rejected:>5}  "
            f"{b.filename}"
        )
    _console().print(f"{count} batches", markup=False)


@batches_app.command("undo")
def undo_batch(batch_id: Annotated[int, typer.Argument(help="batch id")]) -> None:
    """Undo a batch: remove what it created unless something added later relies on it."""
    from sqlmodel import Session

    from maeul_db.db import get_engine
    from maeul_db.errors import MaeulError
    from maeul_db.imports.undo import undo

    try:
        with Session(get_engine()) as session:
            result = undo(session, user=None, batch_id=batch_id)
            session.commit()
    except MaeulError as exc:
        _fail(exc)
    _console().print(
        f"batch {batch_id} undone; removed {result.removed}; kept {result.kept}", markup=False
    )
