"""PostgreSQL planner settings for one analytics statement.

The month-mask family (analytics.family_months) reads its people from a CTE; PostgreSQL estimates
a CTE's filtered rows at one or a few where there are tens of thousands, and so looks each of
them up by index in a nested loop (78,000 look-ups, 0.28 s, where a hash join takes a tenth of
that). Without nested loops for that one statement the family is 0.1-0.2 s faster at ``seoul``
scale (docs/benchmarks.md "Session 8"). SQLite has no such setting and needs none.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlmodel import Session


@contextmanager
def without_nested_loops(session: Session) -> Iterator[None]:
    """Statements run inside join by hash or merge on PostgreSQL. ``SET LOCAL`` ends with the
    transaction; the setting before is put back after, so the rest of the transaction plans as
    usual (on an error the rollback undoes it)."""
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    before = session.execute(text("SELECT current_setting('enable_nestloop')")).scalar()
    session.execute(text("SET LOCAL enable_nestloop = off"))
    yield
    session.execute(text("SET LOCAL enable_nestloop = " + ("on" if before == "on" else "off")))
