"""An expert logs in, opens their record and downloads both certificates; a stranger verifies one
by number and birth year. Real server (uvicorn), Debian Chromium, real PDFs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session

from maeul_db import migrate
from maeul_db.auth import service as auth_service
from maeul_db.auth.schemas import UserCreate
from maeul_db.certificates.offline import verify_bytes
from maeul_db.config import get_settings
from maeul_db.db import make_engine
from maeul_db.models import Role
from maeul_db.refdata.service import load_refdata
from tests.browser.conftest import _free_port, serve_app
from tests.builders import PASSWORD
from tests.certificates.helpers import make_world, pdftotext

pytestmark = pytest.mark.browser
EXPERT_USERNAME = "seoyeon.expert"


@dataclass(frozen=True)
class CertApp:
    base_url: str
    key_dir: Path


def _seed(url: str) -> None:
    migrate.upgrade(url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        load_refdata(session, Path(get_settings().refdata_dir))
        world = make_world(session)
        auth_service.create(
            session,
            data=UserCreate(
                username=EXPERT_USERNAME,
                password=PASSWORD,
                role=Role.expert,
                person_id=world.expert_person.id,
                display_name="박서연",
            ),
        )
        session.commit()
    engine.dispose()


@pytest.fixture(scope="module")
def cert_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CertApp]:
    directory = tmp_path_factory.mktemp("cert-browser")
    url = f"sqlite:///{directory / 'maeul.db'}"
    _seed(url)
    port = _free_port()
    key_dir = directory / "keys"
    env = {
        "MAEUL_CERT_KEY_DIR": str(key_dir),
        "MAEUL_CERT_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
    }
    with serve_app(directory, url, port=port, env=env) as base_url:
        yield CertApp(base_url, key_dir)


def _download(page: Page, button: str, target: Path) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    info.value.save_as(target)
    return target.read_bytes()


def test_expert_downloads_certificates_stranger_verifies(
    cert_app: CertApp, page: Page, browser: Browser, tmp_path: Path
) -> None:
    page.goto(cert_app.base_url + "/login")
    page.fill("#username", EXPERT_USERNAME)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.get_by_role("navigation", name="주 메뉴").get_by_role(
        "link", name="교육·경력·증명서"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("교육·경력·증명서")

    training = _download(page, "교육이수증 발급", tmp_path / "training.pdf")
    career = _download(page, "경력증명서 발급", tmp_path / "career.pdf")
    checks = [verify_bytes(data, cert_app.key_dir) for data in (training, career)]
    assert all(c.ok for c in checks), [c.reason for c in checks]
    assert "마을자치전문가" in pdftotext(tmp_path / "career.pdf")
    number = checks[0].payload["number"]
    assert number in pdftotext(tmp_path / "training.pdf")

    page.reload()
    expect(page.locator("table.certificates")).to_contain_text(number)

    stranger = browser.new_context(locale="ko-KR").new_page()
    stranger.goto(cert_app.base_url + "/verify")
    stranger.fill("#number", number)
    stranger.fill("#birth_year", "1984")
    stranger.get_by_role("button", name="확인").click()
    expect(stranger.get_by_role("heading", level=2)).to_have_text("유효한 증명서입니다")
    expect(stranger.locator(".holder")).to_have_text("박*연")
    assert "박서연" not in stranger.locator("main").inner_text()
    stranger.screenshot(path=str(tmp_path / "verify.png"), full_page=True)
    stranger.context.close()
