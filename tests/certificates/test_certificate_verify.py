"""Verification: offline from the PDF (seal + payload), public lookups, ledger status, limits."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session
from typer.testing import CliRunner

from maeul_db.certificates import keys, signing
from maeul_db.certificates.offline import verify_bytes
from maeul_db.certificates.render import CertificateDocument, render_pdf
from maeul_db.certificates.settings import get_cert_settings
from maeul_db.cli import app
from maeul_db.core.operator import cli_operator
from maeul_db.models import Certificate, CertificateKind, Role
from tests.builders import DISTRICT_B, bearer, make_user
from tests.certificates.helpers import download, issue, make_world

runner = CliRunner()


def _issued_pdf(client: TestClient, session: Session) -> tuple[dict[str, object], bytes]:
    world = make_world(session)
    issued = issue(client, world.expert.username, "training", world.expert_person.id)
    return issued, download(client, world.expert.username, int(str(issued["id"])))


def test_verify_offline_valid_then_one_byte_change_fails(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    _, data = _issued_pdf(client, session)
    good = tmp_path / "good.pdf"
    good.write_bytes(data)
    result = runner.invoke(app, ["cert", "verify", str(good)])
    assert result.exit_code == 0, result.output
    assert "VALID" in result.output
    for position in (len(data) // 3, len(data) // 2, 200, len(data) - 10):
        changed = bytearray(data)
        changed[position] ^= 0x01
        bad = tmp_path / f"bad{position}.pdf"
        bad.write_bytes(bytes(changed))
        result = runner.invoke(app, ["cert", "verify", str(bad)])
        assert result.exit_code != 0, (position, result.output)


def test_verify_offline_changed_payload_fails_even_when_resealed(
    client: TestClient, session: Session
) -> None:
    issued, data = _issued_pdf(client, session)
    row = session.get(Certificate, issued["id"])
    assert row is not None
    facts = json.loads(row.payload)
    facts["facts"][0]["hours"] = "120"  # a forger edits the embedded payload...
    key_dir = get_cert_settings().key_dir
    forged_envelope = signing.envelope(facts, row.key_id, row.signature)
    forged = render_pdf(CertificateDocument(facts, row.key_id, forged_envelope))
    # ...and even seals the file with a valid key: the payload signature still fails.
    kid, private = keys.signing_key(key_dir)
    check = verify_bytes(signing.seal(forged, kid, private), key_dir)
    assert not check.ok and "payload signature" in check.reason
    assert verify_bytes(data, key_dir).ok


def test_verify_offline_after_key_rotation(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    issued, data = _issued_pdf(client, session)
    key_dir = get_cert_settings().key_dir
    old_kid = str(issued["key_id"])
    result = runner.invoke(app, ["cert", "rotate-key"])
    assert result.exit_code == 0, result.output
    assert keys.signing_key(key_dir)[0] != old_kid
    assert verify_bytes(data, key_dir).ok
    # Re-downloading the old certificate still gives the same bytes (sealed with its own key).
    row = session.get(Certificate, issued["id"])
    assert row is not None
    world_user = make_user(session, role=Role.city_admin)
    assert download(client, world_user.username, row.id or 0) == data


def test_verify_public_by_number_masks_name_no_contact(
    client: TestClient, session: Session
) -> None:
    issued, _ = _issued_pdf(client, session)
    response = client.get(
        "/api/public/certificates/verify", params={"number": issued["number"], "birth_year": 1984}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["valid"] and body["status"] == "valid" and body["signature_valid"]
    assert body["holder"] == "박*연"
    assert "박서연" not in response.text
    assert "01098765432" not in response.text and "example.org" not in response.text
    wrong = client.get(
        "/api/public/certificates/verify", params={"number": issued["number"], "birth_year": 1985}
    )
    assert wrong.status_code == 404


def test_verify_revoked_shows_revoked(client: TestClient, session: Session) -> None:
    issued, _ = _issued_pdf(client, session)
    admin = make_user(session, role=Role.city_admin)
    response = client.post(
        f"/api/certificates/{issued['id']}/revoke",
        headers=bearer(client, admin.username),
        json={"reason": "착오 발급"},
    )
    assert response.status_code == 200, response.text
    body = client.get(f"/api/public/certificates/verify/{issued['verification_id']}").json()
    assert body["status"] == "revoked" and body["valid"] is False
    assert body["status_reason"] == "착오 발급"


def test_verify_reissue_shows_superseded(client: TestClient, session: Session) -> None:
    """Scanning the superseded PDF's QR answers about that PDF ("superseded by N"), never with the
    successor as if it were the scanned document; the successor has its own token."""
    world = make_world(session)
    issued = issue(client, world.staff.username, "training", world.expert_person.id)
    response = client.post(
        f"/api/certificates/{issued['id']}/reissue", headers=bearer(client, world.staff.username)
    )
    assert response.status_code == 201, response.text
    new = response.json()
    assert new["verification_id"] != issued["verification_id"] and new["number"] != issued["number"]
    old = client.get(
        "/api/public/certificates/verify", params={"number": issued["number"], "birth_year": 1984}
    ).json()
    assert old["status"] == "superseded" and old["superseded_by_number"] == new["number"]
    assert old["valid"] is False
    scanned = client.get(f"/api/public/certificates/verify/{issued['verification_id']}").json()
    assert scanned["number"] == issued["number"] and scanned["valid"] is False
    assert scanned["status"] == "superseded" and scanned["superseded_by_number"] == new["number"]
    current = client.get(f"/api/public/certificates/verify/{new['verification_id']}").json()
    assert current["number"] == new["number"] and current["valid"] is True


def test_verify_rate_limited(client: TestClient, session: Session) -> None:
    limit = get_cert_settings().verify_per_minute
    codes = [
        client.get("/api/public/certificates/verify/no-such-token").status_code
        for _ in range(limit + 2)
    ]
    assert codes[:limit] == [404] * limit
    assert codes[limit:] == [429, 429]


def test_issue_other_district_staff_sees_only_own_facts(
    client: TestClient, session: Session
) -> None:
    world = make_world(session)
    # The person has a verified career in 중구 too, so 중구 staff see them, with 중구's facts only.
    other = make_user(session, district_code=DISTRICT_B)
    issued = issue(client, other.username, "career", world.expert_person.id)
    row = session.get(Certificate, issued["id"])
    assert row is not None
    facts = json.loads(row.payload)["facts"]
    assert [f["employer"] for f in facts] == ["중구 마을자치센터"]
    stranger = make_user(session, district_code="11170")
    response = client.post(
        "/api/certificates",
        headers=bearer(client, stranger.username),
        json={"kind": "career", "person_id": world.expert_person.id},
    )
    assert response.status_code == 404


def test_issue_expert_for_someone_else_not_found(client: TestClient, session: Session) -> None:
    world = make_world(session)
    other_expert_world = make_world(session)
    response = client.post(
        "/api/certificates",
        headers=bearer(client, world.expert.username),
        json={"kind": "career", "person_id": other_expert_world.expert_person.id},
    )
    assert response.status_code == 404
    listed = client.get("/api/certificates", headers=bearer(client, world.expert.username))
    assert listed.json() == []


def test_issue_analyst_forbidden_and_revoke_by_expert_forbidden(
    client: TestClient, session: Session
) -> None:
    world = make_world(session)
    analyst = make_user(session, role=Role.analyst)
    response = client.post(
        "/api/certificates",
        headers=bearer(client, analyst.username),
        json={"kind": "career", "person_id": world.expert_person.id},
    )
    assert response.status_code == 404
    issued = issue(client, world.expert.username, "career", world.expert_person.id)
    response = client.post(
        f"/api/certificates/{issued['id']}/revoke",
        headers=bearer(client, world.expert.username),
        json={"reason": "원함"},
    )
    assert response.status_code == 403


def test_cli_issue_writes_verifiable_pdf(session: Session, tmp_path: Path) -> None:
    from maeul_db.certificates import service

    world = make_world(session)
    row, data = service.issue(
        session, user=cli_operator(), kind=CertificateKind.career, person_id=world.expert_person.id
    )
    assert verify_bytes(data, get_cert_settings().key_dir).payload["number"] == row.number
    assert row.issued_by_user_id is None and row.district_code is None
