"""Correcting a group's and a project's details from their pages (the same service update as the
API's PATCH): saved, refused with the input kept, and never across districts."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.models import Group, Project
from tests.builders import DISTRICT_A, DISTRICT_B, DONG_A, make_group, make_project, make_user
from tests.web_login import csrf_token, log_in


def _login(client: TestClient, session: Session, district: str = DISTRICT_A) -> None:
    assert log_in(client, make_user(session, district_code=district).username).status_code == 303


def _post(client: TestClient, path: str, data: dict[str, Any]) -> httpx.Response:
    token = csrf_token(client.get("/").text)
    return client.post(path, data={**data, "csrf_token": token}, follow_redirects=False)


def test_edit_group_saves_the_corrected_name_and_dong(client: TestClient, session: Session) -> None:
    group = make_group(session, name="오타모임")
    _login(client, session)
    form = client.get(f"/groups/{group.id}/edit")
    assert form.status_code == 200 and 'value="오타모임"' in form.text
    saved = _post(client, f"/groups/{group.id}/edit", {"name": "바른모임", "dong_code": DONG_A})
    assert saved.status_code == 303
    session.expire_all()
    fixed = session.get(Group, group.id)
    assert fixed is not None and (fixed.name, fixed.dong_code) == ("바른모임", DONG_A)
    assert "모임 정보를 고쳤습니다" in client.get(saved.headers["location"]).text


def test_edit_project_refuses_a_negative_grant_and_keeps_input(
    client: TestClient, session: Session
) -> None:
    project = make_project(session, name="원래사업", grant_krw=1000)
    _login(client, session)
    refused = _post(client, f"/projects/{project.id}/edit", {"name": "새이름", "grant_krw": "-5"})
    assert refused.status_code == 422 and 'value="새이름"' in refused.text
    session.expire_all()
    unchanged = session.get(Project, project.id)
    assert unchanged is not None and (unchanged.name, unchanged.grant_krw) == ("원래사업", 1000)


def test_edit_project_saves_the_botame_id(client: TestClient, session: Session) -> None:
    project = make_project(session)
    _login(client, session)
    saved = _post(client, f"/projects/{project.id}/edit", {"botame_id": "B-2024-0001"})
    assert saved.status_code == 303
    session.expire_all()
    fixed = session.get(Project, project.id)
    assert fixed is not None and fixed.botame_id == "B-2024-0001"


def test_edit_group_of_another_district_is_not_found(client: TestClient, session: Session) -> None:
    group = make_group(session, name="남의모임")
    _login(client, session, district=DISTRICT_B)
    assert client.get(f"/groups/{group.id}/edit").status_code == 404
    assert _post(client, f"/groups/{group.id}/edit", {"name": "가로채기"}).status_code == 404
    session.expire_all()
    kept = session.get(Group, group.id)
    assert kept is not None and kept.name == "남의모임"
