"""The analysts' pseudonym lookup table (``analytics_pseudonym``), refreshed by
``maeul-db jobs pseudonyms`` and by every background job run: one Core insert of the people not yet
stored under the current key (rule 12: bulk paths never one ORM object per row)."""

from __future__ import annotations

from sqlalchemy import delete, insert
from sqlmodel import Session, col

from maeul_db.analytics.ego_queries import key_id
from maeul_db.analytics.pseudonym import pseudonym
from maeul_db.analytics.queries import select
from maeul_db.config import get_settings
from maeul_db.models import AnalyticsPseudonym, Person

BATCH = 20_000


def refresh(session: Session) -> int:
    """Store the pseudonym of everyone not stored yet under the current key (rows made with an
    earlier key are dropped first); returns how many rows were added."""
    key = get_settings().analytics_key
    current = key_id(key)
    session.execute(delete(AnalyticsPseudonym).where(col(AnalyticsPseudonym.key_id) != current))
    stored = select(AnalyticsPseudonym.person_id)
    missing = select(Person.id).where(col(Person.id).not_in(stored)).order_by(Person.id)
    ids = [int(row[0]) for row in session.execute(missing)]
    for at in range(0, len(ids), BATCH):
        rows = [
            {"person_id": i, "pseudonym": pseudonym(key, "person", i), "key_id": current}
            for i in ids[at : at + BATCH]
        ]
        session.execute(insert(AnalyticsPseudonym), rows)
    return len(ids)
