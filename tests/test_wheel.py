"""The package deploys: build the wheel, install it in a fresh virtual environment outside the
repository, and run the product from there as an operator would.

No network: the wheel is built without build isolation, and the new environment borrows the
dependencies of the environment running the suite through a ``.pth`` line (a path added that way is
not a site directory, so the project's editable-install hook there is never run; the test also
checks that ``maeul_db`` is imported from the new environment).
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

import maeul_db
from maeul_db import config, migrate
from maeul_db.certificates.settings import CertificateSettings

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "maeul_db"
NOT_SHIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    workdir: Path  # an empty working directory outside the repository

    def run(self, *args: str, env: dict[str, str]) -> str:
        done = subprocess.run(
            [str(self.venv / "bin" / "maeul-db"), *args],
            cwd=self.workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, f"maeul-db {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
        return done.stdout + done.stderr


def _build_wheel(out: Path) -> Path:
    # From a clean copy of the sources: an in-tree build leaves build/ behind, whose stale files
    # could end up in a later wheel and hide a file missing from the package data.
    source = out / "source"
    shutil.copytree(PACKAGE.parent, source / "src", ignore=NOT_SHIPPED)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    pip = [sys.executable, "-m", "pip"]
    wheel_flags = ["--no-deps", "--no-build-isolation", "--no-index", "-q"]
    subprocess.run([*pip, "wheel", *wheel_flags, "-w", str(out / "dist"), str(source)], check=True)
    (wheel,) = (out / "dist").glob("maeul_db-*.whl")
    return wheel


def _fresh_venv(venv: Path, wheel: Path) -> None:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    install = ["install", "--no-deps", "--no-index", "-q", str(wheel)]
    # A clean environment: with PYTHONPATH=src, pip would find the checkout's maeul_db.egg-info and
    # call the wheel "already installed".
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    subprocess.run([*pip, *install], check=True, cwd=venv, env=_clean_env())
    # Only after installing: pip would otherwise see the editable maeul_db among the borrowed
    # packages and call the wheel "already satisfied".
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "borrowed-dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    assert not root.resolve().is_relative_to(REPO)
    wheel = _build_wheel(root)
    _fresh_venv(root / "venv", wheel)
    (root / "work").mkdir()
    return Installed(wheel=wheel, venv=root / "venv", workdir=root / "work")


def _clean_env(**settings: str) -> dict[str, str]:
    """This process's environment without anything that points back into the repository."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAEUL_", "PYTHON"))}
    return {**env, **settings}


def test_wheel_holds_every_file_of_the_package(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    expected = {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    assert expected - names == set()


def test_wheel_requires_the_package_that_ships_the_api_docs_assets(installed: Installed) -> None:
    """/api/docs works offline only if the installed product brings Swagger UI and ReDoc along."""
    wheel = zipfile.ZipFile(installed.wheel)
    (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    requires = [
        line for line in wheel.read(metadata).decode().splitlines() if line.startswith("Requires")
    ]
    assert any(line.startswith("Requires-Dist: fastapi-offline") for line in requires), requires
    assert "maeul_db/web/static/api-docs.js" in wheel.namelist()


def test_defaults_never_point_into_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("MAEUL_DATABASE_URL", "MAEUL_REFDATA_DIR", "MAEUL_CERT_KEY_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    # As installed: no source checkout around the package, so no ../shared/refdata beside it.
    monkeypatch.setattr(config, "_CHECKOUT", tmp_path / "site-packages")
    settings = config.Settings()
    assert settings.database_url == "sqlite:///var/maeul.db"  # ./var/maeul.db, working directory
    assert settings.refdata_dir == Path("refdata")
    assert CertificateSettings().key_dir == Path("var") / "keys"
    assert migrate.MIGRATIONS_DIR.is_relative_to(Path(maeul_db.__file__).parent)


def test_installed_wheel_runs_outside_the_repository(
    installed: Installed, refdata_dir: Path
) -> None:
    database = installed.workdir / "maeul.db"
    env = _clean_env(MAEUL_DATABASE_URL=f"sqlite:///{database}", MAEUL_REFDATA_DIR=str(refdata_dir))
    assert _imported_from(installed, env).is_relative_to(installed.venv)
    installed.run("db", "upgrade", env=env)
    installed.run("refdata", "load", str(refdata_dir), env=env)
    installed.run("demo", "--scale", "small", env=env)

    person_id, name = _a_trained_person(database)
    certificate = installed.workdir / "certificate.pdf"
    installed.run(
        "cert",
        "issue",
        "--kind",
        "training",
        "--person",
        str(person_id),
        "--out",
        str(certificate),
        env=env,
    )
    assert name in _pdf_text(certificate)
    installed.run("cert", "verify", str(certificate), env=env)
    # Signing keys went to the default ./var/keys of the working directory, not into the package.
    assert any((installed.workdir / "var" / "keys").iterdir())

    year = _latest_year(database)
    report = installed.workdir / "report.pdf"
    installed.run("report", "--year", str(year), "--out", str(report), env=env)
    assert f"{year}년" in _pdf_text(report)

    assert _serve_one_request(installed, env) == (200, 200, 200, 200)


def _imported_from(installed: Installed, env: dict[str, str]) -> Path:
    done = subprocess.run(
        [str(installed.venv / "bin" / "python"), "-c", "import maeul_db; print(maeul_db.__file__)"],
        cwd=installed.workdir,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(done.stdout.strip()).resolve()


def _a_trained_person(database: Path) -> tuple[int, str]:
    with sqlite3.connect(database) as conn:
        row = conn.execute(
            "SELECT p.id, p.name FROM training_completion c JOIN person p ON p.id = c.person_id "
            "ORDER BY c.id LIMIT 1"
        ).fetchone()
    assert row is not None, "the demo data holds no completed training"
    return int(row[0]), str(row[1])


def _latest_year(database: Path) -> int:
    with sqlite3.connect(database) as conn:
        (latest,) = conn.execute("SELECT max(valid_from) FROM participation").fetchone()
    return int(str(latest)[:4])


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve_one_request(installed: Installed, env: dict[str, str]) -> tuple[int, ...]:
    """Start ``maeul-db serve``; the statuses of the login page, the stylesheet, the API docs page
    and its Swagger UI bundle (served from the installed packages, no CDN), then stop."""
    port = _free_port()
    command = [str(installed.venv / "bin" / "maeul-db"), "serve", "--host", "127.0.0.1"]
    log = installed.workdir / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [*command, "--port", str(port)], cwd=installed.workdir, env=env, stdout=out, stderr=out
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, f"serve exited:\n{log.read_text(errors='replace')}"
            try:
                with urllib.request.urlopen(f"{base}/login", timeout=5) as page:
                    login = page.status
                break
            except OSError:
                assert time.monotonic() < deadline, log.read_text(errors="replace")
                time.sleep(0.2)
        statuses = [login]
        for path in ("/static/maeul.css", "/api/docs", "/static/api-docs/swagger-ui-bundle.js"):
            with urllib.request.urlopen(f"{base}{path}", timeout=5) as answer:
                statuses.append(answer.status)
        return tuple(statuses)
    finally:
        server.terminate()
        server.wait(timeout=10)
