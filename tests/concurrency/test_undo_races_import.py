"""Undoing an import serialises with an import into the same district (issue 9): without the
district lock an import could link people the undo is deleting (a foreign-key failure, or a
participation left pointing at nobody)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from maeul_db.imports.service import run_import
from maeul_db.imports.undo import undo
from maeul_db.models import ImportBatch, ImportStatus, Participation, Person, Project
from tests.builders import DISTRICT_A
from tests.concurrency.conftest import run_together
from tests.imports.roster import csv_bytes, roster_rows

ROWS, PROJECTS = 800, 16


def _import(engine: Engine, content: bytes) -> int:
    with Session(engine) as session:
        outcome = run_import(
            session, content=content, filename="roster.csv", district_code=DISTRICT_A, actor=None
        )
        session.commit()
        assert outcome.report.batch_id is not None
        return outcome.report.batch_id


def _undo(engine: Engine, batch_id: int) -> Callable[[], None]:
    def task() -> None:
        with Session(engine) as session:
            undo(session, user=None, batch_id=batch_id)
            session.commit()

    return task


def _count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def test_undo_racing_an_import_of_the_same_people_leaves_one_consistent_register(
    shared_engine: Engine,
) -> None:
    first = roster_rows(ROWS, projects=PROJECTS)
    first_batch = _import(shared_engine, csv_bytes(first))
    # The same people a year later: new projects that link every person the undo removes.
    later = [[str(int(r[0]) + 1), *r[1:14], r[14].replace("2024", "2025"), r[15]] for r in first]

    errors = run_together(
        [_undo(shared_engine, first_batch), lambda: _import(shared_engine, csv_bytes(later))]
    )

    assert [str(e) for e in errors] == []
    # Either order ends the same: one person per roster line (kept because the later import
    # refers to them, or created again by it), the later projects and their participations only.
    assert _count(shared_engine, Person) == ROWS
    assert _count(shared_engine, Participation) == ROWS
    assert _count(shared_engine, Project) == PROJECTS
    with Session(shared_engine) as session:
        batches = session.exec(select(ImportBatch).order_by(col(ImportBatch.id))).all()
        assert [b.status for b in batches] == [ImportStatus.undone, ImportStatus.committed]
        years = session.exec(select(Project.year).distinct()).all()
        assert years == [2025]
        orphans = session.exec(
            select(func.count())
            .select_from(Participation)
            .where(col(Participation.person_id).not_in(select(Person.id)))
        ).one()
        assert orphans == 0


def test_two_undos_of_one_batch_at_once_undo_it_once(shared_engine: Engine) -> None:
    batch_id = _import(shared_engine, csv_bytes(roster_rows(200, projects=4)))

    errors = run_together([_undo(shared_engine, batch_id), _undo(shared_engine, batch_id)])

    assert [type(e).__name__ for e in errors] == ["Conflict"]
    assert _count(shared_engine, Person) == 0
