"""i11: the months of each person-year (took part, led, belonged), for periods of whole months

Revision ID: i11q0a5b0c01
Revises: i11k0a5b0c01
Create Date: 2026-12-01 03:00:00

Derived columns only (``analytics.summary`` fills them with the other summaries); run
``maeul-db summaries refresh`` after upgrading.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "i11q0a5b0c01"
down_revision: str | Sequence[str] | None = "i11k0a5b0c01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("part_months", "lead_months", "member_months")


def upgrade() -> None:
    with op.batch_alter_table("analytics_person_year") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=False, server_default="0"))
    # Rows built before these columns hold no months: until the next full refresh the summaries
    # count as never built, so a period of whole months is read from the raw facts.
    op.execute("UPDATE analytics_data_version SET last_year = NULL")


def downgrade() -> None:
    with op.batch_alter_table("analytics_person_year") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
