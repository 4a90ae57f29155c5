"""The paperwork pages end to end over HTTP: a representative applies, is returned for changes
and resubmits; staff check eligibility, score and select; the lists download as real xlsx files;
the API answers the same."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlmodel import Session

from maeul_db.models import Application, Participation, Project
from tests.builders import DONG_A, PASSWORD, bearer, make_group, make_user
from tests.paperwork.helpers import make_call, make_rep
from tests.web_login import csrf_token, log_in


def _form(group_id: int, n_people: int = 3) -> dict[str, str]:
    names = ["김대표", "이공동", "박참여", "최참여"][:n_people]
    roles = ["lead_proposer", "co_proposer", "participant", "participant"]
    form = {
        "group_id": str(group_id),
        "title": "우리 동네 밥상",
        "summary": "함께 밥을 짓습니다",
        "self_cash_krw": "100000",
    }
    for n, name in enumerate(names, 1):
        form |= {
            f"name_{n}": name,
            f"birth_year_{n}": str(1970 + n),
            f"gender_{n}": "F",
            f"home_dong_code_{n}": DONG_A,
            f"role_{n}": roles[n - 1],
        }
    return form | {"line_operating": "500000", "line_materials": "300000"}


def _post(client: TestClient, url: str, data: dict[str, str]) -> object:
    page = client.get(
        url if not url.endswith(("/status", "/eligibility", "/scores")) else url.rsplit("/", 1)[0]
    )
    return client.post(
        url, data=data | {"csrf_token": csrf_token(page.text)}, follow_redirects=False
    )


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "application.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def test_a_representative_applies_is_returned_and_resubmits(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    staff = make_user(session)
    group = make_group(session, dong_code=DONG_A)
    rep = make_rep(session, group)
    call = make_call(session, staff)
    assert log_in(client, rep.username).status_code == 303
    home = client.get("/")
    assert "/paperwork/calls" in home.text and "/paperwork/applications" in home.text
    refused = _post(
        client, f"/paperwork/calls/{call.id}/apply", _form(group.id) | {"line_materials": "999999"}
    )
    assert refused.status_code == 422 and "항목 한도 400,000원을 넘습니다" in refused.text, (
        re.findall(r"(?s)form-errors.{0,400}", refused.text)
    )  # type: ignore[attr-defined]
    sent = _post(client, f"/paperwork/calls/{call.id}/apply", _form(group.id))
    assert sent.status_code == 303  # type: ignore[attr-defined]
    app_id = int(re.search(r"/applications/(\d+)", sent.headers["location"]).group(1))  # type: ignore[attr-defined,union-attr]
    assert "제출" in client.get(f"/paperwork/applications/{app_id}").text

    staff_client = TestClient(client.app)
    assert log_in(staff_client, staff.username).status_code == 303
    returned = _post(
        staff_client,
        f"/paperwork/applications/{app_id}/status",
        {"to": "returned", "reason": "참여자 보완"},
    )
    assert returned.status_code == 303  # type: ignore[attr-defined]

    # The representative sees the request, edits and resubmits; selecting is not offered to them.
    page = client.get(f"/paperwork/applications/{app_id}")
    assert (
        "보완 요청" in page.text
        and "참여자 보완" in page.text
        and 'value="selected"' not in page.text
    )
    again = _post(client, f"/paperwork/applications/{app_id}/edit", _form(group.id, 4))
    assert again.status_code == 303  # type: ignore[attr-defined]
    forged = _post(
        client, f"/paperwork/applications/{app_id}/status", {"to": "selected", "reason": "우리"}
    )
    assert forged.status_code == 422 or forged.status_code == 403  # type: ignore[attr-defined]

    assert (
        _post(staff_client, f"/paperwork/applications/{app_id}/eligibility", {}).status_code == 303
    )  # type: ignore[attr-defined]
    checked = staff_client.get(f"/paperwork/applications/{app_id}").text
    assert "자격 충족" in checked and "자치구 주민 4명이 참여합니다(기준 3명 이상)" in checked
    scored = _post(
        staff_client,
        f"/paperwork/applications/{app_id}/scores",
        {"points_plan": "35", "points_people": "25", "points_budget": "20"},
    )
    assert scored.status_code == 303  # type: ignore[attr-defined]
    assert "평균 80.0점" in staff_client.get(f"/paperwork/applications/{app_id}").text
    chosen = _post(
        staff_client,
        f"/paperwork/applications/{app_id}/status",
        {"to": "selected", "reason": "계획이 좋음"},
    )
    assert chosen.status_code == 303  # type: ignore[attr-defined]

    session.expire_all()
    application = session.get(Application, app_id)
    assert application is not None and application.status == "selected" and application.project_id
    project = session.get(Project, application.project_id)
    assert project is not None and project.group_id == group.id
    from sqlmodel import select

    rows = session.exec(select(Participation).where(Participation.project_id == project.id)).all()
    assert len(rows) == 4 == len({r.person_id for r in rows})

    # The lists as real xlsx files, in each user's scope.
    for who in (client, staff_client):
        book = load_workbook(io.BytesIO(who.get("/paperwork/applications.xlsx").content))
        values = [[c.value for c in row] for row in book.active.iter_rows()]
        assert values[0][:5] == ["번호", "공모", "모임", "사업명", "상태"]
        assert [app_id, call.title, group.name, "우리 동네 밥상", "선정"] in [
            v[:5] for v in values[1:]
        ]
    calls_book = load_workbook(io.BytesIO(client.get("/paperwork/calls.xlsx").content))
    assert any(row[1].value == call.title for row in calls_book.active.iter_rows(min_row=2))

    # The application as a PDF, read back with pdftotext, for the representative and staff.
    for who in (client, staff_client):
        pdf = who.get(f"/paperwork/applications/{app_id}/application.pdf")
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        text = _pdf_text(pdf.content, tmp_path)
        for words in (
            "마을공동체 지원사업 신청서",
            "우리 동네 밥상",
            group.name,
            "김대표 1971 대표제안자",
            "최참여 1974 참여자",
            "합계 800,000원",
            "보완 요청 · 참여자 보완".replace(" · ", " "),
            "계획이 좋음",
        ):
            assert words in text, (words, text)


def test_the_api_scopes_a_representative(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    mine, other = make_group(session), make_group(session)
    rep = make_rep(session, mine)
    call = make_call(session, staff)
    headers = bearer(client, rep.username, PASSWORD)
    body = {
        "call_id": call.id,
        "group_id": mine.id,
        "title": "API 신청",
        "self_cash_krw": 100000,
        "people": [
            {
                "name": "가",
                "birth_year": 1980,
                "gender": "F",
                "home_dong_code": DONG_A,
                "role": "lead_proposer",
            }
        ],
        "budget": [{"line": "operating", "amount_krw": 500000}],
    }
    created = client.post("/api/paperwork/applications", json=body, headers=headers)
    assert created.status_code == 201, created.text
    assert (
        client.post(
            "/api/paperwork/applications", json=body | {"group_id": other.id}, headers=headers
        ).status_code
        == 404
    )
    listed = client.get("/api/paperwork/applications", headers=headers).json()
    assert [a["id"] for a in listed["data"]] == [created.json()["id"]]
    selected = client.post(
        f"/api/paperwork/applications/{created.json()['id']}/status",
        json={"to": "returned", "reason": "내가"},
        headers=headers,
    )
    assert selected.status_code == 403
