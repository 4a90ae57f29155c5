"""``maeul-db jobs worker`` (the huey consumer that runs background analytics jobs) and
``maeul-db jobs pseudonyms`` (refresh the analysts' pseudonym lookup table)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from sqlmodel import Session

from maeul_db import db
from maeul_db.analytics import pseudonym_index
from maeul_db.jobs import queue

console = Console(stderr=True)
jobs_app = typer.Typer(help="Background analytics jobs (huey).", no_args_is_help=True)


@jobs_app.command("pseudonyms")
def pseudonyms() -> None:
    """Store the pseudonym of everyone not stored yet (an ego-network search looks them up)."""
    # db.get_engine looked up at call time: the engine is chosen when the command runs.
    with Session(db.get_engine()) as session:
        added = pseudonym_index.refresh(session)
        session.commit()
    console.print(f"pseudonyms added: {added:,}", markup=False)


@jobs_app.command("worker")
def worker(
    workers: Annotated[int, typer.Option("--workers", min=1, max=16, help="worker threads")] = 1,
) -> None:
    """Run the job consumer until interrupted (Ctrl-C): refresh the pseudonyms, then take jobs
    from the queue named by MAEUL_JOBS_URL."""
    pseudonyms()
    queue.consumer(workers=workers).run()
