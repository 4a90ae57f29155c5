"""What a request left in the database: every table's row count, and a fault that makes a service
fail after it has flushed its rows (to prove a failed request keeps none of them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import Session, SQLModel

from maeul_db.audit import changes as audit_changes
from maeul_db.audit import service as audit_service
from maeul_db.errors import MaeulError
from maeul_db.models import load_all

ACCESS_LOG = "access_log"


def row_counts(session: Session) -> dict[str, int]:
    """Rows per table, as every session on the test's connection sees them."""
    session.flush()
    load_all()  # every table, although the models load on demand
    return {
        table.name: int(session.execute(select(func.count()).select_from(table)).scalar_one())
        for table in SQLModel.metadata.sorted_tables
    }


def changed(before: dict[str, int], after: dict[str, int]) -> dict[str, tuple[int, int]]:
    return {name: (before[name], after[name]) for name in before if before[name] != after[name]}


@dataclass
class FailAfterFlush:
    """Replaces the audit writer: the service's rows and its audit row are flushed, then ``error``
    is raised, as a late refusal or a failing constraint would. ``seen`` keeps the row counts at
    that moment, so a test shows the rows existed before they were discarded."""

    error: MaeulError
    seen: list[dict[str, int]] = field(default_factory=list)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> FailAfterFlush:
        real = audit_service.record

        def record(session: Session, **kwargs: Any) -> Any:
            real(session, **kwargs)
            self.seen.append(row_counts(session))
            raise self.error

        # changes.py binds ``record`` by name; the services call it through the module.
        monkeypatch.setattr(audit_service, "record", record)
        monkeypatch.setattr(audit_changes, "record", record)
        return self
