"""Korean pages: the expert's record with certificate downloads; public verification."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.builders import make_user
from tests.certificates.helpers import issue, make_world
from tests.web_login import csrf_token, log_in


def _web_login(client: TestClient, username: str) -> None:
    assert log_in(client, username).status_code == 303


def test_my_record_lists_training_careers_and_issues_pdf(
    client: TestClient, session: Session
) -> None:
    world = make_world(session)
    _web_login(client, world.expert.username)
    page = client.get("/me/record")
    assert page.status_code == 200
    assert "자격 있음" in page.text and "본인 신고" in page.text
    response = client.post(
        "/me/certificates", data={"kind": "career", "csrf_token": csrf_token(page.text)}
    )
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response.headers["content-disposition"]


def test_my_record_staff_forbidden(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    _web_login(client, staff.username)
    assert client.get("/me/record").status_code == 403


def test_my_record_anonymous_redirects_to_login(client: TestClient) -> None:
    response = client.get("/me/record", follow_redirects=False)
    assert response.status_code == 303 and "/login" in response.headers["location"]


def test_verify_page_anonymous_shows_masked_result(client: TestClient, session: Session) -> None:
    world = make_world(session)
    issued = issue(client, world.expert.username, "training", world.expert_person.id)
    page = client.get("/verify", params={"number": issued["number"], "birth_year": 1984})
    assert page.status_code == 200
    assert "유효한 증명서입니다" in page.text and "박*연" in page.text
    assert "박서연" not in page.text and "010" not in page.text
    by_token = client.get(f"/verify/{issued['verification_id']}")
    assert "유효한 증명서입니다" in by_token.text
    assert "일치하는 증명서가 없습니다" in client.get("/verify/nope").text
