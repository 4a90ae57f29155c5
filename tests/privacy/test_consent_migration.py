"""The migration turns the old consent columns into records, keeping every purpose, its notice
version and its (Seoul) date, on both databases; downgrading drops the records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from maeul_db import migrate
from tests.conftest import BACKENDS, database_url, drop_database

BEFORE = "c7d1e2f3a401"
REVISION = "d13a0c0e5e01"


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    found = database_url(request.param, tmp_path, "consent-migration")
    yield found
    drop_database(found)


def _insert_person(conn: object, person_id: int, scopes: str, at: str | None) -> None:
    conn.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO person (id, created_at, updated_at, name, gender, birth_year, "
            "registered_district_code, consent_scopes, consent_at, consent_notice_version, "
            "version) VALUES (:id, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'n', 'F', 1980, "
            "'11110', :scopes, :at, 'v2', 1)"
        ),
        {"id": person_id, "scopes": scopes, "at": at},
    )


def test_upgrade_turns_consent_columns_into_records(url: str) -> None:
    migrate.upgrade(BEFORE, url=url)
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO district (code, name_ko, name_en) VALUES ('11110', 'x', 'x')")
            )
            # 20:30 UTC on 31 Dec is 1 January in Seoul.
            _insert_person(conn, 1, "participation,contact,research", "2020-12-31 20:30:00+00:00")
            _insert_person(conn, 2, "participation", None)
        migrate.upgrade(REVISION, url=url)
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT person_id, purpose, method, notice_version, given_on, district_code "
                    "FROM consent ORDER BY person_id, purpose"
                )
            ).all()
        got = [(p, pu, m, v, str(g) if g else None, d) for p, pu, m, v, g, d in rows]
        assert got == [
            (1, "contact", "migrated", "v2", "2021-01-01", "11110"),
            (1, "participation", "migrated", "v2", "2021-01-01", "11110"),
            (1, "research", "migrated", "v2", "2021-01-01", "11110"),
            (2, "participation", "migrated", "v2", None, "11110"),
        ]
        migrate.downgrade(BEFORE, url=url)
        with engine.connect() as conn:
            scopes = conn.execute(text("SELECT consent_scopes FROM person WHERE id = 1")).scalar()
        assert scopes == "participation,contact,research"
    finally:
        engine.dispose()
