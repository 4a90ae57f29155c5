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
from tests.builders import DISTRICT_A, PASSWORD, complete_program, make_person
from tests.certificates.helpers import make_world, pdftotext

pytestmark = pytest.mark.browser
EXPERT_USERNAME = "seoyeon.expert"
STAFF_USERNAME = "jongno.certs"


@dataclass(frozen=True)
class CertApp:
    base_url: str
    key_dir: Path
    program_name: str
    expert_person_id: int


def _seed(url: str) -> tuple[str, int]:
    migrate.upgrade(url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        load_refdata(session, Path(get_settings().refdata_dir))
        world = make_world(session)
        # A cohort: the expert and two more completed the first programme in 2019.
        for name in ("김수료", "이수료"):
            complete_program(
                session, program=world.programs[0], person=make_person(session, name=name)
            )
        auth_service.create(
            session,
            data=UserCreate(
                username=STAFF_USERNAME,
                password=PASSWORD,
                role=Role.district_staff,
                district_code=DISTRICT_A,
                display_name="종로 증명서 담당",
            ),
        )
        program_name, person_id = world.programs[0].name, world.expert_person.id
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
    assert person_id is not None
    return program_name, person_id


@pytest.fixture(scope="module")
def cert_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CertApp]:
    directory = tmp_path_factory.mktemp("cert-browser")
    url = f"sqlite:///{directory / 'maeul.db'}"
    program_name, person_id = _seed(url)
    port = _free_port()
    key_dir = directory / "keys"
    env = {
        "MAEUL_CERT_KEY_DIR": str(key_dir),
        "MAEUL_CERT_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
    }
    with serve_app(directory, url, port=port, env=env) as base_url:
        yield CertApp(base_url, key_dir, program_name, person_id)


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


def _log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(base_url + "/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="로그인").click()


def _run_batch(page: Page, cert_app: CertApp) -> None:
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="증명서").click()
    page.get_by_role("link", name="일괄 발급 (교육 기수·배치 연도)").click()
    page.select_option("#kind", "training")
    value = page.locator("#program_id option", has_text=cert_app.program_name).get_attribute(
        "value"
    )
    assert value
    page.locator("#program_id").select_option(value)
    page.fill("#completed_from", "2019-01-01")
    page.fill("#completed_to", "2019-12-31")
    page.get_by_role("button", name="일괄 발급 시작").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("증명서 일괄 발급 완료")


def test_staff_batch_issues_cohort_twice_second_run_issues_none(
    cert_app: CertApp, page: Page
) -> None:
    # The first batch starts the server's render pool (spawned workers importing WeasyPrint):
    # seconds on a quiet machine, far more on a shared one.
    page.set_default_timeout(120_000)
    _log_in(page, cert_app.base_url, STAFF_USERNAME)
    _run_batch(page, cert_app)
    expect(page.locator('[data-count="issued"]')).to_have_text("3건")
    expect(page.locator('[data-count="already"]')).to_have_text("0건")
    expect(page.locator("progress#batch-progress")).to_have_attribute("value", "3")
    _run_batch(page, cert_app)
    expect(page.locator('[data-count="issued"]')).to_have_text("0건")
    expect(page.locator('[data-count="already"]')).to_have_text("3건")
    expect(page.locator("tr[data-outcome='already']")).to_have_count(3)
    page.get_by_role("link", name="발급 대장으로").click()
    expect(page.locator("table.certificates tbody tr")).to_have_count(3)


def test_revoked_certificate_page_banner_and_pdf_stamp(
    cert_app: CertApp, page: Page, browser: Browser, tmp_path: Path
) -> None:
    _log_in(page, cert_app.base_url, STAFF_USERNAME)
    page.goto(cert_app.base_url + "/certificates")
    page.fill("#person_id", str(cert_app.expert_person_id))
    page.select_option("#kind", "career")
    page.get_by_role("button", name="발급", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("경력증명서")
    verify_url = page.locator("dd a[href*='/verify/']").get_attribute("href")
    assert verify_url
    page.on("dialog", lambda dialog: dialog.accept())
    page.fill("#reason", "근무 기간 오기재")
    page.get_by_role("button", name="취소", exact=True).click()
    expect(page.locator(".void-banner")).to_contain_text("취소된 증명서입니다")

    with page.expect_download() as info:
        page.get_by_role("link", name="PDF 내려받기").click()
    path = tmp_path / "revoked.pdf"
    info.value.save_as(path)
    text = pdftotext(path)
    assert "취소됨" in text and "근무 기간 오기재" in text
    assert verify_bytes(path.read_bytes(), cert_app.key_dir).ok

    stranger = browser.new_context(locale="ko-KR").new_page()
    stranger.goto(verify_url)
    banner = stranger.locator(".void-banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("취소된 증명서입니다")
    expect(banner).to_contain_text("근무 기간 오기재")
    color = banner.evaluate("el => getComputedStyle(el).backgroundColor")
    assert color == "rgb(180, 35, 24)"  # --alert, #b42318: red
    stranger.screenshot(path=str(tmp_path / "revoked-verify.png"), full_page=True)
    stranger.context.close()
