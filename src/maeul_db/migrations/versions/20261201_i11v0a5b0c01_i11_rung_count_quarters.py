"""i11: ladder rung counts on every quarter's end

Revision ID: i11v0a5b0c01
Revises: i11u0a5b0c01
Create Date: 2026-12-01 11:30:00

A derived table only (``analytics.ladder_counts``), rebuilt empty with a quarter in its key; run
``maeul-db summaries refresh`` after upgrading.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "i11v0a5b0c01"
down_revision: str | Sequence[str] | None = "i11u0a5b0c01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "analytics_rung_count"


def _create(by_quarter: bool) -> None:
    key = ["year", *(["quarter"] if by_quarter else []), "scope", "gender"]
    op.create_table(
        TABLE,
        sa.Column("year", sa.Integer(), nullable=False),
        *([sa.Column("quarter", sa.Integer(), nullable=False)] if by_quarter else []),
        sa.Column("scope", sa.String(length=5), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("rung_before", sa.Integer(), nullable=False),
        sa.Column("rung_after", sa.Integer(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*key, "rung_before", "rung_after", name="pk_analytics_rung_count"),
    )


def upgrade() -> None:
    op.drop_table(TABLE)
    _create(by_quarter=True)
    # The new table starts empty: until the next full refresh the summaries count as never
    # built, so the ladder is read from the raw facts.
    op.execute("UPDATE analytics_data_version SET last_year = NULL")


def downgrade() -> None:
    op.drop_table(TABLE)
    _create(by_quarter=False)
    op.execute("UPDATE analytics_data_version SET last_year = NULL")
