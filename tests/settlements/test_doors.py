"""The pages and the API over the same services: a refused file is a clear Korean error with
nothing stored; the project API and page show the 보탬e link and the paperwork's state."""

from __future__ import annotations

import base64
import io

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import func
from sqlmodel import Session, select

from maeul_db.models import SettlementExpense, StoredAttachment
from tests.builders import bearer
from tests.settlements.conftest import Desk
from tests.settlements.helpers import EXE, PDF
from tests.web_login import csrf_token, log_in

EXPENSE = {
    "spent_on": "2019-06-03",
    "payee": "동네문구",
    "line": "materials",
    "amount_krw": "45000",
    "evidence": "card",
}


def _json(data: bytes) -> dict[str, object]:
    file = {"filename": "영수증.pdf", "content_base64": base64.b64encode(data).decode()}
    return {**EXPENSE, "amount_krw": 45_000, "file": file}


def _stored(session: Session) -> tuple[int, int]:
    files = session.exec(select(func.count()).select_from(StoredAttachment)).one()
    rows = session.exec(select(func.count()).select_from(SettlementExpense)).one()
    return int(files), int(rows)


def test_api_refuses_an_executable_receipt_and_stores_nothing(
    client: TestClient, session: Session, desk: Desk
) -> None:
    headers = bearer(client, desk.staff.username)
    url = f"/api/projects/{desk.pid}/settlement/expenses"
    refused = client.post(url, headers=headers, json=_json(EXE))
    assert refused.status_code == 422
    assert "PDF, JPEG, PNG 파일만" in refused.text
    assert _stored(session) == (0, 0)
    made = client.post(url, headers=headers, json=_json(PDF))
    assert made.status_code == 201, made.text
    assert _stored(session) == (1, 1)
    body = client.get(f"/api/projects/{desk.pid}/settlement", headers=headers).json()
    assert body["spent_krw"] == 45_000 and body["to_return_krw"] == 3_000_000 - 45_000
    assert len(body["expenses"][0]["attachment_sha256"]) == 64


def test_project_api_returns_and_edits_the_botame_link(client: TestClient, desk: Desk) -> None:
    headers = bearer(client, desk.staff.username)
    changed = client.patch(
        f"/api/projects/{desk.pid}",
        headers=headers,
        json={"botame_id": "B-77", "botame_status": "executing"},
    )
    assert changed.status_code == 200
    body = client.get(f"/api/projects/{desk.pid}", headers=headers).json()
    assert (body["botame_id"], body["botame_status"]) == ("B-77", "executing")


def test_page_refuses_a_bad_file_in_korean_and_the_project_page_shows_the_state(
    client: TestClient, session: Session, desk: Desk
) -> None:
    assert log_in(client, desk.staff.username).status_code == 303
    page = client.get(f"/projects/{desk.pid}/settlement")
    assert page.status_code == 200 and "집행 내역 추가" in page.text
    token = csrf_token(page.text)
    refused = client.post(
        f"/projects/{desk.pid}/settlement/expenses",
        data={**EXPENSE, "csrf_token": token},
        files={"file": ("run.exe", EXE, "application/octet-stream")},
    )
    assert refused.status_code == 422
    assert "받을 수 없는 형식" in refused.text
    assert _stored(session) == (0, 0)
    saved = client.post(
        f"/projects/{desk.pid}/settlement/expenses",
        data={**EXPENSE, "csrf_token": token},
        files={"file": ("receipt.pdf", PDF, "application/pdf")},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    submitted = client.post(
        f"/projects/{desk.pid}/settlement/state",
        data={"action": "submit", "csrf_token": token},
        follow_redirects=False,
    )
    assert submitted.status_code == 303
    project = client.get(f"/projects/{desk.pid}").text
    assert "결과보고·정산" in project and "제출" in project
    assert "반납할 금액 2,955,000원" in project


def test_overview_page_and_xlsx_list_each_project(
    client: TestClient, session: Session, desk: Desk
) -> None:
    from maeul_db.settlements import service as settlement_service
    from maeul_db.settlements.schemas import ExpenseCreate

    settlement_service.add_expense(
        session,
        user=desk.staff,
        project_id=desk.pid,
        data=ExpenseCreate.model_validate({**EXPENSE, "amount_krw": 45_000}),
    )
    assert log_in(client, desk.staff.username).status_code == 303
    page = client.get("/settlements", params={"year": 2019})
    assert page.status_code == 200
    assert "골목정원 가꾸기" in page.text and "2,955,000원" in page.text
    book = client.get("/settlements.xlsx", params={"year": 2019})
    assert book.status_code == 200
    rows = list(load_workbook(io.BytesIO(book.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "사업명"
    # 2019, grant 3,000,000, report due 2020-02-29, 45,000 spent, 2,955,000 back.
    assert rows[1] == (
        "골목정원 가꾸기",
        2019,
        3_000_000,
        "작성 중",
        "2020-02-29",
        "작성 중",
        45_000,
        2_955_000,
        None,  # no 보탬e id: an empty cell
    )
