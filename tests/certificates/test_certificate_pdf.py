"""Certificate PDFs checked with real tools: poppler (text, fonts, raster), zxing-cpp (QR)."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import zxingcpp
from fastapi.testclient import TestClient
from PIL import Image
from sqlmodel import Session

from maeul_db.models import Certificate
from tests.certificates.helpers import download, issue, make_world, pdftotext


def test_issue_training_pdf_text_matches_ledger(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    world = make_world(session)
    issued = issue(client, world.expert.username, "training", world.expert_person.id)
    data = download(client, world.expert.username, issued["id"])
    row = session.get(Certificate, issued["id"])
    assert row is not None
    assert hashlib.sha256(data).hexdigest() == row.pdf_sha256 == issued["pdf_sha256"]
    assert hashlib.sha256(row.payload.encode()).hexdigest() == row.payload_sha256
    path = tmp_path / "training.pdf"
    path.write_bytes(data)
    text = pdftotext(path)
    payload = json.loads(row.payload)
    assert "교 육 이 수 증" in text or "교육이수증" in text.replace(" ", "")
    for expected in (row.number, "박서연", "1984년", payload["issuer"], "2019. 06. 01."):
        assert expected in text, expected
    for fact in payload["facts"]:
        assert fact["program_name"] in text and f"{fact['hours']}시간" in text
    assert len(payload["facts"]) == 3
    # No contact data on the certificate.
    assert "01098765432" not in text and "example.org" not in text


def test_issue_career_prints_only_verified_entries(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    world = make_world(session)
    issued = issue(client, world.expert.username, "career", world.expert_person.id)
    path = tmp_path / "career.pdf"
    path.write_bytes(download(client, world.expert.username, issued["id"]))
    text = pdftotext(path)
    assert "경 력 증 명 서" in text or "경력증명서" in text.replace(" ", "")
    assert "종로구 마을자치센터" in text and "중구 마을자치센터" in text
    assert "미확인 협동조합" not in text
    assert "2020. 01. 01. ~ 2021. 12. 30." in text  # valid_to is exclusive


def test_issue_district_staff_prints_only_own_district(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    world = make_world(session)
    issued = issue(client, world.staff.username, "career", world.expert_person.id)
    path = tmp_path / "career.pdf"
    path.write_bytes(download(client, world.staff.username, issued["id"]))
    text = pdftotext(path)
    assert "종로구 마을자치센터" in text and "중구 마을자치센터" not in text
    assert "종로구 마을자치통합지원센터" in text


def test_pdf_fonts_embedded(client: TestClient, session: Session, tmp_path: Path) -> None:
    world = make_world(session)
    issued = issue(client, world.expert.username, "training", world.expert_person.id)
    path = tmp_path / "c.pdf"
    path.write_bytes(download(client, world.expert.username, issued["id"]))
    lines = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert lines, "no fonts"
    for line in lines:
        columns = line.split()
        assert "Nanum" in columns[0], line
        # emb and sub columns: embedded and subset.
        assert columns[-5:-3] == ["yes", "yes"], line


def test_qr_decodes_to_verification_url(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    world = make_world(session)
    issued = issue(client, world.expert.username, "training", world.expert_person.id)
    path = tmp_path / "c.pdf"
    path.write_bytes(download(client, world.expert.username, issued["id"]))
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", str(path), str(tmp_path / "page")],
        check=True,
    )
    results = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert [r.format for r in results] == [zxingcpp.BarcodeFormat.QRCode]
    assert results[0].text.endswith(f"/verify/{issued['verification_id']}")
    assert results[0].text.startswith("http")
