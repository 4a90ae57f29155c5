"""``maeul-db cert``: issue a certificate to a file, verify a PDF offline, rotate the signing key."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from sqlmodel import Session

from maeul_db.core.operator import cli_operator
from maeul_db.errors import MaeulError
from maeul_db.kit import time as clock
from maeul_db.models import CertificateKind
from maeul_db.wording import message

cert_app = typer.Typer(
    help="Certificates: issue, verify offline, rotate keys.", no_args_is_help=True
)
console = Console(stderr=True)


@cert_app.command("issue")
def issue(
    kind: Annotated[CertificateKind, typer.Option("--kind", help="training|career")],
    person: Annotated[int, typer.Option("--person", help="person id")],
    out: Annotated[Path, typer.Option("--out", help="PDF file to write")],
) -> None:
    """Issue a certificate with the city's authority and write the signed PDF."""
    from maeul_db.certificates import service
    from maeul_db.db import get_engine

    try:
        with Session(get_engine()) as session:
            row, data = service.issue(session, user=cli_operator(), kind=kind, person_id=person)
            number = row.number
            session.commit()
    except MaeulError as exc:
        console.print(
            message("cli.error", where="", message=exc.message), style="red", markup=False
        )
        raise typer.Exit(code=1) from None
    out.write_bytes(data)
    console.print(f"issued {number} → {out}", style="green", markup=False)


@cert_app.command("batch")
def batch(
    kind: Annotated[CertificateKind, typer.Option("--kind", help="training|career")],
    out: Annotated[Path, typer.Option("--out", help="zip file to write")],
    year: Annotated[
        int | None, typer.Option("--placed-in-year", help="placement overlapping year")
    ] = None,
    program: Annotated[int | None, typer.Option("--program", help="cohort: programme id")] = None,
    completed_from: Annotated[
        datetime | None, typer.Option("--completed-from", formats=["%Y-%m-%d"])
    ] = None,
    completed_to: Annotated[
        datetime | None,
        typer.Option("--completed-to", formats=["%Y-%m-%d"], help="inclusive"),
    ] = None,
) -> None:
    """Issue one certificate per person of a cohort or placement year: PDFs and manifest.csv in a
    zip. Idempotent: whoever already holds a valid certificate with the same facts is reported
    "already issued", so running it twice issues nothing the second time."""
    from rich.progress import Progress

    from maeul_db.certificates import batch as batch_service
    from maeul_db.db import get_engine

    selection = batch_service.Selection(
        program_id=program,
        completed_from=completed_from.date() if completed_from else None,
        completed_to=completed_to.date() if completed_to else None,
        placed_in_year=year,
    )
    try:
        with Session(get_engine()) as session:
            with Progress(console=console) as progress:
                task = progress.add_task(message("cli.issuing"), total=None)
                result = batch_service.run(
                    session,
                    user=cli_operator(),
                    kind=kind,
                    selection=selection,
                    on_start=lambda total: progress.update(task, total=total),
                    on_issued=lambda: progress.advance(task),
                )
            # The zip is written before the commit: a zip that cannot be written issues nothing.
            out.write_bytes(batch_service.to_zip(result, kind=kind))
            lines = [
                f"{r.outcome} person {r.person.id}: {r.reason}"
                for r in result.results
                if r.outcome != batch_service.Outcome.issued
            ]
            try:
                session.commit()
            except Exception:
                out.unlink(missing_ok=True)
                raise
    except MaeulError as exc:
        console.print(
            message("cli.error", where="", message=exc.message), style="red", markup=False
        )
        raise typer.Exit(code=1) from None
    for line in lines:
        console.print(line, markup=False)
    counts = {o.value: result.count(o) for o in batch_service.Outcome}
    console.print(
        f"issued {counts['issued']}, already issued {counts['already']}, "
        f"skipped {counts['skipped']} → {out}",
        style="green",
        markup=False,
    )


@cert_app.command("verify")
def verify(
    file: Annotated[Path, typer.Argument(help="certificate PDF")],
    key_dir: Annotated[Path | None, typer.Option("--key-dir", help="public keys")] = None,
    online: Annotated[
        str | None, typer.Option("--online", help="server URL to ask for the current status")
    ] = None,
) -> None:
    """Check a certificate PDF; exit 0 only for a valid signature (and, with --online, a valid
    status): 1 bad signature, 2 revoked or superseded, 3 server not reachable."""
    from maeul_db.certificates import online as online_check
    from maeul_db.certificates.offline import verify_bytes
    from maeul_db.certificates.settings import get_cert_settings
    from maeul_db.wording import message

    check = verify_bytes(file.read_bytes(), key_dir or get_cert_settings().key_dir)
    if not check.ok:
        console.print(f"INVALID: {check.reason}", style="red", markup=False)
        raise typer.Exit(code=1)
    p = check.payload
    print(
        f"VALID {p['number']} ({p['kind']}) issued {clock.format_kst(p['issued_at'])} KST by {p['issuer']}, "
        f"key {check.kid}; holder {p['subject']['name']} ({p['subject']['birth_year']}), "
        f"{len(p['facts'])} facts"
    )
    if online is None:
        print(message("certificate.offline_status_unknown"), p["verify_url"])
        return
    try:
        status = online_check.check(online, p)
    except online_check.Unreachable as exc:
        console.print(str(exc), style="red", markup=False)
        raise typer.Exit(code=3) from exc
    print(status.text)
    if not status.ok:
        raise typer.Exit(code=2)


@cert_app.command("rotate-key")
def rotate_key() -> None:
    """Create a new signing key and make it current; old keys stay for verification."""
    from maeul_db.certificates import keys
    from maeul_db.certificates.settings import get_cert_settings

    kid = keys.generate(get_cert_settings().key_dir)
    console.print(f"new signing key {kid}", style="green", markup=False)
