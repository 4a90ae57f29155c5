"""What a merge means for reads: the survivor owns the merged people's facts.

A merge only sets ``person.merged_into_id`` on the duplicate; its facts keep their ``person_id``
(nothing is moved, so an unmerge is exact). Readers that gather a person's facts ask
:func:`merged_ids` for the survivor plus everyone merged into it, and scoping asks
:func:`with_survivors` so that a district which holds facts of a merged-away duplicate still sees
the survivor. This module imports only models, so ``participants.visibility`` can use it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import union
from sqlmodel import Session, col, select

from maeul_db.models import Person

MAX_DEPTH = 10  # merges chain rarely; this bounds a corrupted cycle


def merged_ids(session: Session, person_id: int) -> list[int]:
    """``person_id`` and every person merged into it, directly or through a chain, sorted."""
    found = {person_id}
    frontier = [person_id]
    for _ in range(MAX_DEPTH):
        if not frontier:
            break
        rows = session.exec(select(Person.id).where(col(Person.merged_into_id).in_(frontier))).all()
        frontier = [r for r in rows if r is not None and r not in found]
        found.update(frontier)
    return sorted(found)


def survivor_id(session: Session, person_id: int) -> int:
    """Follow ``merged_into_id`` to the person that stands for ``person_id`` now."""
    current = person_id
    for _ in range(MAX_DEPTH):
        target = session.exec(select(Person.merged_into_id).where(Person.id == current)).first()
        if target is None:
            return current
        current = target
    return current


def with_survivors(person_ids: Any) -> Any:
    """A selectable of ids: ``person_ids`` plus the survivors they were merged into (one level per
    merge; a chain of merges is followed by the survivor's own entry).

    Use in scoping: ``Person.id.in_(with_survivors(people_with_facts_in(district)))``.
    """
    ids = person_ids.subquery()
    first = next(iter(ids.c))
    return union(
        select(first),
        select(Person.merged_into_id).where(
            col(Person.id).in_(select(first)), col(Person.merged_into_id).is_not(None)
        ),
    )
