"""``maeul-db privacy retention --dry-run | --run``: the retention job (run it daily from cron or
the scheduler, like the other background commands)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from sqlmodel import Session

from maeul_db.core.operator import acting_user
from maeul_db.errors import MaeulError
from maeul_db.privacy import retention
from maeul_db.wording import message

console = Console(stderr=True)
privacy_app = typer.Typer(help="Personal data: retention and destruction.", no_args_is_help=True)


@privacy_app.command("retention")
def run_retention(
    run: Annotated[bool, typer.Option("--run/--dry-run", help="destroy, or only list")] = False,
    as_user: Annotated[
        str | None, typer.Option("--as", help="approving account (default: the city operator)")
    ] = None,
) -> None:
    """List (dry run) or destroy what the retention rules say has no remaining basis."""
    from maeul_db.db import get_engine

    try:
        with Session(get_engine()) as session:
            user = acting_user(session, as_user)
            if run:
                entries = retention.run(session, user=user)
                session.commit()
                lines = [(e.rule, e.count, e.person_ids.strip(",")) for e in entries]
            else:
                plan = retention.plan(session, user=user)
                lines = [
                    (p.rule, len(p.person_ids), ",".join(map(str, p.person_ids))) for p in plan
                ]
    except MaeulError as exc:
        console.print(
            message("cli.error", where="", message=exc.message), style="red", markup=False
        )
        raise typer.Exit(code=1) from None
    for rule, count, ids in lines:
        print(f"{rule}\t{count}\t{message('retention.rule.' + rule)}\t{ids}")
