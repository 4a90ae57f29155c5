"""Certificates read the one clock: the issue date is Seoul's day, and a career's 종료일 is the
last day worked, the same on the certificate, the expert's record and the person's page."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.certificates.render import CertificateDocument, render_html
from maeul_db.kit.time import format_ko_date, frozen_at
from maeul_db.models import Certificate, Role
from tests.builders import bearer, make_person, make_user
from tests.certificates.helpers import download, issue, make_world, pdftotext
from tests.web_login import log_in, user_for

# 00:30 on 2 March in Seoul; still 1 March in UTC (and on a server whose local zone is UTC).
JUST_AFTER_MIDNIGHT_KST = datetime(2026, 3, 1, 15, 30, tzinfo=UTC)


def test_issued_just_after_midnight_kst_prints_the_seoul_date(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    world = make_world(session)
    with frozen_at(JUST_AFTER_MIDNIGHT_KST):
        issued = issue(client, world.expert.username, "training", world.expert_person.id)
    row = session.get(Certificate, issued["id"])
    assert row is not None
    payload = json.loads(row.payload)
    assert payload["issued_on"] == "2026-03-02"
    assert payload["issued_at"] == "2026-03-01T15:30:00+00:00"  # the instant stays UTC
    path = tmp_path / "c.pdf"
    path.write_bytes(download(client, world.expert.username, issued["id"]))
    text = pdftotext(path)
    assert "2026년 3월 2일" in text and "2026년 3월 1일" not in text
    assert log_in(client, world.expert.username).status_code == 303
    record = client.get("/me/record").text
    assert f"<td>{row.number}</td>" in record and "2026-03-02" in record
    verify = client.get(f"/verify/{issued['verification_id']}").text
    assert "<dd>2026-03-02</dd>" in verify


def test_certificate_number_takes_the_seoul_year(client: TestClient, session: Session) -> None:
    world = make_world(session)
    # 1 January 2027, 00:10 in Seoul.
    with frozen_at(datetime(2026, 12, 31, 15, 10, tzinfo=UTC)):
        issued = issue(client, world.expert.username, "training", world.expert_person.id)
    assert issued["number"].startswith("2027-T-")


def test_career_last_day_is_the_same_on_certificate_record_and_person_page(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    person = make_person(session, name="정경력", birth_year=1979)
    admin = user_for(session, Role.city_admin)
    expert = make_user(session, role=Role.expert, person_id=person.id)
    headers = bearer(client, admin.username)
    # The JSON API speaks storage: worked through 31 December 2024 is valid_to 2025-01-01.
    created = client.post(
        "/api/careers",
        headers=headers,
        json={
            "person_id": person.id,
            "job_type": "field_activist",
            "employer": "종로구 마을활동센터",
            "valid_from": "2023-03-01",
            "valid_to": "2025-01-01",
        },
    )
    assert created.status_code == 201, created.text
    verified = client.post(f"/api/careers/{created.json()['id']}/verify", headers=headers)
    assert verified.status_code == 200, verified.text

    issued = issue(client, admin.username, "career", person.id)
    path = tmp_path / "career.pdf"
    path.write_bytes(download(client, admin.username, issued["id"]))
    assert "2023. 03. 01. ~ 2024. 12. 31." in pdftotext(path)
    row = session.get(Certificate, issued["id"])
    assert row is not None and json.loads(row.payload)["facts"][0]["last_day"] == "2024-12-31"

    assert log_in(client, admin.username).status_code == 303
    person_page = client.get(f"/people/{person.id}").text
    # The person page writes days the Korean way (issue 14): the last day, never the day after.
    assert format_ko_date(date(2024, 12, 31)) in person_page
    assert format_ko_date(date(2025, 1, 1)) not in person_page and "2025-01-01" not in person_page
    assert log_in(client, expert.username).status_code == 303
    record = client.get("/me/record").text
    assert "2023-03-01 ~ 2024-12-31" in record and "2025-01-01" not in record
    assert date(2025, 1, 1).isoformat() == created.json()["valid_to"]


def test_v1_payload_without_issued_on_prints_what_it_printed_at_issue(
    client: TestClient, session: Session
) -> None:
    world = make_world(session)
    with frozen_at(JUST_AFTER_MIDNIGHT_KST):
        issued = issue(client, world.expert.username, "training", world.expert_person.id)
    row = session.get(Certificate, issued["id"])
    assert row is not None
    legacy = {k: v for k, v in json.loads(row.payload).items() if k != "issued_on"} | {"v": 1}
    html = render_html(CertificateDocument(legacy, row.key_id, b""))
    # Before payload v2 the date was cut from the UTC instant; a re-render keeps those bytes.
    assert "2026년 3월 1일" in html and "2026년 3월 2일" not in html
