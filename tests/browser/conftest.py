"""A real server for browser tests: a fresh migrated SQLite file, uvicorn in a subprocess, and
Debian's Chromium driven through playwright (never a downloaded browser).

A subprocess, not a thread: the server reads its settings from its own environment, so the cached
settings and engine of the test process stay untouched.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from sqlmodel import Session

from maeul_db import migrate
from maeul_db.auth import service as auth_service
from maeul_db.auth.schemas import UserCreate
from maeul_db.config import get_settings
from maeul_db.db import make_engine
from maeul_db.models import Gender, Role
from maeul_db.participants import service as participant_service
from maeul_db.participants.schemas import PersonCreate
from maeul_db.refdata.service import load_refdata
from tests.builders import DISTRICT_A, DISTRICT_B, PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STAFF_USERNAME = "jongno.staff"
STAFF_DISPLAY_NAME = "종로 담당자"
STAFF_PERSON = "김종로"
OTHER_DISTRICT_PERSON = "이중구"


@dataclass(frozen=True)
class LiveApp:
    base_url: str
    username: str
    password: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _seed(url: str) -> None:
    """Schema by migrations, reference geography, one district staff account and two people."""
    migrate.upgrade(url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        load_refdata(session, Path(get_settings().refdata_dir))
        staff = auth_service.create(
            session,
            data=UserCreate(
                username=STAFF_USERNAME,
                password=PASSWORD,
                role=Role.district_staff,
                district_code=DISTRICT_A,
                display_name=STAFF_DISPLAY_NAME,
            ),
        )
        admin = auth_service.create(
            session, data=UserCreate(username="city.admin", password=PASSWORD, role=Role.city_admin)
        )
        participant_service.create(
            session,
            user=staff,
            data=PersonCreate(
                name=STAFF_PERSON, gender=Gender.female, birth_year=1981, phone="010-1234-5678"
            ),
        )
        participant_service.create(
            session,
            user=admin,
            data=PersonCreate(
                name=OTHER_DISTRICT_PERSON,
                gender=Gender.male,
                birth_year=1975,
                registered_district_code=DISTRICT_B,
            ),
        )
        session.commit()
    engine.dispose()


# A cold start imports the whole app; on a loaded 2-core machine that has taken over 30 s.
SERVER_WAIT = float(os.environ.get("MAEUL_TEST_SERVER_WAIT", "180"))


def _wait_until_serving(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_WAIT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"uvicorn exited early:\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(
        f"uvicorn did not start within {SERVER_WAIT:.0f} s:\n{log.read_text(errors='replace')}"
    )


@contextmanager
def serve_app(
    directory: Path, url: str, *, port: int | None = None, env: dict[str, str] | None = None
) -> Iterator[str]:
    """Run the real app with uvicorn in a subprocess against ``url``; yield its base URL."""
    port = port or _free_port()
    full_env = {**os.environ, "MAEUL_DATABASE_URL": url, "MAEUL_ENVIRONMENT": "test", **(env or {})}
    log = directory / "uvicorn.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "maeul_db.app:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            env=full_env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_serving(port, process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    directory = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{directory / 'maeul.db'}"
    _seed(url)
    with serve_app(directory, url) as base_url:
        yield LiveApp(base_url, STAFF_USERNAME, PASSWORD)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = f"Chromium not installed at {CHROMIUM} (scripts/setup installs it)"
        # Under CI a missing browser fails the run, so the browser tests never silently vanish.
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A tab; every browser test also fails on a Content-Security-Policy violation it caused."""
    context = browser.new_context(locale="ko-KR")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    violations: list[str] = []
    tab.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    yield tab
    context.close()
    assert not violations, f"CSP violations: {violations}"
