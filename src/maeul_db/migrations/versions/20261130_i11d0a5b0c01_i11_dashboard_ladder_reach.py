"""i11-dashboard: the growth-ladder reach summary (the day each person reached each rung)

Revision ID: i11d0a5b0c01
Revises: i15r0e9c0d01
Create Date: 2026-11-30 16:00:00

Derived table only (``analytics.ladder_summary`` rebuilds it with the other summaries).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "i11d0a5b0c01"
down_revision: str | Sequence[str] | None = "i15r0e9c0d01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RUNGS = (
    "participant",
    "repeat_participant",
    "lead_proposer",
    "higher_stage",
    "council_or_space",
    "trained_expert",
    "placed_expert",
    "certified",
)


def upgrade() -> None:
    op.create_table(
        "analytics_ladder_reach",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=5), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        *(sa.Column(name, sa.Date(), nullable=True) for name in RUNGS),
        sa.PrimaryKeyConstraint("person_id", "scope", name="pk_analytics_ladder_reach"),
    )
    op.create_index(
        "ix_analytics_ladder_reach_scope", "analytics_ladder_reach", ["scope", "person_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_analytics_ladder_reach_scope", table_name="analytics_ladder_reach")
    op.drop_table("analytics_ladder_reach")
