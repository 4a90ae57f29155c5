"""The ``maeul-db`` command line: database, reference data, accounts, demo data, server."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from sqlmodel import Session

from maeul_db import migrate, wording
from maeul_db.config import get_settings
from maeul_db.core.context import Door, set_origin
from maeul_db.errors import MaeulError

app = typer.Typer(help=wording.message("cli.help"), no_args_is_help=True)
db_app = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
refdata_app = typer.Typer(help="Reference geography (districts and dongs).", no_args_is_help=True)
user_app = typer.Typer(help="Accounts.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(refdata_app, name="refdata")
app.add_typer(user_app, name="user")

console = Console(stderr=True)


@app.callback()
def _entry() -> None:
    # Every command runs as the command-line door: the access log records reads made from here.
    set_origin(Door.cli)


def _error(message: str, field: str | None = None) -> None:
    where = f" [{field}]" if field else ""
    # Escaped: a field name in brackets would otherwise be read as rich markup and vanish.
    console.print(
        wording.message("cli.error", where=where, message=message), style="red", markup=False
    )


def _fail(exc: MaeulError) -> None:
    _error(exc.message, exc.field)
    raise typer.Exit(code=1)


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="target revision")] = "heads") -> None:
    """Apply migrations up to REVISION (default: head)."""
    migrate.upgrade(revision)
    console.print(f"[green]database at {revision}[/green]")


@db_app.command("downgrade")
def db_downgrade(revision: Annotated[str, typer.Argument(help="target revision")] = "-1") -> None:
    """Revert migrations down to REVISION (default: one step; 'base' removes everything)."""
    migrate.downgrade(revision)
    console.print(f"[green]database downgraded to {revision}[/green]")


@db_app.command("check")
def db_check() -> None:
    """Fail when the models and the migrations disagree."""
    migrate.check_drift()
    console.print("[green]models and migrations agree[/green]")


@refdata_app.command("load")
def refdata_load(
    directory: Annotated[Path | None, typer.Argument(help="default: MAEUL_REFDATA_DIR")] = None,
) -> None:
    """Load districts and dongs from DIRECTORY (loading twice changes nothing)."""
    from maeul_db.db import get_engine
    from maeul_db.refdata.service import load_refdata

    source = directory or get_settings().refdata_dir
    try:
        with Session(get_engine()) as session:
            with console.status(wording.message("cli.loading_refdata")):
                report = load_refdata(session, source)
            session.commit()
    except MaeulError as exc:
        _fail(exc)
    console.print(
        f"inserted {sum(report.inserted.values())}, updated {sum(report.updated.values())}, "
        f"unchanged {sum(report.unchanged.values())} rows from {source}",
        markup=False,
    )


@user_app.command("create")
def user_create(
    username: Annotated[str, typer.Option("--username")],
    role: Annotated[str, typer.Option("--role", help="city_admin|district_staff|expert|analyst")],
    district: Annotated[str | None, typer.Option("--district", help="district code")] = None,
    person: Annotated[int | None, typer.Option("--person", help="person id (experts)")] = None,
) -> None:
    """Create an account; the password is read from standard input."""
    from pydantic import ValidationError

    from maeul_db.auth import service as auth_service
    from maeul_db.auth.schemas import UserCreate
    from maeul_db.db import get_engine

    password = sys.stdin.readline().rstrip("\r\n")
    try:
        data = UserCreate(
            username=username,
            password=password,
            role=role,  # type: ignore[arg-type]
            district_code=district,
            person_id=person,
        )
    except ValidationError as exc:
        for error in exc.errors():
            _error(str(error["msg"]), ".".join(map(str, error["loc"])))
        raise typer.Exit(code=1) from None
    try:
        with Session(get_engine()) as session:
            user = auth_service.create(session, data=data)
            created = f"created {user.role} account {user.username} (id {user.id})"
            session.commit()
    except MaeulError as exc:
        _fail(exc)
    console.print(created, style="green", markup=False)


@user_app.command("passwd")
def user_passwd(username: Annotated[str, typer.Option("--username")]) -> None:
    """Set an account's password (read from standard input), for an operator at the server: the
    policy applies, and every session and token of the account ends."""
    from maeul_db.auth import service as auth_service
    from maeul_db.db import get_engine

    password = sys.stdin.readline().rstrip("\r\n")
    try:
        with Session(get_engine()) as session:
            auth_service.set_password_by_username(session, username=username, password=password)
            session.commit()
    except MaeulError as exc:
        _fail(exc)
    console.print(
        f"password of {username} changed; its sessions ended", style="green", markup=False
    )


@app.command("demo-accounts")
def demo_accounts() -> None:
    """Create one demo login per role (development only) and print them."""
    from maeul_db.auth.demo_accounts import DEMO_PASSWORD, ensure_demo_accounts
    from maeul_db.db import get_engine

    try:
        with Session(get_engine()) as session:
            logins = ensure_demo_accounts(session)
            session.commit()
    except MaeulError as exc:
        _fail(exc)
    print(wording.message("cli.demo_logins"), DEMO_PASSWORD)
    for login in logins:
        print(f"  {login.username:<8} {login.note}")


@app.command("verify-access-log")
def verify_access_log(
    checkpoint: Annotated[
        bool, typer.Option("--checkpoint", help="after a good check, sign and store the head")
    ] = False,
) -> None:
    """Recompute the access log's keyed hash chain and hold it against the latest signed
    checkpoint; exit 1 at the first row that does not fit or when rows are missing."""
    from maeul_db.access_log.chain import checkpoint_now, verify_chain
    from maeul_db.db import get_engine

    with Session(get_engine()) as session:
        check = verify_chain(session)
        if check.ok and checkpoint:
            checkpoint_now(session)
    if not check.ok:
        where = f" at row {check.first_bad_id}" if check.first_bad_id is not None else ""
        _error(f"access log broken{where}: {check.reason}")
        raise typer.Exit(code=1)
    notes = [f"{check.legacy_rows} legacy unkeyed rows"] if check.legacy_rows else []
    if check.checkpoint is not None:
        notes.append(f"checkpoint of {check.checkpoint.at} matches ({check.checkpoint.rows} rows)")
    if checkpoint:
        notes.append("checkpoint written")
    tail = f" ({'; '.join(notes)})" if notes else ""
    console.print(f"access log intact: {check.rows} rows{tail}", style="green", markup=False)


@app.command("serve")
def serve(host: str = "127.0.0.1", port: int = 8000, reload: bool = False) -> None:
    """Run the web app and API (http://HOST:PORT, API docs at /api/docs)."""
    import uvicorn

    from maeul_db.auth.demo_accounts import refuse_demo_accounts_in_production
    from maeul_db.db import get_engine

    if get_settings().environment == "production":
        try:
            with Session(get_engine()) as session:
                refuse_demo_accounts_in_production(session)
        except MaeulError as exc:
            _fail(exc)

    # proxy_headers=False: uvicorn would otherwise believe X-Forwarded-For from 127.0.0.1 and
    # rewrite the peer address itself; the app decides (MAEUL_TRUSTED_PROXIES, core.context).
    uvicorn.run(
        "maeul_db.app:create_app",
        factory=True,
        host=host,
        port=port,
        reload=reload,
        proxy_headers=False,
    )


def _register_optional_commands() -> None:
    from maeul_db.analytics.cli import register as register_analytics
    from maeul_db.demo.cli import demo
    from maeul_db.imports.cli import batches_app, import_roster

    app.command("demo")(demo)
    app.command("import")(import_roster)
    app.add_typer(batches_app, name="import-batches")

    from maeul_db.certificates.cli import cert_app
    from maeul_db.experts.cli import experts_app

    app.add_typer(experts_app, name="experts")
    app.add_typer(cert_app, name="cert")
    from maeul_db.training.cli import training_app

    app.add_typer(training_app, name="training")
    register_analytics(app)
    from maeul_db.privacy.cli import privacy_app

    app.add_typer(privacy_app, name="privacy")
    from maeul_db.refdata.cli import dong_change

    refdata_app.command("dong-change")(dong_change)
    from maeul_db.jobs.cli import jobs_app

    app.add_typer(jobs_app, name="jobs")


_register_optional_commands()

if __name__ == "__main__":
    app()
