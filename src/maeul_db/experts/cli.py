"""``maeul-db experts list``: the pool and the placements, as a table or JSON."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlmodel import Session

from maeul_db.core.operator import cli_operator
from maeul_db.experts import service
from maeul_db.kit import time as clock
from maeul_db.wording import message

experts_app = typer.Typer(help="The expert pool and placements.", no_args_is_help=True)


@experts_app.command("list")
def list_experts(
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD (default today)")] = None,
) -> None:
    """Pool members (eligible by training) and the placements active on the day."""
    from maeul_db.db import get_engine

    day = date.fromisoformat(as_of) if as_of else clock.today()
    with Session(get_engine()) as session:
        operator = cli_operator()
        members = service.pool(session, user=operator, as_of=day)
        placements = service.list_placements(session, user=operator, as_of=day)
        session.commit()  # the services logged both reads; the rows must stay
    if as_json:
        print(
            json.dumps(
                {
                    "as_of": day.isoformat(),
                    "pool": [m.model_dump(mode="json") for m in members],
                    "placements": [p.model_dump(mode="json") for p in placements],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    table = Table(
        title=message(
            "expert.pool_title", day=day, members=len(members), placements=len(placements)
        )
    )
    for column in (
        "id",
        *(message(f"expert.column_{c}") for c in ("name", "born", "eligible", "dongs")),
    ):
        table.add_column(column)
    for m in members:
        table.add_row(
            str(m.person_id),
            m.name,
            str(m.birth_year),
            str(m.eligible_since),
            ", ".join(m.placed_dong_codes),
        )
    Console().print(table)
