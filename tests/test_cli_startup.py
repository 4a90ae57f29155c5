"""``maeul-db`` starts without the heavy libraries: ``--help`` and the start of ``import`` must cost
little more than starting Python (issue 10), so ``maeul_db.cli`` and the modules it loads to start
a command import sqlalchemy, fastapi, weasyprint and networkx only inside the commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

HEAVY = ("sqlalchemy", "sqlmodel", "fastapi", "weasyprint", "networkx", "alembic", "pydantic")
SRC = Path(__file__).resolve().parents[1] / "src"

# Runs in a fresh interpreter: this test process has imported everything long ago.
_PROBE = """
import json, sys
argv = sys.argv[1:]
{body}
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def _heavy_after(body: str, *args: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    code = _PROBE.format(body=body, heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize(
    "module", ["maeul_db.cli", "maeul_db.imports.cli", "maeul_db.training.cli"]
)
def test_cli_modules_import_no_heavy_library(module: str) -> None:
    assert _heavy_after(f"import {module}") == []


@pytest.mark.parametrize("args", [["--help"], ["import", "--help"], ["training", "--help"]])
def test_help_imports_no_heavy_library(args: list[str]) -> None:
    body = (
        "import contextlib, io\n"
        "from maeul_db.cli import app\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    app(argv, prog_name='maeul-db')\n"
    )
    assert _heavy_after(body, *args) == []


def test_probe_sees_a_heavy_import() -> None:
    """The probe can fail: a module that does import sqlalchemy is caught."""
    assert "sqlalchemy" in _heavy_after("import maeul_db.db")


def test_lazy_help_texts_match_the_commands() -> None:
    """The short help ``--help`` shows from the table is the loaded command's own."""
    from maeul_db.cli import LAZY_COMMANDS, LAZY_REFDATA_COMMANDS, load_command

    for table in (LAZY_COMMANDS, LAZY_REFDATA_COMMANDS):
        for name, (module, attribute, short) in table.items():
            command = load_command(name, module, attribute)
            assert command.get_short_help_str(1000) == short, name


def test_help_lists_every_lazy_command() -> None:
    from maeul_db.cli import LAZY_COMMANDS, app

    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for name in LAZY_COMMANDS:
        assert f" {name} " in result.stdout, name
