"""Import rules live in the imports service: the target district, and an access-log row for the
rejected-rows download (names and phones of people who may not be in the register)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.imports import service
from maeul_db.models import AccessLog, Role
from tests.builders import DISTRICT_A, DISTRICT_B, bearer, make_user
from tests.imports.roster import COL, csv_bytes, roster_rows
from tests.web_login import user_for


def test_target_district_is_decided_by_the_service(session: Session) -> None:
    staff = make_user(session, district_code=DISTRICT_A)
    admin = make_user(session, role=Role.city_admin)
    assert service.target_district(staff, None) == DISTRICT_A
    assert service.target_district(staff, DISTRICT_A) == DISTRICT_A
    with pytest.raises(Forbidden):
        service.target_district(staff, DISTRICT_B)
    assert service.target_district(admin, DISTRICT_B) == DISTRICT_B
    with pytest.raises(InvalidInput):
        service.target_district(admin, None)
    for role in (Role.analyst, Role.expert):
        with pytest.raises(Forbidden):
            service.target_district(user_for(session, role), DISTRICT_A)


def test_rejected_rows_download_writes_an_access_log_row(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session)
    headers = bearer(client, staff.username)
    rows = roster_rows(5)
    rows[2][COL["role"]] = "구경꾼"
    files = {"file": ("명단.csv", csv_bytes(rows), "text/csv")}
    created = client.post("/api/imports", headers=headers, files=files, data={"partial": "true"})
    assert created.status_code == 201, created.text
    batch_id = created.json()["batch_id"]

    before = session.exec(select(AccessLog.id).order_by(col(AccessLog.id).desc())).first() or 0
    download = client.get(f"/api/imports/batches/{batch_id}/rejected", headers=headers)
    assert download.status_code == 200
    new = list(session.exec(select(AccessLog).where(col(AccessLog.id) > before)))
    assert [(r.action, r.actor_username) for r in new] == [("import.rejected_rows", staff.username)]
    assert new[0].purpose == f"import batch {batch_id}"
