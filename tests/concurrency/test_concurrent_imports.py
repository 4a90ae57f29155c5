"""Two imports of one roster at the same moment leave one copy (issue 9: half duplicated on
PostgreSQL), and access-logged reads run beside an import without "database is locked"."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from maeul_db.imports.service import run_import
from maeul_db.models import AccessLog, Group, ImportBatch, Person, Project, UserAccount
from maeul_db.participants import service as people
from tests.builders import DISTRICT_A, make_person, make_user
from tests.concurrency.conftest import run_together
from tests.imports.roster import csv_bytes, roster_rows

ROWS, PROJECTS = 600, 12


def _importer(engine: Engine, content: bytes) -> Callable[[], None]:
    def task() -> None:
        with Session(engine) as session:
            run_import(
                session,
                content=content,
                filename="roster.csv",
                district_code=DISTRICT_A,
                actor=None,
            )
            session.commit()

    return task


def _count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def test_two_concurrent_imports_of_one_roster_leave_one_copy(shared_engine: Engine) -> None:
    rows = roster_rows(ROWS, projects=PROJECTS)
    content = csv_bytes(rows)

    errors = run_together([_importer(shared_engine, content) for _ in range(2)])

    assert errors == []
    # Every roster row is a distinct person (distinct phones); groups and projects by name.
    assert _count(shared_engine, Person) == len({(r[7], r[9], r[10]) for r in rows})
    assert _count(shared_engine, Group) == len({r[6] for r in rows})
    assert _count(shared_engine, Project) == len({(r[0], r[3]) for r in rows})
    assert _count(shared_engine, ImportBatch) == 2


def _seed_reader(engine: Engine) -> tuple[int, list[int]]:
    with Session(engine) as session:
        user = make_user(session)
        person_ids = [
            make_person(session, registered_district_code=DISTRICT_A).id for _ in range(4)
        ]
        session.commit()
        assert user.id is not None
        return user.id, [p for p in person_ids if p is not None]


def _reader(engine: Engine, user_id: int, person_ids: list[int], reads: int) -> Callable[[], None]:
    def task() -> None:
        for i in range(reads):
            with Session(engine) as session:
                user = session.get(UserAccount, user_id)
                assert user is not None
                people.read(session, user=user, person_id=person_ids[i % len(person_ids)])
                session.commit()

    return task


def test_readers_beside_an_import_are_never_locked_out(shared_engine: Engine) -> None:
    readers, reads = 8, 15
    user_id, person_ids = _seed_reader(shared_engine)
    content = csv_bytes(roster_rows(2_000, projects=PROJECTS))
    tasks = [_reader(shared_engine, user_id, person_ids, reads) for _ in range(readers)]

    errors = run_together([*tasks, _importer(shared_engine, content)])

    assert [str(e) for e in errors] == []
    assert _count(shared_engine, AccessLog) == readers * reads
    assert _count(shared_engine, ImportBatch) == 1
    assert _count(shared_engine, Person) == len(person_ids) + 2_000
