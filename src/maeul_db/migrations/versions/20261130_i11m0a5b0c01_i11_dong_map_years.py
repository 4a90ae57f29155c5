"""i11: the dong map's person × dong year masks

Revision ID: i11m0a5b0c01
Revises: i11c0a5b0c01
Create Date: 2026-11-30 20:50:00

A derived table only (``analytics.summary_dong`` rebuilds it with the other summaries); run
``maeul-db summaries refresh`` after upgrading.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "i11m0a5b0c01"
down_revision: str | Sequence[str] | None = "i11c0a5b0c01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "analytics_person_dong",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=5), nullable=False),
        sa.Column("dong_code", sa.String(length=10), nullable=False),
        sa.Column("years", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", "scope", "dong_code", name="pk_analytics_person_dong"),
    )
    op.create_index(
        "ix_analytics_person_dong_map",
        "analytics_person_dong",
        ["scope", "dong_code", "years", "person_id"],
    )
    # Summaries built before this table have no dong rows: until the next full refresh they count
    # as never built, so the map is read from the raw facts rather than from an empty table.
    op.execute("UPDATE analytics_data_version SET last_year = NULL")


def downgrade() -> None:
    op.drop_index("ix_analytics_person_dong_map", table_name="analytics_person_dong")
    op.drop_table("analytics_person_dong")
