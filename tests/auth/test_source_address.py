"""Issue 9, item 4: X-Forwarded-For counts only when the peer is a configured trusted proxy, for
the access log's source address and for the public verification rate limit alike."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection
from sqlmodel import Session, col, select

from maeul_db.certificates import verification
from maeul_db.certificates.settings import get_cert_settings
from maeul_db.config import get_settings
from maeul_db.core.context import parse_networks, source_address
from maeul_db.models import AccessLog, Role
from tests.builders import DISTRICT_A, bearer, make_person, make_user
from tests.conftest import savepoint_session

PEER = "10.0.0.9"


@contextmanager
def _client_from(connection: Connection, session: Session, peer: str) -> Iterator[TestClient]:
    """The suite's app (see conftest's ``client``), reached from ``peer`` instead of "testclient"."""
    from maeul_db.app import create_app

    def request_session() -> Session:
        session.flush()
        session.expire_all()
        return savepoint_session(connection)

    with TestClient(create_app(session_factory=request_session), client=(peer, 50000)) as c:
        yield c


def _last_source(session: Session, client: TestClient, person_id: int, username: str) -> str | None:
    headers = {**bearer(client, username), "X-Forwarded-For": "203.0.113.7"}
    assert client.get(f"/api/people/{person_id}", headers=headers).status_code == 200
    session.expire_all()
    row = session.exec(select(AccessLog).order_by(col(AccessLog.id).desc())).first()
    assert row is not None
    return row.source_address


def test_forwarded_for_from_an_untrusted_peer_is_ignored_in_the_log(
    connection: Connection, session: Session
) -> None:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    person = make_person(session)
    with _client_from(connection, session, PEER) as client:
        assert _last_source(session, client, person.id, staff.username) == PEER  # type: ignore[arg-type]


def test_forwarded_for_from_a_trusted_proxy_is_believed(
    connection: Connection, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "trusted_proxies", "10.0.0.0/24")
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    person = make_person(session)
    with _client_from(connection, session, PEER) as client:
        source = _last_source(session, client, person.id, staff.username)  # type: ignore[arg-type]
    assert source == "203.0.113.7"


def test_spoofed_forwarded_for_does_not_reset_the_verification_limit(
    connection: Connection, session: Session
) -> None:
    get_cert_settings.cache_clear()
    verification.verify_limiter.reset()
    limit = get_cert_settings().verify_per_minute
    try:
        with _client_from(connection, session, PEER) as client:
            codes = [
                client.get(
                    "/api/public/certificates/verify/no-such-token",
                    headers={"X-Forwarded-For": f"198.51.100.{i}"},
                ).status_code
                for i in range(limit + 2)
            ]
    finally:
        verification.verify_limiter.reset()
    assert codes[:limit] == [404] * limit and codes[limit:] == [429, 429]


def test_only_hops_added_by_trusted_proxies_count() -> None:
    proxies = parse_networks("10.0.0.0/24, 192.0.2.1")
    # The client wrote "1.1.1.1" itself; the trusted proxy appended the address it saw.
    assert source_address(PEER, "1.1.1.1, 203.0.113.7", proxies) == "203.0.113.7"
    assert source_address(PEER, "203.0.113.7, 192.0.2.1", proxies) == "203.0.113.7"
    assert source_address("198.51.100.1", "1.1.1.1", proxies) == "198.51.100.1"
    assert source_address(PEER, "1.1.1.1", ()) == PEER
    assert source_address("testclient", "1.1.1.1", proxies) == "testclient"
