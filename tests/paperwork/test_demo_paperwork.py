"""The demo has calls and an application in every state, and a representative's login linked to
the group whose application was returned for changes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from maeul_db.auth.demo_accounts import ensure_demo_accounts
from maeul_db.demo.dataset import COLUMNS
from maeul_db.demo.service import generate_demo
from maeul_db.kit.pagination import Page
from maeul_db.models import Application, ApplicationStatus, Call, Role
from maeul_db.paperwork import applications


@pytest.fixture
def demo_session(session: Session) -> Iterator[Session]:
    # As tests/demo: PostgreSQL sequences ignore the rollback; set the demo's back to 1.
    yield session
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return
    try:
        for name, columns in COLUMNS.items():
            if "id" in columns:
                connection.execute(
                    text("SELECT setval(pg_get_serial_sequence(:t, 'id'), 1, false)"), {"t": name}
                )
    except DBAPIError:
        pass


def test_the_demo_has_an_application_in_every_state(demo_session: Session) -> None:
    session = demo_session
    summary = generate_demo(session.connection(), scale="small", seed=1)
    session.expire_all()
    states = set(session.exec(select(Application.status)).all())
    assert states == {s.value for s in ApplicationStatus}
    assert summary.rows["paperwork_application"] == len(ApplicationStatus)
    assert len(session.exec(select(Call)).all()) == 2
    ineligible = session.exec(
        select(Application).where(Application.status == ApplicationStatus.ineligible)
    ).one()
    assert ineligible.eligibility and all(r["explanation"] for r in ineligible.eligibility)
    logins = {d.username: d for d in ensure_demo_accounts(session)}
    assert logins["rep"].role == Role.group_rep
    from maeul_db.auth import service as auth_service

    rep = auth_service.get_by_username(session, username="rep")
    assert rep is not None
    rows, count = applications.list_(session, user=rep, page=Page(50))
    assert count >= 1 and ApplicationStatus.returned in {r.status for r in rows}
    assert {r.group_id for r in rows} == {rows[0].group_id}
