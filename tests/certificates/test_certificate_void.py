"""Revoked and superseded certificates are unmistakable: a red banner on the public verification
page, a "취소됨"/"대체됨" stamp on any PDF downloaded afterwards (read back with pdftotext and
pypdf), still sealed so it verifies offline. Also the career certificate's training and total, and
the issuer title and seal image from settings."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlmodel import Session

from maeul_db.certificates.offline import verify_bytes
from maeul_db.certificates.payload import career_total
from maeul_db.certificates.settings import get_cert_settings
from tests.builders import bearer
from tests.certificates.helpers import download, issue, make_world, pdftotext

# A 1x1 red PNG, written out here rather than produced by the code under test.
RED_DOT = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082"
)


def _text(data: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return pdftotext(path)


def test_revoked_pdf_stamped_and_verify_page_banner(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    world = make_world(session)
    issued = issue(client, world.staff.username, "training", world.expert_person.id)
    before = download(client, world.staff.username, issued["id"])
    assert "취소됨" not in _text(before, tmp_path, "before.pdf")
    page = client.get(f"/verify/{issued['verification_id']}")
    assert "void-banner" not in page.text

    revoked = client.post(
        f"/api/certificates/{issued['id']}/revoke",
        headers=bearer(client, world.staff.username),
        json={"reason": "이수 기록 오류"},
    )
    assert revoked.status_code == 200, revoked.text
    after = download(client, world.staff.username, issued["id"])
    text = _text(after, tmp_path, "after.pdf")
    assert "취소됨" in text and "이수 기록 오류" in text
    assert issued["number"] in text
    # pypdf keeps the stamp's letter-spacing as spaces ("취 소 됨").
    pypdf_text = PdfReader(io.BytesIO(after)).pages[0].extract_text().replace(" ", "")
    assert "취소됨" in pypdf_text
    check = verify_bytes(after, get_cert_settings().key_dir)
    assert check.ok, check.reason  # still sealed: the stamp is the issuer's, not a forgery

    page = client.get(f"/verify/{issued['verification_id']}")
    assert 'class="void-banner" role="alert"' in page.text
    assert "취소된 증명서입니다" in page.text and "이수 기록 오류" in page.text
    by_number = client.get("/verify", params={"number": issued["number"], "birth_year": 1984})
    assert "void-banner" in by_number.text


def test_superseded_pdf_stamped_and_banner_names_successor(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    world = make_world(session)
    old = issue(client, world.staff.username, "career", world.expert_person.id)
    new = client.post(
        f"/api/certificates/{old['id']}/reissue", headers=bearer(client, world.staff.username)
    ).json()
    text = _text(download(client, world.staff.username, old["id"]), tmp_path, "old.pdf")
    assert "대체됨" in text and new["number"] in text
    assert "대체됨" not in _text(
        download(client, world.staff.username, new["id"]), tmp_path, "new.pdf"
    )
    page = client.get(f"/verify/{old['verification_id']}")
    assert "void-banner" in page.text and new["number"] in page.text


def test_career_certificate_lists_jobs_total_and_training(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    world = make_world(session)
    issued = issue(client, world.expert.username, "career", world.expert_person.id)
    text = _text(download(client, world.expert.username, issued["id"]), tmp_path, "c.pdf")
    assert "종로구 마을자치센터" in text and "미확인 협동조합" not in text
    # Both verified jobs run 2020-01-01 up to (exclusive) 2021-12-31: counted once.
    assert "총 경력 기간 1년 11개월 30일" in text
    assert "관련 교육 이수" in text
    for program in world.programs:
        assert program.name in text
    assert "이수 시간 합계 36시간" in text


@pytest.mark.parametrize(
    ("spans", "today", "expected"),
    [
        ([("2020-01-01", "2021-12-31")], date(2026, 1, 1), (2, 0, 0)),
        ([("2020-01-15", "2020-03-14"), ("2020-02-01", None)], date(2020, 5, 1), (0, 3, 16)),
        (
            [("2017-03-01", "2018-12-31"), ("2020-01-01", "2020-01-10")],
            date(2026, 1, 1),
            (1, 10, 10),
        ),
        ([("2024-01-31", "2024-02-28")], date(2026, 1, 1), (0, 0, 29)),
    ],
)
def test_career_total_counts_overlaps_once(
    spans: list[tuple[str, str | None]], today: date, expected: tuple[int, int, int]
) -> None:
    facts = [{"valid_from": a, "last_day": b} for a, b in spans]
    total = career_total(facts, today)
    assert (total["years"], total["months"], total["days"]) == expected


def test_issuer_title_and_seal_image_from_settings(
    client: TestClient,
    session: Session,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seal = tmp_path / "seal.png"
    seal.write_bytes(RED_DOT)
    monkeypatch.setenv("MAEUL_CERT_CITY_ISSUER_TITLE", "서울특별시 시험센터장")
    monkeypatch.setenv("MAEUL_CERT_SEAL_IMAGE", str(seal))
    get_cert_settings.cache_clear()
    world = make_world(session)
    admin_issue = issue(client, world.expert.username, "training", world.expert_person.id)
    data = download(client, world.expert.username, admin_issue["id"])
    assert "서울특별시 시험센터장" in _text(data, tmp_path, "t.pdf")
    reader = PdfReader(io.BytesIO(data))
    images = list(reader.pages[0].images)
    assert len(images) == 2  # the QR code and the seal
    assert verify_bytes(data, get_cert_settings().key_dir).ok
