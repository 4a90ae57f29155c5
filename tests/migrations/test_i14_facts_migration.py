"""The i14-facts migration: duplicates already stored stop the upgrade with a message naming
them; headcounts are rebuilt as named attendees + unnamed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import Session

from maeul_db import migrate
from maeul_db.config import get_settings
from maeul_db.models import Project
from maeul_db.refdata.service import load_refdata
from tests.builders import DISTRICT_A, make_participation, make_person
from tests.conftest import BACKENDS, database_url, drop_database

BEFORE = "d4e5a6b7c801"  # the revision before this one (issue 14, duplicate facts)


@pytest.fixture(params=BACKENDS)
def old_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    url = database_url(request.param, tmp_path, "i14facts")
    migrate.upgrade(BEFORE, url=url)
    engine = create_engine(url)
    with Session(engine) as session:
        load_refdata(session, Path(get_settings().refdata_dir))
        session.commit()
    engine.dispose()
    yield url
    drop_database(url)


def _seed(url: str, *, duplicate: bool) -> None:
    engine = create_engine(url)
    with Session(engine) as session:
        # The project row by hand: the model may have gained columns this old schema lacks.
        session.execute(
            text(
                "INSERT INTO project (created_at, updated_at, name, year, district_code, "
                "programme, stage, grant_krw, self_cash_krw, self_noncash_krw) VALUES "
                "(CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '이전사업', 2019, :d, "
                "'village_community', 'group_formation', 0, 0, 0)"
            ),
            {"d": DISTRICT_A},
        )
        project_id = session.execute(text("SELECT max(id) FROM project")).scalar_one()
        project = Project(id=project_id, name="이전사업", year=2019, district_code=DISTRICT_A)
        people = [make_person(session) for _ in range(3)]
        make_participation(session, project=project, person=people[0])
        if duplicate:  # the old bug: a lead proposer added as a second row
            make_participation(session, project=project, person=people[0], role="lead_proposer")
        for activity_id, headcount in ((1, 2), (2, 10)):
            session.execute(
                text(
                    "INSERT INTO activity (id, created_at, updated_at, title, kind, held_on, "
                    "hours, district_code, project_id, headcount) VALUES (:id, CURRENT_TIMESTAMP, "
                    "CURRENT_TIMESTAMP, 'a', 'meeting', '2019-05-01', 1, :d, :p, :h)"
                ),
                {"id": activity_id, "d": project.district_code, "p": project.id, "h": headcount},
            )
            for person in people:
                session.execute(
                    text(
                        "INSERT INTO attendance (activity_id, person_id, district_code) "
                        "VALUES (:a, :p, :d)"
                    ),
                    {"a": activity_id, "p": person.id, "d": project.district_code},
                )
        session.commit()
    engine.dispose()


def test_upgrade_with_duplicate_participations_fails_naming_them(old_url: str) -> None:
    _seed(old_url, duplicate=True)
    with pytest.raises(RuntimeError, match="duplicate facts") as raised:
        migrate.upgrade(url=old_url)
    assert "participation" in str(raised.value) and "2 rows" in str(raised.value)


def test_upgrade_rebuilds_headcounts_from_named_and_unnamed(old_url: str) -> None:
    _seed(old_url, duplicate=False)
    migrate.upgrade(url=old_url)
    engine = create_engine(old_url)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, headcount, unnamed_count FROM activity ORDER BY id")
        ).all()
    engine.dispose()
    # 2 recorded with 3 named (the old second-save bug) → 3; 10 with 3 named → 7 unnamed.
    assert [tuple(r) for r in rows] == [(1, 3, 0), (2, 10, 7)]
