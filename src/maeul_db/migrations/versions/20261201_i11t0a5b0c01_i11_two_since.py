"""i11: person-years' month since which two projects were met, and the last earlier year's

Revision ID: i11t0a5b0c01
Revises: i11s0a5b0c01
Create Date: 2026-12-01 10:40:00

Derived columns only (``analytics.summary`` fills them with the other summaries); run
``maeul-db summaries refresh`` after upgrading.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "i11t0a5b0c01"
down_revision: str | Sequence[str] | None = "i11s0a5b0c01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("two_since", "prev_two_since")
# The index's order, then every column a period's counts read (a copy, as migrations are).
EARLIER = (
    "year",
    "scope",
    "gender",
    "birth_year",
    "person_id",
    "part_months",
    "lead_months",
    "member_months",
    "prev_part",
    "prev_lead",
    "prev_member",
    "next_part",
    "repeat_on",
    "projects",
    "lo_project",
    "hi_project",
    "prev_lo_project",
    "prev_hi_project",
)
TABLE = "analytics_person_year"
INDEX = "ix_analytics_person_year_period"


def upgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=False, server_default="0"))
    op.drop_index(INDEX, table_name=TABLE)
    op.create_index(INDEX, TABLE, [*EARLIER, *COLUMNS])
    # Rows built before these columns hold no months: until the next full refresh the summaries
    # count as never built, so a period is read from the raw facts.
    op.execute("UPDATE analytics_data_version SET last_year = NULL")


def downgrade() -> None:
    op.drop_index(INDEX, table_name=TABLE)
    op.create_index(INDEX, TABLE, list(EARLIER))
    with op.batch_alter_table(TABLE) as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
