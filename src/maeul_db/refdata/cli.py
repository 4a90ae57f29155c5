"""``maeul-db refdata dong-change``: preview (default) or record a dong split, merge or rename."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from sqlmodel import Session

from maeul_db.core.operator import acting_user
from maeul_db.errors import MaeulError
from maeul_db.models import DongChangeKind
from maeul_db.wording import label, message

console = Console(stderr=True)


def _successor(text: str) -> tuple[str, str]:
    code, _, name = text.partition(":")
    return code.strip(), name.strip()


def dong_change(
    kind: Annotated[DongChangeKind, typer.Option("--kind", help="split|merge|rename")],
    effective_on: Annotated[datetime, typer.Option("--on", formats=["%Y-%m-%d"])],
    old: Annotated[list[str], typer.Option("--from", help="old dong code (repeat for a merge)")],
    new: Annotated[
        list[str], typer.Option("--to", help="CODE:NAME of a new dong (an old code continues it)")
    ],
    apply: Annotated[
        bool, typer.Option("--apply", help="record it (default: preview only)")
    ] = False,
    as_user: Annotated[str | None, typer.Option("--as", help="act as this account")] = None,
) -> None:
    """Show what a dong change does (which dongs close and open, which records keep their old
    dong); with --apply, record it. Records made before keep their dong."""
    from maeul_db.db import get_engine
    from maeul_db.refdata import dong_changes
    from maeul_db.refdata.service import NewDong

    successors = tuple(NewDong(*_successor(t)) for t in new)
    change = dong_changes.DongChange(kind, effective_on.date(), tuple(old), successors)
    try:
        with Session(get_engine()) as session:
            user = acting_user(session, as_user)
            use_case = dong_changes.apply if apply else dong_changes.preview
            result = use_case(session, user=user, change=change)
            lines = _describe(result)
            if apply:
                session.commit()
    except MaeulError as exc:
        console.print(
            message("cli.error", where="", message=exc.message), style="red", markup=False
        )
        raise typer.Exit(code=1) from None
    for line in lines:
        print(line)
    print("recorded" if apply else "preview only: nothing recorded (add --apply)")


def _describe(result: object) -> list[str]:
    from maeul_db.refdata.dong_changes import DongChangePreview

    assert isinstance(result, DongChangePreview)
    change = result.change
    lines = [f"{label('dong_change_kind', change.kind)} {change.effective_on}"]
    for o in result.old:
        fate = "continues" if o.continues else f"ends {change.effective_on}"
        kept = ", ".join(f"{k} {v}" for k, v in o.records.items())
        lines.append(f"old {o.dong.code} {o.dong.name_ko}: {fate}; records keep it: {kept}")
        if o.running_placements and not o.continues:
            lines.append(f"  placements running past the date: {o.running_placements}")
    lines += [f"new {n.code} {n.name_ko} from {change.effective_on}" for n in result.new]
    return lines
