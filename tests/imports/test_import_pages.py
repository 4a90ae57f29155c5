"""The upload page and the review-queue page through the test client (CSRF-protected forms)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.builders import make_user
from tests.imports.roster import COL, csv_bytes, roster_rows
from tests.web_login import csrf_token, log_in


def _login(client: TestClient, username: str) -> str:
    assert log_in(client, username).status_code == 303
    form = client.get("/imports")
    assert form.status_code == 200, form.text
    return csrf_token(form.text)


def test_upload_page_preview_errors_then_commit_and_undo(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session)
    token = _login(client, staff.username)
    rows = roster_rows(12)
    rows[1][COL["start_date"]] = "2024-02-30"
    upload = {"file": ("명단.csv", csv_bytes(rows, encoding="cp949"), "text/csv")}

    refused = client.post("/imports", files=upload, data={"action": "commit"})
    assert refused.status_code == 403  # no CSRF token

    preview = client.post("/imports", files=upload, data={"action": "preview", "csrf_token": token})
    assert preview.status_code == 200
    assert 'data-row="3"' in preview.text and "없는 날짜" in preview.text
    assert 'download="명단_오류.csv"' in preview.text

    strict = client.post("/imports", files=upload, data={"action": "commit", "csrf_token": token})
    assert strict.status_code == 422 and "아무것도 저장하지 않았습니다" in strict.text

    good = {"file": ("명단.csv", csv_bytes(roster_rows(12)), "text/csv")}
    done = client.post("/imports", files=good, data={"action": "commit", "csrf_token": token})
    assert done.status_code == 200 and "가져오기 완료" in done.text
    batch = re.search(r'data-batch="(\d+)"', done.text)
    assert batch
    undone = client.post(
        f"/imports/batches/{batch[1]}/undo", data={"csrf_token": token}, follow_redirects=True
    )
    assert undone.status_code == 200 and "취소했습니다" in undone.text and "취소됨" in undone.text


def test_review_queue_page_lists_own_district_only(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    token = _login(client, staff.username)
    rows = roster_rows(2)
    rows[1][COL["name"]], rows[1][COL["birth_year"]] = (
        rows[0][COL["name"]],
        rows[0][COL["birth_year"]],
    )
    rows[0][COL["phone"]] = rows[1][COL["phone"]] = ""
    rows[1][COL["project"]] = "다른사업"
    client.post(
        "/imports",
        files={"file": ("a.csv", csv_bytes(rows), "text/csv")},
        data={"action": "commit", "csrf_token": token},
    )
    queue = client.get("/identity/candidates")
    assert queue.status_code == 200 and "총 1건" in queue.text
    candidate = re.search(r'data-candidate="(\d+)"', queue.text)
    assert candidate
    merged = client.post(
        f"/identity/candidates/{candidate[1]}/merge",
        data={"csrf_token": token},
        follow_redirects=True,
    )
    assert merged.status_code == 200 and "총 0건" in merged.text
    assert "병합 취소" in client.get("/identity/candidates?status=merged").text
