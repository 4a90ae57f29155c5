"""Renaming an imported group or project onto another imported one's natural key is refused as a
409 by the service, never a 500 from the unique index at commit; the row keeps its name."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.models import Group, ImportBatch, Project
from tests.builders import DISTRICT_A, bearer, make_group, make_project, make_user


def _batch(session: Session) -> int:
    batch = ImportBatch(district_code=DISTRICT_A, filename="roster.csv", file_sha256="1" * 64)
    session.add(batch)
    session.flush()
    assert batch.id is not None
    return batch.id


def test_renaming_an_imported_group_onto_another_is_a_conflict(
    client: TestClient, session: Session
) -> None:
    batch_id = _batch(session)
    make_group(session, name="햇살모임", import_batch_id=batch_id)
    other = make_group(session, name="달빛모임", import_batch_id=batch_id)
    staff = make_user(session)
    response = client.patch(
        f"/api/groups/{other.id}", json={"name": "햇살모임"}, headers=bearer(client, staff.username)
    )
    assert response.status_code == 409, response.text
    assert response.json()["code"] == "group.duplicate"
    session.expire_all()
    renamed = session.get(Group, other.id)
    assert renamed is not None and renamed.name == "달빛모임"


def test_renaming_an_imported_project_onto_another_is_a_conflict(
    client: TestClient, session: Session
) -> None:
    batch_id = _batch(session)
    make_project(session, name="마을잔치", year=2020, import_batch_id=batch_id)
    other = make_project(session, name="골목축제", year=2020, import_batch_id=batch_id)
    staff = make_user(session)
    response = client.patch(
        f"/api/projects/{other.id}",
        json={"name": "마을잔치"},
        headers=bearer(client, staff.username),
    )
    assert response.status_code == 409, response.text
    assert response.json()["code"] == "project.duplicate"
    session.expire_all()
    renamed = session.get(Project, other.id)
    assert renamed is not None and renamed.name == "골목축제"


def test_rename_hand_made_group_onto_an_imported_name_is_a_conflict(
    client: TestClient, session: Session
) -> None:
    make_group(session, name="햇살모임", import_batch_id=_batch(session))
    hand_made = make_group(session, name="달빛모임")
    staff = make_user(session)
    response = client.patch(
        f"/api/groups/{hand_made.id}",
        json={"name": "햇살모임"},
        headers=bearer(client, staff.username),
    )
    # Since i14-facts a group is one per name in its district, however it was entered.
    assert response.status_code == 409, response.text
    assert response.json()["code"] == "group.duplicate"
