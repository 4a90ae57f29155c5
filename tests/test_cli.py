"""The maeul-db command, run as a user would, against a fresh SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from typer.testing import CliRunner

from maeul_db.cli import app
from maeul_db.config import get_settings
from maeul_db.db import get_engine
from maeul_db.models import UserAccount

runner = CliRunner()


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("MAEUL_DATABASE_URL", url)
    get_settings.cache_clear()
    get_engine.cache_clear()
    yield url
    get_engine().dispose()
    get_settings.cache_clear()
    get_engine.cache_clear()


def _ok(args: list[str], stdin: str | None = None) -> str:
    result = runner.invoke(app, args, input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_upgrade_load_twice_and_create_user(cli_db: str, refdata_dir: Path) -> None:
    _ok(["db", "upgrade"])
    _ok(["db", "check"])
    first = _ok(["refdata", "load", str(refdata_dir)])
    assert "inserted 457, updated 0, unchanged 0" in first
    second = _ok(["refdata", "load", str(refdata_dir)])
    assert "inserted 0, updated 0, unchanged 457" in second
    _ok(
        [
            "user",
            "create",
            "--username",
            "jongno",
            "--role",
            "district_staff",
            "--district",
            "11110",
        ],
        stdin="a-long-password\n",
    )
    engine = create_engine(cli_db)
    with engine.connect() as conn:
        user = conn.execute(
            select(UserAccount.__table__).where(UserAccount.__table__.c.username == "jongno")
        ).one()
        assert user.district_code == "11110" and user.password_hash.startswith("$argon2id$")
    engine.dispose()


def test_cli_user_create_errors_are_clear(cli_db: str, refdata_dir: Path) -> None:
    _ok(["db", "upgrade"])
    _ok(["refdata", "load", str(refdata_dir)])
    result = runner.invoke(
        app,
        ["user", "create", "--username", "x1x", "--role", "district_staff"],
        input="a-long-password\n",
    )
    assert result.exit_code == 1 and "district" in result.output
    result = runner.invoke(
        app, ["user", "create", "--username", "x2x", "--role", "analyst"], input="short\n"
    )
    assert result.exit_code == 1 and "[password]" in result.output
    engine = create_engine(cli_db)
    with engine.connect() as conn:
        assert (
            conn.execute(select(func.count()).select_from(UserAccount.__table__)).scalar_one() == 0
        )
    engine.dispose()


def test_cli_refdata_missing_directory_fails_clearly(cli_db: str, tmp_path: Path) -> None:
    _ok(["db", "upgrade"])
    result = runner.invoke(app, ["refdata", "load", str(tmp_path / "missing")])
    assert result.exit_code == 1 and "참조자료" in result.output


def test_cli_downgrade_to_base_and_back(cli_db: str) -> None:
    _ok(["db", "upgrade"])
    _ok(["db", "downgrade", "base"])
    _ok(["db", "upgrade"])
    _ok(["db", "check"])


def test_cli_demo_on_a_database_never_upgraded_names_the_commands_to_run(cli_db: str) -> None:
    result = runner.invoke(app, ["demo", "--scale", "small"])
    assert result.exit_code != 0
    assert "maeul-db db upgrade" in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
