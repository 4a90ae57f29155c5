"""The import wizard through its services and API (issue 10), on SQLite and PostgreSQL: a kept
upload is mapped, fixed and re-checked without uploading again; the mapping is saved per district
by header names and reused silently; the CLI reads the exported mapping."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook
from sqlmodel import Session, select

from maeul_db.errors import InvalidInput, NotFound
from maeul_db.imports import mappings, service, wizard
from maeul_db.imports.mappings import options_from_json
from maeul_db.imports.wizard_schemas import WizardChanges
from maeul_db.models import AccessLog, ImportMapping, ImportUpload, Person, Role
from tests.builders import DISTRICT_A, DISTRICT_B, bearer, make_user

# "참가 회원" is no spelling of any field, "비고" neither: the officer maps the first by hand.
HEADERS = ["번호", "사업연도", "자치구", "행정동", "사업명", "사업단계", "모임명", "참가 회원",
           "성별", "출생연도", "역할", "비고"]  # fmt: skip


def _rows() -> list[list[object]]:
    return [
        [1, 2024, "종로구", "사직동", "골목 사업", "모임형성", "골목모임", "박하나", "여", 1970,
         "대표", "메모"],
        [2, 2024, "종로구", "사직동", "골목 사업", "모임형성", "골목모임", "박두리", "남", 1871,
         "회원", ""],
        [3, 2024, "종로구", "사직동", "골목 사업", "모임형성", "골목모임", "박세찌", "중성", 1980,
         "회원님", ""],
        [4, 2024, "종로구", "없는동", "골목 사업", "모임형성", "골목모임", "박네찌", "여", 1981,
         "회원", ""],
    ]  # fmt: skip


def _xlsx() -> bytes:
    book = Workbook()
    book.active.title = "표지"
    book.active.append(["2024 참여자 명단 (표지)"])
    data = book.create_sheet("명단")
    data.append(["골목 사업 참여자"])
    data.append(HEADERS)
    for row in _rows():
        data.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_wizard_maps_fixes_and_imports_without_uploading_again(session: Session) -> None:
    staff = make_user(session)
    state = wizard.stage_upload(
        session, user=staff, content=_xlsx(), filename="명단.xlsx", district_code=None
    )
    # The second sheet, its second row; 이름 has no column yet.
    assert (state.sheet, state.header_row, state.step) == ("명단", 2, "columns")
    assert state.missing == ["성명"]
    assert state.columns[0].how == "serial" and state.columns[11].field is None
    upload_id = state.upload_id

    state = wizard.update_upload(
        session,
        user=staff,
        upload_id=upload_id,
        changes=WizardChanges(columns={"참가 회원": "name"}),
    )
    assert state.step == "preview" and state.report is not None
    assert state.columns[7].samples == ["박하나", "박두리", "박세찌"]
    unknown = {(v.field, v.value) for v in state.unknown_values}
    assert unknown == {("gender", "중성"), ("role", "회원님")}
    refused = {r.row: {c.index: c.error for c in r.cells if c.error} for r in state.rows}
    assert set(refused) == {4, 5, 6}
    assert set(refused[4]) == {9} and set(refused[6]) == {3}  # 출생연도, 행정동

    # Map the two values once, fix the birth year, leave out the row with the unknown dong.
    state = wizard.update_upload(
        session,
        user=staff,
        upload_id=upload_id,
        changes=WizardChanges(
            values={"gender": {"중성": "X"}, "role": {"회원님": "participant"}},
            edits={4: {9: "1971"}},
            excluded=[6],
        ),
    )
    assert state.report is not None
    assert (state.report.rows_read, state.report.rejected_rows) == (3, 0), state.rows
    assert state.excluded == [6]

    outcome = wizard.commit_upload(session, user=staff, upload_id=upload_id, partial=False)
    assert outcome.report.batch_id is not None and outcome.report.committed == 3
    people = dict(session.exec(select(Person.name, Person.birth_year)).all())
    assert people == {"박하나": 1970, "박두리": 1971, "박세찌": 1980}
    assert session.get(ImportUpload, upload_id) is None  # kept no longer than needed


def test_saved_mapping_is_reused_for_the_same_headers(session: Session) -> None:
    staff = make_user(session)
    first = wizard.stage_upload(
        session, user=staff, content=_xlsx(), filename="명단.xlsx", district_code=None
    )
    wizard.update_upload(
        session,
        user=staff,
        upload_id=first.upload_id,
        changes=WizardChanges(
            columns={"참가 회원": "name"}, values={"role": {"회원님": "participant"}}
        ),
    )
    saved = session.exec(select(ImportMapping)).one()
    assert saved.district_code == DISTRICT_A and "참가 회원" in saved.headers

    # The next file with the same headers goes straight to the preview, mapped as before.
    second = wizard.stage_upload(
        session, user=staff, content=_xlsx(), filename="명단2.xlsx", district_code=None
    )
    assert second.mapping_saved and second.step == "preview"
    assert ("role", "회원님") not in {(v.field, v.value) for v in second.unknown_values}
    # ...and so does the plain import (CLI, API), silently.
    report = service.run_import(
        session, content=_xlsx(), filename="명단.xlsx", district_code=DISTRICT_A, actor=None
    ).report
    assert {r.row for r in report.rejected} == {4, 5, 6}  # 1871, 중성, 없는동; 이름 read

    # Another district has no such mapping: the mapping is the district's.
    assert mappings.find(session, DISTRICT_B, HEADERS) is None
    assert mappings.find(session, DISTRICT_A, HEADERS) is not None


def test_uploads_are_the_district_s_own(session: Session) -> None:
    staff = make_user(session)
    state = wizard.stage_upload(
        session, user=staff, content=_xlsx(), filename="명단.xlsx", district_code=None
    )
    outsider = make_user(session, district_code=DISTRICT_B)
    with pytest.raises(NotFound):
        wizard.wizard_state(session, user=outsider, upload_id=state.upload_id)
    admin = make_user(session, role=Role.city_admin)
    assert wizard.wizard_state(session, user=admin, upload_id=state.upload_id).sheet == "명단"


def test_exported_mapping_reads_back_for_the_command_line(session: Session) -> None:
    staff = make_user(session)
    state = wizard.stage_upload(
        session, user=staff, content=_xlsx(), filename="명단.xlsx", district_code=None
    )
    wizard.update_upload(
        session,
        user=staff,
        upload_id=state.upload_id,
        changes=WizardChanges(
            columns={"참가 회원": "name"}, values={"role": {"회원님": "participant"}}
        ),
    )
    content, name = wizard.mapping_file(session, user=staff, upload_id=state.upload_id)
    data = json.loads(content)
    assert name.endswith(".json") and data["columns"]["참가 회원"] == "name"
    assert (data["sheet"], data["header_row"]) == ("명단", 2)
    options = options_from_json(content)
    assert options.sheet == "명단" and options.columns and options.columns["참가 회원"] == "name"


def test_api_wizard_round_trip(client: TestClient, session: Session, tmp_path: Path) -> None:
    staff = make_user(session)
    headers = bearer(client, staff.username)
    files = {"file": ("명단.xlsx", _xlsx(), "application/octet-stream")}
    started = client.post("/api/imports/uploads", headers=headers, files=files)
    assert started.status_code == 201, started.text
    upload_id = started.json()["upload_id"]
    assert started.json()["missing"] == ["성명"]
    changed = client.patch(
        f"/api/imports/uploads/{upload_id}",
        headers=headers,
        json={"columns": {"참가 회원": "name"}, "excluded": [4, 5, 6]},
    )
    assert changed.status_code == 200 and changed.json()["report"]["rejected_rows"] == 0
    bad = client.patch(
        f"/api/imports/uploads/{upload_id}",
        headers=headers,
        json={"columns": {"참가 회원": "nope"}},
    )
    assert bad.status_code == 422 and "nope" in bad.text
    committed = client.post(f"/api/imports/uploads/{upload_id}/commit", headers=headers)
    assert committed.status_code == 201 and committed.json()["committed"] == 1
    other = bearer(client, make_user(session, district_code=DISTRICT_B).username)
    assert client.get(f"/api/imports/uploads/{upload_id}", headers=other).status_code == 404


def test_sheet_and_header_row_are_changeable(session: Session) -> None:
    staff = make_user(session)
    state = wizard.stage_upload(
        session, user=staff, content=_xlsx(), filename="명단.xlsx", district_code=None
    )
    upload_id = state.upload_id

    def change(**kw: object) -> wizard.WizardPublic:
        return wizard.update_upload(
            session, user=staff, upload_id=upload_id, changes=WizardChanges(**kw)
        )

    # The title row as header: nothing matches, every required field is missing.
    state = change(sheet="명단", header_row=1)
    assert state.header_row == 1 and "사업연도" in state.missing
    state = change(sheet="명단", header_row=2, columns={"참가 회원": "name"})
    assert (state.header_row, state.step) == (2, "preview")
    # The cover sheet holds no header row; its first filled row is read and found wanting.
    state = change(sheet="표지", header_row=2)
    assert state.sheet == "표지" and state.header_row == 1 and state.step == "columns"
    with pytest.raises(InvalidInput):
        change(sheet="없는 시트")


def test_showing_an_upload_is_logged_as_a_preview_of_outside_people(session: Session) -> None:
    """The wizard shows names and phones of people perhaps not registered: one access-log row."""
    staff = make_user(session)
    state = wizard.stage_upload(
        session, user=staff, content=_xlsx(), filename="명단.xlsx", district_code=None
    )
    rows = session.exec(select(AccessLog).where(AccessLog.action == "import.preview")).all()
    assert [(r.actor_username, r.purpose) for r in rows] == [
        (staff.username, f"import upload {state.upload_id}")
    ]
