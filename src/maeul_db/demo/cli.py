"""``maeul-db demo``: generate demo data with progress bars (registered in ``maeul_db.cli``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from maeul_db.config import get_settings
from maeul_db.demo.context import Progress as ProgressFn
from maeul_db.demo.scales import SCALES
from maeul_db.demo.service import DemoSummary, generate_demo
from maeul_db.demo.writer import describe, occupied_tables
from maeul_db.errors import MaeulError
from maeul_db.wording import message

console = Console(stderr=True)


@contextmanager
def progress_bars() -> Iterator[ProgressFn]:
    """One bar per step (generation steps, then one per table written)."""
    tasks: dict[str, TaskID] = {}
    with Progress(
        TextColumn("{task.description:<28}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bars:

        def report(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bars.add_task(step, total=total or 1)
            bars.update(tasks[step], completed=done if total else 1, total=total or 1)

        yield report


def print_summary(summary: DemoSummary) -> None:
    table = Table(title=f"demo {summary.scale} (seed {summary.seed})")
    table.add_column("table")
    table.add_column("rows", justify="right")
    table.add_column("write s", justify="right")
    for name, count in summary.rows.items():
        table.add_row(name, f"{count:,}", f"{summary.write_seconds.get(name, 0):.2f}")
    table.add_row("total", f"{summary.total_rows:,}", f"{sum(summary.write_seconds.values()):.2f}")
    console.print(table)
    console.print(
        f"generated in {summary.generate_seconds:.1f}s, total {summary.total_seconds:.1f}s"
    )


def demo(
    scale: Annotated[str, typer.Option(help=f"one of: {', '.join(SCALES)}")] = "small",
    seed: Annotated[int, typer.Option(help="same seed, same data")] = 1,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="delete people, groups, projects, training and careers first "
            "(never districts, dongs, accounts or logs)",
        ),
    ] = False,
    if_empty: Annotated[
        bool,
        typer.Option(
            "--if-empty", help="do nothing (and succeed) when the tables already hold data"
        ),
    ] = False,
) -> None:
    """Fill the database with reproducible synthetic demo data (refuses if data exists)."""
    from maeul_db.db import get_engine

    if get_settings().environment == "production":
        console.print(
            message("cli.error", where="", message=message("demo.production_refused")),
            style="red",
            markup=False,
        )
        raise typer.Exit(code=1)
    if if_empty and not replace:
        with get_engine().connect() as connection:
            occupied = occupied_tables(connection)
        if occupied:
            console.print(message("demo.skipped_occupied", tables=describe(occupied)), markup=False)
            return
    try:
        with progress_bars() as report:
            summary = generate_demo(
                get_engine(), scale=scale, seed=seed, progress=report, replace=replace
            )
    except MaeulError as exc:
        console.print(
            message("cli.error", where="", message=exc.message), style="red", markup=False
        )
        raise typer.Exit(code=1) from None
    print_summary(summary)
