"""The ``maeul-db`` command line: database, reference data, accounts, demo data, server.

Start-up is kept light (``maeul-db --help`` should cost little more than starting Python): this
module imports only typer and the wording catalogue; every command imports what it needs (sqlmodel,
services, weasyprint, networkx, ...) inside its own body, and the commands of other packages are
loaded from ``LAZY_COMMANDS`` only when they run or their own help is asked for.
``tests/test_cli_startup.py`` fails when a heavy library is imported at module import time.
"""

from __future__ import annotations

import contextlib
import sys
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from maeul_db import wording

if TYPE_CHECKING:
    from rich.console import Console

    from maeul_db.errors import MaeulError

# Command name → (module, attribute, the short help shown by ``--help``). The attribute is a
# command function or a ``typer.Typer`` sub-app; the module is imported only when the command is
# run or its own ``--help`` is shown. ``tests/test_cli_startup.py`` checks the help texts match.
# New commands of other packages: add an entry here (at the end), not an import at module level.
LAZY_COMMANDS: dict[str, tuple[str, str, str]] = {
    "demo": (
        "maeul_db.demo.cli",
        "demo",
        "Fill the database with reproducible synthetic demo data (refuses if data exists).",
    ),
    "import": (
        "maeul_db.imports.cli",
        "import_roster",
        "Import a roster (one row per person per project) into DISTRICT.",
    ),
    "kpi": (
        "maeul_db.analytics.cli",
        "kpi",
        "The plan's indicators for a period (definitions: docs/indicators.md).",
    ),
    "report": (
        "maeul_db.analytics.cli",
        "report",
        "A yearly indicator report as an A4 PDF (the dashboard's figures for that year).",
    ),
    "ladder": (
        "maeul_db.analytics.cli",
        "ladder",
        "The growth ladder as JSON: rungs on a date, yearly transitions, cohorts and stalls.",
    ),
    "import-batches": ("maeul_db.imports.cli", "batches_app", "Import batches: list and undo."),
    "experts": ("maeul_db.experts.cli", "experts_app", "The expert pool and placements."),
    "cert": (
        "maeul_db.certificates.cli",
        "cert_app",
        "Certificates: issue, verify offline, rotate keys.",
    ),
    "training": ("maeul_db.training.cli", "training_app", "Training: attendance import."),
    "graph": ("maeul_db.analytics.cli", "graph_app", "Relationship networks (networkx)."),
    "privacy": (
        "maeul_db.privacy.cli",
        "privacy_app",
        "Personal data: retention and destruction.",
    ),
    "assemblies": (
        "maeul_db.assemblies.cli",
        "assemblies_app",
        "General assemblies (turnout).",
    ),
    "jobs": (
        "maeul_db.jobs.cli",
        "jobs_app",
        "Background analytics jobs (huey).",
    ),
    "summaries": (
        "maeul_db.analytics.cli",
        "summaries_app",
        "Analytics summaries (issue 11).",
    ),
    "councils": (
        "maeul_db.councils.cli",
        "councils_app",
        "Resident councils: roster import.",
    ),
}
LAZY_REFDATA_COMMANDS: dict[str, tuple[str, str, str]] = {
    "dong-change": (
        "maeul_db.refdata.cli",
        "dong_change",
        "Show what a dong change does (which dongs close and open, which records keep their old "
        "dong); with --apply, record it.",
    ),
}


def load_command(name: str, module: str, attribute: str) -> Any:
    """The click command of a lazily registered entry (imports its module)."""
    target = getattr(import_module(module), attribute)
    # A throw-away app with a callback always builds a group, whose commands keep their names.
    holder = typer.Typer(rich_markup_mode=HELP_MARKUP)
    holder.callback()(lambda: None)
    if isinstance(target, typer.Typer):
        holder.add_typer(target, name=name)
    else:
        holder.command(name)(target)
    return typer.main.get_group(holder).commands[name]


class LazyGroup(TyperGroup):
    """A group whose ``lazy`` commands are imported on first use. While its help is written, a
    lazy command is shown from its table entry alone, so ``--help`` imports nothing more."""

    lazy: ClassVar[dict[str, tuple[str, str, str]]] = {}
    _listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        own = super().list_commands(ctx)
        return [*own, *(name for name in self.lazy if name not in own)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, attribute, short = self.lazy[cmd_name]
            if self._listing:
                return TyperCommand(cmd_name, help=short)
            self.commands[cmd_name] = load_command(cmd_name, module, attribute)
        return super().get_command(ctx, cmd_name)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None and getattr(option, "_runtime_param", "") is None:
            # typer 0.29 coerces even an absent --help (None) through a pydantic TypeAdapter that
            # it builds on first use, importing pydantic (about 0.25 s) before any subcommand
            # starts; a flag needs no adapter. Kept harmless if typer's internals move.
            with contextlib.suppress(ImportError, TypeError):
                from typer._coercion import PassThroughRuntimeParam

                info = option.type_descriptor.parameter_info
                option._runtime_param = PassThroughRuntimeParam(
                    parameter_info=info, annotation=bool
                )
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False


class _RootGroup(LazyGroup):
    lazy = LAZY_COMMANDS


class _RefdataGroup(LazyGroup):
    lazy = LAZY_REFDATA_COMMANDS


# Plain (click) help, not rich's panels: typer's rich help renderer alone imports rich's markdown,
# traceback and pretty-printing modules, about 0.2 s of CPU, most of the start-up budget.
HELP_MARKUP = None
# No --install-completion / --show-completion: typer 0.29 coerces every parameter's value through a
# pydantic TypeAdapter, so those two root options alone import pydantic (about 0.25 s) before any
# command starts.
app = typer.Typer(
    help=wording.message("cli.help"),
    no_args_is_help=True,
    cls=_RootGroup,
    rich_markup_mode=HELP_MARKUP,
    add_completion=False,
)
db_app = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
refdata_app = typer.Typer(
    help="Reference geography (districts and dongs).", no_args_is_help=True, cls=_RefdataGroup
)
user_app = typer.Typer(help="Accounts.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(refdata_app, name="refdata")
app.add_typer(user_app, name="user")


def _console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


@app.callback()
def _entry() -> None:
    from maeul_db.core.context import Door, set_origin

    # Every command runs as the command-line door: the access log records reads made from here.
    set_origin(Door.cli)


def _error(message: str, field: str | None = None) -> None:
    where = f" [{field}]" if field else ""
    # Escaped: a field name in brackets would otherwise be read as rich markup and vanish.
    _console().print(
        wording.message("cli.error", where=where, message=message), style="red", markup=False
    )


def _fail(exc: MaeulError) -> NoReturn:
    _error(exc.message, exc.field)
    raise typer.Exit(code=1)


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="target revision")] = "heads") -> None:
    """Apply migrations up to REVISION (default: head)."""
    from maeul_db import migrate

    migrate.upgrade(revision)
    _console().print(f"[green]database at {revision}[/green]")


@db_app.command("downgrade")
def db_downgrade(revision: Annotated[str, typer.Argument(help="target revision")] = "-1") -> None:
    """Revert migrations down to REVISION (default: one step; 'base' removes everything)."""
    from maeul_db import migrate

    migrate.downgrade(revision)
    _console().print(f"[green]database downgraded to {revision}[/green]")


@db_app.command("check")
def db_check() -> None:
    """Fail when the models and the migrations disagree."""
    from maeul_db import migrate

    migrate.check_drift()
    _console().print("[green]models and migrations agree[/green]")


@refdata_app.command("load")
def refdata_load(
    directory: Annotated[Path | None, typer.Argument(help="default: MAEUL_REFDATA_DIR")] = None,
) -> None:
    """Load districts and dongs from DIRECTORY (loading twice changes nothing)."""
    from sqlmodel import Session

    from maeul_db.config import get_settings
    from maeul_db.db import get_engine
    from maeul_db.errors import MaeulError
    from maeul_db.refdata.service import load_refdata

    source = directory or get_settings().refdata_dir
    try:
        with Session(get_engine()) as session:
            with _console().status(wording.message("cli.loading_refdata")):
                report = load_refdata(session, source)
            session.commit()
    except MaeulError as exc:
        _fail(exc)
    _console().print(
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
    from sqlmodel import Session

    from maeul_db.auth import service as auth_service
    from maeul_db.auth.schemas import UserCreate
    from maeul_db.db import get_engine
    from maeul_db.errors import MaeulError

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
    _console().print(created, style="green", markup=False)


@user_app.command("passwd")
def user_passwd(username: Annotated[str, typer.Option("--username")]) -> None:
    """Set an account's password (read from standard input), for an operator at the server: the
    policy applies, and every session and token of the account ends."""
    from sqlmodel import Session

    from maeul_db.auth import service as auth_service
    from maeul_db.db import get_engine
    from maeul_db.errors import MaeulError

    password = sys.stdin.readline().rstrip("\r\n")
    try:
        with Session(get_engine()) as session:
            auth_service.set_password_by_username(session, username=username, password=password)
            session.commit()
    except MaeulError as exc:
        _fail(exc)
    _console().print(
        f"password of {username} changed; its sessions ended", style="green", markup=False
    )


@app.command("demo-accounts")
def demo_accounts() -> None:
    """Create one demo login per role (development only) and print them."""
    from sqlmodel import Session

    from maeul_db.auth.demo_accounts import DEMO_PASSWORD, ensure_demo_accounts
    from maeul_db.db import get_engine
    from maeul_db.errors import MaeulError

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
    from sqlmodel import Session

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
    _console().print(f"access log intact: {check.rows} rows{tail}", style="green", markup=False)


@app.command("serve")
def serve(host: str = "127.0.0.1", port: int = 8000, reload: bool = False) -> None:
    """Run the web app and API (http://HOST:PORT, API docs at /api/docs)."""
    import uvicorn
    from sqlmodel import Session

    from maeul_db.auth.demo_accounts import refuse_demo_accounts_in_production
    from maeul_db.config import get_settings
    from maeul_db.db import get_engine
    from maeul_db.errors import MaeulError

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


if __name__ == "__main__":
    app()
