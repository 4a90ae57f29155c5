"""i11-cold: span counts of the participation family and year-end rung counts of the ladder

Revision ID: i11c0a5b0c01
Revises: i11d0a5b0c01
Create Date: 2026-11-30 19:30:00

Derived tables only (``analytics.summary_span`` and ``analytics.ladder_counts`` rebuild them with the other summaries); run
``maeul-db summaries refresh`` after upgrading.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "i11c0a5b0c01"
down_revision: str | Sequence[str] | None = "i11d0a5b0c01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

METRICS = (
    "participants",
    "repeat_participants",
    "repeat_participants_ever",
    "lead_proposers",
    "group_members",
    "people_engaged",
)


def upgrade() -> None:
    op.create_table(
        "analytics_span_count",
        sa.Column("first_year", sa.Integer(), nullable=False),
        sa.Column("last_year", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=5), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("age_band", sa.String(length=10), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in METRICS),
        sa.PrimaryKeyConstraint(
            "first_year",
            "last_year",
            "scope",
            "gender",
            "age_band",
            name="pk_analytics_span_count",
        ),
    )
    op.create_table(
        "analytics_rung_count",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=5), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("rung_before", sa.Integer(), nullable=False),
        sa.Column("rung_after", sa.Integer(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "year",
            "scope",
            "gender",
            "rung_before",
            "rung_after",
            name="pk_analytics_rung_count",
        ),
    )
    # Summaries built before this table have no span counts: until the next full refresh
    # (``maeul-db summaries refresh``) they count as never built, so every figure is read from
    # the raw facts rather than from an empty table.
    op.execute("UPDATE analytics_data_version SET last_year = NULL")


def downgrade() -> None:
    op.drop_table("analytics_rung_count")
    op.drop_table("analytics_span_count")
