"""The imports API: preview, commit (strict and partial), batches, undo, files; scoped per district."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.builders import DISTRICT_B, bearer, make_user
from tests.imports.roster import COL, csv_bytes, roster_rows

CSV = "text/csv"


def test_api_preview_then_commit_then_undo(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    headers = bearer(client, staff.username)
    rows = roster_rows(30)
    rows[3][COL["role"]] = "구경꾼"
    files = {"file": ("명단.csv", csv_bytes(rows, encoding="cp949"), CSV)}

    preview = client.post("/api/imports/preview", headers=headers, files=files)
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert body["dry_run"] and body["committed"] == 0
    assert body["rejected"][0] | {"errors": None} == {
        "row": 5,
        "column": "역할",
        "code": "unknown_role",
        "errors": None,
        "reason": body["rejected"][0]["reason"],
    }

    strict = client.post("/api/imports", headers=headers, files=files)
    assert strict.status_code == 422 and strict.json()["batch_id"] is None

    partial = client.post("/api/imports", headers=headers, files=files, data={"partial": "true"})
    assert partial.status_code == 201, partial.text
    batch_id = partial.json()["batch_id"]
    assert partial.json()["committed"] == 29

    listed = client.get("/api/imports/batches", headers=headers).json()
    assert listed["data"][0]["id"] == batch_id and listed["data"][0]["has_rejected_file"]
    rejected = client.get(f"/api/imports/batches/{batch_id}/rejected", headers=headers)
    assert rejected.status_code == 200 and "구경꾼" in rejected.content.decode("utf-8-sig")

    other = bearer(client, make_user(session, district_code=DISTRICT_B).username)
    assert client.get(f"/api/imports/batches/{batch_id}", headers=other).status_code == 404
    assert client.post(f"/api/imports/batches/{batch_id}/undo", headers=other).status_code == 404
    assert client.get("/api/imports/batches", headers=other).json()["count"] == 0

    undone = client.post(f"/api/imports/batches/{batch_id}/undo", headers=headers)
    assert undone.status_code == 200 and undone.json()["removed"]["participation"] == 29
    assert client.post(f"/api/imports/batches/{batch_id}/undo", headers=headers).status_code == 409


def test_api_template_is_an_xlsx_with_korean_headers(client: TestClient, session: Session) -> None:
    import io

    from openpyxl import load_workbook

    headers = bearer(client, make_user(session).username)
    response = client.get("/api/imports/template.xlsx", headers=headers)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    first = [c.value for c in sheet[1]]
    assert first[:3] == ["사업연도", "자치구", "행정동"] and "참여종료일" in first
    # The template's example row imports cleanly (as a dry run).
    preview = client.post(
        "/api/imports/preview",
        headers=headers,
        files={"file": ("template.xlsx", response.content, "application/x")},
    )
    assert preview.json()["committed"] == 1, preview.text


def test_api_city_admin_names_the_district_analyst_refused(
    client: TestClient, session: Session
) -> None:
    admin = bearer(client, make_user(session, role="city_admin").username)  # type: ignore[arg-type]
    files = {"file": ("a.csv", csv_bytes(roster_rows(2)), CSV)}
    missing = client.post("/api/imports/preview", headers=admin, files=files)
    assert missing.status_code == 422 and missing.json()["field"] == "district_code"
    ok = client.post(
        "/api/imports/preview", headers=admin, files=files, data={"district_code": "11110"}
    )
    assert ok.status_code == 200 and ok.json()["committed"] == 2
    analyst = bearer(client, make_user(session, role="analyst").username)  # type: ignore[arg-type]
    refused = client.post(
        "/api/imports/preview", headers=analyst, files=files, data={"district_code": "11110"}
    )
    assert refused.status_code == 403
