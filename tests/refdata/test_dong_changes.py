"""Recording a dong split, merge or rename (city admin): the preview says what changes and writes
nothing; applying closes and opens dongs, links them, audits, and leaves every old record on its
old dong. Both databases (the ``session`` fixture), the page and the command."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, func, select
from typer.testing import CliRunner

from maeul_db import migrate
from maeul_db.cli import app
from maeul_db.config import get_settings
from maeul_db.db import get_engine
from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.models import (
    AuditLog,
    Dong,
    DongChangeKind,
    DongSuccession,
    Person,
    Project,
    Role,
)
from maeul_db.refdata import dong_changes, service
from maeul_db.refdata.dong_changes import DongChange
from maeul_db.refdata.service import NewDong
from tests.builders import make_person, make_placement, make_project, make_user
from tests.conftest import BACKENDS, database_url, drop_database
from tests.web_login import csrf_token, log_in

YONGSIN = "1123053600"  # 동대문구 용신동; split on 2025-07-01 (new codes illustrative)
SINSEOL, YONGDU = "1123053700", "1123053800"
SPLIT = DongChange(
    DongChangeKind.split_into,
    date(2025, 7, 1),
    (YONGSIN,),
    (NewDong(SINSEOL, "신설동"), NewDong(YONGDU, "용두동")),
)


def _successions(session: Session) -> int:
    return session.exec(select(func.count()).select_from(DongSuccession)).one()


def test_preview_dong_split_counts_records_and_writes_nothing(session: Session) -> None:
    admin = make_user(session, role=Role.city_admin, district_code=None)
    make_project(session, district_code="11230", dong_code=YONGSIN, year=2024)
    make_person(session, registered_district_code="11230", home_dong_code=YONGSIN)
    running = make_person(session, registered_district_code="11230")
    make_placement(
        session,
        person=running,
        district_code="11230",
        dong_code=YONGSIN,
        valid_from=date(2024, 1, 1),
    )
    before = _successions(session)
    preview = dong_changes.preview(session, user=admin, change=SPLIT)
    [old] = preview.old
    assert old.dong.code == YONGSIN and not old.continues
    assert old.records["projects"] == 1 and old.records["people"] == 1
    assert old.records["placements"] == 1 and old.running_placements == 1
    assert [n.code for n in preview.new] == [SINSEOL, YONGDU]
    session.expire_all()
    assert session.get(Dong, SINSEOL) is None
    assert session.get(Dong, YONGSIN).valid_to is None  # type: ignore[union-attr]
    assert _successions(session) == before


def test_apply_dong_split_old_records_keep_their_dong(session: Session) -> None:
    admin = make_user(session, role=Role.city_admin, district_code=None)
    project = make_project(session, district_code="11230", dong_code=YONGSIN, year=2024)
    person = make_person(session, registered_district_code="11230", home_dong_code=YONGSIN)
    dong_changes.apply(session, user=admin, change=SPLIT)
    session.expire_all()
    assert session.get(Project, project.id).dong_code == YONGSIN  # type: ignore[union-attr]
    assert session.get(Person, person.id).home_dong_code == YONGSIN  # type: ignore[union-attr]
    assert session.get(Dong, YONGSIN).valid_to == date(2025, 7, 1)  # type: ignore[union-attr]
    assert session.get(Dong, SINSEOL).valid_from == date(2025, 7, 1)  # type: ignore[union-attr]
    assert service.current_successors(session, YONGSIN) == [SINSEOL, YONGDU]
    assert service.dong_on(session, YONGSIN, date(2025, 6, 30)).name_ko == "용신동"
    with pytest.raises(InvalidInput):
        service.dong_on(session, YONGSIN, date(2025, 7, 1))
    audit = session.exec(
        select(AuditLog).where(AuditLog.entity == "dong").order_by(col(AuditLog.id).desc())
    ).first()
    assert audit is not None and audit.action == "dong_split" and audit.entity_id == YONGSIN


def test_apply_dong_merge_into_surviving_code(session: Session) -> None:
    admin = make_user(session, role=Role.city_admin, district_code=None)
    a, b = "1111051500", "1111053000"  # two 종로구 dongs; a keeps its code
    change = DongChange(DongChangeKind.merge, date(2026, 1, 1), (a, b), (NewDong(a, ""),))
    preview = dong_changes.apply(session, user=admin, change=change)
    assert {o.dong.code: o.continues for o in preview.old} == {a: True, b: False}
    session.expire_all()
    assert session.get(Dong, a).valid_to is None  # type: ignore[union-attr]
    assert session.get(Dong, b).valid_to == date(2026, 1, 1)  # type: ignore[union-attr]
    assert service.current_successors(session, b) == [a]
    assert session.get(DongSuccession, (a, a)) is None


def test_apply_dong_rename_opens_new_code(session: Session) -> None:
    admin = make_user(session, role=Role.city_admin, district_code=None)
    change = DongChange(
        DongChangeKind.rename,
        date(2026, 3, 1),
        ("1111051500",),
        (NewDong("1111051599", "새이름동"),),
    )
    dong_changes.apply(session, user=admin, change=change)
    assert service.current_successors(session, "1111051500") == ["1111051599"]


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (
            DongChange(
                DongChangeKind.split_into,
                date(2025, 7, 1),
                (YONGSIN,),
                (NewDong(SINSEOL, "신설동"),),
            ),
            InvalidInput,
        ),
        (
            DongChange(
                DongChangeKind.merge, date(2025, 7, 1), (YONGSIN,), (NewDong(SINSEOL, "신설동"),)
            ),
            InvalidInput,
        ),
        (
            DongChange(
                DongChangeKind.rename, date(2025, 7, 1), (YONGSIN,), (NewDong("12AB", "x"),)
            ),
            InvalidInput,
        ),
        (
            DongChange(
                DongChangeKind.rename, date(2025, 7, 1), (YONGSIN,), (NewDong("1111051500", "x"),)
            ),
            InvalidInput,
        ),
        (
            DongChange(
                DongChangeKind.rename, date(2025, 7, 1), (YONGSIN,), (NewDong(SINSEOL, " "),)
            ),
            InvalidInput,
        ),
        (
            DongChange(
                DongChangeKind.rename, date(2025, 7, 1), ("9999999999",), (NewDong(SINSEOL, "x"),)
            ),
            NotFound,
        ),
        # an ended dong cannot change again; two districts cannot merge
        (
            DongChange(
                DongChangeKind.rename, date(2025, 7, 1), ("1168074000",), (NewDong(SINSEOL, "x"),)
            ),
            InvalidInput,
        ),
        (
            DongChange(
                DongChangeKind.merge,
                date(2025, 7, 1),
                (YONGSIN, "1111051500"),
                (NewDong(SINSEOL, "x"),),
            ),
            InvalidInput,
        ),
    ],
)
def test_dong_change_refused_leaves_db_unchanged(
    session: Session, change: DongChange, error: type[Exception]
) -> None:
    admin = make_user(session, role=Role.city_admin, district_code=None)
    before = _successions(session)
    with pytest.raises(error):
        dong_changes.apply(session, user=admin, change=change)
    assert _successions(session) == before
    assert session.get(Dong, SINSEOL) is None


def test_dong_change_refused_for_staff(session: Session) -> None:
    staff = make_user(session)
    with pytest.raises(Forbidden):
        dong_changes.preview(session, user=staff, change=SPLIT)
    with pytest.raises(Forbidden):
        dong_changes.form(session, user=staff)


def test_dong_change_page_preview_then_apply(client: TestClient, session: Session) -> None:
    admin = make_user(session, role=Role.city_admin, district_code=None)
    make_project(session, district_code="11230", dong_code=YONGSIN, year=2024)
    log_in(client, admin.username)
    page = client.get("/admin/dong-changes")
    assert page.status_code == 200 and "용신동" in page.text
    form = {
        "csrf_token": csrf_token(page.text),
        "kind": "split",
        "effective_on": "2025-07-01",
        "predecessor": YONGSIN,
        "successor_code": [SINSEOL, YONGDU, ""],
        "successor_name": ["신설동", "용두동", ""],
        "action": "preview",
    }
    preview = client.post("/admin/dong-changes", data=form)
    assert preview.status_code == 200, preview.text
    assert "미리 보기: 아직 기록되지 않았습니다" in preview.text and "사업 1건" in preview.text
    assert session.get(Dong, SINSEOL) is None
    applied = client.post("/admin/dong-changes", data={**form, "action": "apply"})
    assert applied.status_code == 200 and "기록했습니다" in applied.text
    session.expire_all()
    assert session.get(Dong, YONGSIN).valid_to == date(2025, 7, 1)  # type: ignore[union-attr]
    again = client.post("/admin/dong-changes", data={**form, "action": "apply"})
    assert again.status_code == 422 and "용신동" in again.text


@pytest.mark.parametrize("backend", BACKENDS)
def test_dong_change_command_previews_then_applies(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refdata_dir: Path
) -> None:
    url = database_url(backend, tmp_path, "dongcli")
    monkeypatch.setenv("MAEUL_DATABASE_URL", url)
    get_settings.cache_clear()
    get_engine.cache_clear()
    try:
        migrate.upgrade(url=url)
        with Session(get_engine()) as session:
            service.load_refdata(session, refdata_dir)
            make_project(session, district_code="11230", dong_code=YONGSIN, year=2024)
            session.commit()
        args = ["refdata", "dong-change", "--kind", "split", "--on", "2025-07-01"]
        args += ["--from", YONGSIN, "--to", f"{SINSEOL}:신설동", "--to", f"{YONGDU}:용두동"]
        shown = CliRunner().invoke(app, args)
        assert shown.exit_code == 0, shown.output
        assert "projects 1" in shown.output and "nothing recorded" in shown.output
        with Session(get_engine()) as session:
            assert session.get(Dong, SINSEOL) is None
        done = CliRunner().invoke(app, [*args, "--apply"])
        assert done.exit_code == 0, done.output
        with Session(get_engine()) as session:
            assert service.current_successors(session, YONGSIN) == [SINSEOL, YONGDU]
            project = session.exec(select(Project)).one()
            assert project.dong_code == YONGSIN
    finally:
        get_engine().dispose()
        get_settings.cache_clear()
        get_engine.cache_clear()
        drop_database(url)
