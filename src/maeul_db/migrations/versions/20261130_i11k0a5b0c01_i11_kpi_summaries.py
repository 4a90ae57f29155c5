"""i11: training hours per person, year and scope, and council members' year masks, for the KPI
report

Revision ID: i11k0a5b0c01
Revises: i11m0a5b0c01
Create Date: 2026-11-30 23:30:00

A derived table only (``analytics.summary_hours`` rebuilds it with the other summaries); run
``maeul-db summaries refresh`` after upgrading.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "i11k0a5b0c01"
down_revision: str | Sequence[str] | None = "i11m0a5b0c01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "analytics_person_hours",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=5), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("cents", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", "scope", "year", name="pk_analytics_person_hours"),
    )
    op.create_index(
        "ix_analytics_person_hours_span",
        "analytics_person_hours",
        ["scope", "gender", "person_id", "year", "cents"],
    )
    op.create_table(
        "analytics_person_seat",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=5), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("held", sa.BigInteger(), nullable=False),
        sa.Column("experienced", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", "scope", name="pk_analytics_person_seat"),
    )
    # Summaries built before this table have no hours rows: until the next full refresh they
    # count as never built, so the hours are read from the raw facts rather than an empty table.
    op.execute("UPDATE analytics_data_version SET last_year = NULL")


def downgrade() -> None:
    op.drop_table("analytics_person_seat")
    op.drop_index("ix_analytics_person_hours_span", table_name="analytics_person_hours")
    op.drop_table("analytics_person_hours")
