"""Reads apart from writes (issue 9): a request that only reads takes no write lock while it works,
its access-log row is committed in a short transaction of its own before the data is returned (an
error instead of the data when it cannot be), and the keyed chain holds under concurrent reads."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, func, text
from sqlmodel import Session, col, select

from maeul_db import db, migrate
from maeul_db.access_log import service as access_log
from maeul_db.access_log.chain import verify_chain
from maeul_db.app import create_app
from maeul_db.config import get_settings
from maeul_db.core.context import Door, origin
from maeul_db.errors import Unavailable
from maeul_db.models import AccessLog, Person, UserAccount
from maeul_db.participants import service as people
from maeul_db.refdata.service import load_refdata
from tests.builders import DISTRICT_A, bearer, make_person, make_user
from tests.concurrency.conftest import run_together

# The chain lock the access log takes on PostgreSQL (``access_log.service``).
_PG_CHAIN_LOCK = 7_202_611


def _seed(engine: Engine, count: int = 3) -> tuple[int, str, list[int]]:
    with Session(engine) as session:
        user = make_user(session)
        ids = [make_person(session, registered_district_code=DISTRICT_A).id for _ in range(count)]
        session.commit()
        assert user.id is not None
        return user.id, user.username, [i for i in ids if i is not None]


def _log_rows(engine: Engine) -> int:
    with Session(db.reader_of(engine)) as session:  # counts beside a writer, too
        return int(session.exec(select(func.count()).select_from(AccessLog)).one())


def _hold_write_lock(conn: Connection) -> None:
    """What an import does to readers: on SQLite the one write lock (a write, uncommitted); on
    PostgreSQL also the access-log chain lock, so appends must wait as they do on SQLite."""
    conn.begin()
    conn.execute(text("UPDATE district SET name_en = name_en"))
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"SELECT pg_advisory_xact_lock({_PG_CHAIN_LOCK})"))


def _read_as(engine: Engine, user_id: int, person_id: int) -> Callable[[], str]:
    def task() -> str:
        with Session(db.reader_of(engine), expire_on_commit=False) as session:
            user = session.get(UserAccount, user_id)
            assert user is not None
            view = people.read(session, user=user, person_id=person_id)
            session.commit()
            return view.name

    return task


def test_read_session_proceeds_while_another_connection_holds_the_write_lock(
    shared_engine: Engine,
) -> None:
    user_id, _, person_ids = _seed(shared_engine)
    with shared_engine.connect() as holder:
        _hold_write_lock(holder)
        started = time.monotonic()
        with Session(db.reader_of(shared_engine)) as session:
            found = session.exec(select(Person).where(col(Person.id).in_(person_ids))).all()
            user = session.get(UserAccount, user_id)
            session.commit()
        # A reader that queued for the lock would wait the 5 s busy timeout at least.
        assert time.monotonic() - started < 2.0
        assert len(found) == len(person_ids) and user is not None
        holder.rollback()


def test_personal_read_returns_only_after_its_log_row_is_committed(
    shared_engine: Engine,
) -> None:
    user_id, _, person_ids = _seed(shared_engine)
    result: list[str] = []
    reader = threading.Thread(
        target=lambda: result.append(_read_as(shared_engine, user_id, person_ids[0])())
    )
    with shared_engine.connect() as holder:
        _hold_write_lock(holder)
        reader.start()
        time.sleep(1.0)
        # The read itself is done; the data waits for its log row, which waits for the lock.
        assert result == [] and reader.is_alive()
        assert _log_rows(shared_engine) == 0
        holder.commit()
    reader.join(timeout=60)
    assert len(result) == 1
    with Session(shared_engine) as session:
        row = session.exec(select(AccessLog)).one()
        assert row.person_ids == f",{person_ids[0]}," and row.action == "person.read"


@pytest.fixture
def sqlite_busy(tmp_path: Path, refdata_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """A SQLite database whose lock waits give up quickly (100 ms busy timeout, one attempt)."""
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    migrate.upgrade(url=url)
    engine = db.make_engine(url, busy_timeout_ms=100)
    with Session(engine) as session:
        load_refdata(session, refdata_dir)
        session.commit()
    monkeypatch.setattr(db, "BEGIN_ATTEMPTS", 1)
    return engine


def test_personal_read_whose_log_row_cannot_be_written_is_an_error(sqlite_busy: Engine) -> None:
    user_id, _, person_ids = _seed(sqlite_busy)
    with sqlite_busy.connect() as holder:
        _hold_write_lock(holder)
        with pytest.raises(Unavailable):
            _read_as(sqlite_busy, user_id, person_ids[0])()
        holder.rollback()
    assert _log_rows(sqlite_busy) == 0


@pytest.fixture
def busy_client(sqlite_busy: Engine) -> Iterator[tuple[TestClient, Engine]]:
    """The app as served: each request's session from ``db.session_for`` on a real database."""
    app = create_app(session_factory=lambda: db.session_for(sqlite_busy))
    with TestClient(app) as client:
        yield client, sqlite_busy


def test_get_person_while_the_log_cannot_be_written_answers_503_without_data(
    busy_client: tuple[TestClient, Engine],
) -> None:
    client, engine = busy_client
    _, username, person_ids = _seed(engine)
    headers = bearer(client, username)
    with Session(engine) as session:
        person = session.get(Person, person_ids[0])
        assert person is not None and person.phone
        name, phone = person.name, person.phone
    assert client.get(f"/api/people/{person_ids[0]}", headers=headers).status_code == 200
    with engine.connect() as holder:
        _hold_write_lock(holder)
        # Reading the list of districts needs no log row: it goes on beside the writer.
        assert client.get("/api/groups", headers=headers).status_code == 200
        response = client.get(f"/api/people/{person_ids[0]}", headers=headers)
        holder.rollback()
    assert response.status_code == 503, response.text
    assert response.json()["code"] == "access_log.busy"
    assert name not in response.text and phone not in response.text
    assert _log_rows(engine) == 1  # the first read's row only


def test_get_request_session_reads_and_post_session_writes() -> None:
    engine = db.make_engine("sqlite://")
    with origin(Door.api, "127.0.0.1", reads_only=True):
        assert db.reads_only(db.session_for(engine))
    with origin(Door.api, "127.0.0.1"):
        assert not db.reads_only(db.session_for(engine))
    assert not db.reads_only(db.session_for(engine))  # commands and jobs write
    engine.dispose()


def test_chain_verifies_after_concurrent_personal_data_reads(
    shared_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = get_settings()
    monkeypatch.setattr(settings, "access_log_checkpoint_every", 7)
    monkeypatch.setattr(settings, "access_log_checkpoint_dir", tmp_path / "ckpt")
    user_id, _, person_ids = _seed(shared_engine, 5)
    readers, reads = 8, 10

    def apart() -> None:
        for i in range(reads):
            _read_as(shared_engine, user_id, person_ids[i % len(person_ids)])()

    def within() -> None:  # a writing transaction logs in its own transaction: both must chain
        for i in range(reads):
            with Session(shared_engine) as session:
                user = session.get(UserAccount, user_id)
                assert user is not None
                access_log.record(session, actor=user, action="person.read", person_ids=[i + 1])
                session.commit()

    errors = run_together([apart for _ in range(readers - 2)] + [within, within])

    assert [str(e) for e in errors] == []
    with Session(shared_engine) as session:
        check = verify_chain(session, checkpoint_dir=tmp_path / "ckpt")
    assert check.ok, check.reason
    assert check.rows == readers * reads
    assert check.checkpoint is not None and check.checkpoint.last_id >= readers * reads - 7
