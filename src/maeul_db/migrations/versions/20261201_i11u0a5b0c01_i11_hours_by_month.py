"""i11: training hours summarised per month

Revision ID: i11u0a5b0c01
Revises: i11t0a5b0c01
Create Date: 2026-12-01 11:00:00

A derived table only (``analytics.summary_hours``), rebuilt empty with a month in its key; run
``maeul-db summaries refresh`` after upgrading.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "i11u0a5b0c01"
down_revision: str | Sequence[str] | None = "i11t0a5b0c01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "analytics_person_hours"
INDEX = "ix_analytics_person_hours_span"


def _create(by_month: bool) -> None:
    key = ["person_id", "scope", "year", *(["month"] if by_month else [])]
    op.create_table(
        TABLE,
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=5), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        *([sa.Column("month", sa.Integer(), nullable=False)] if by_month else []),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("cents", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(*key, name="pk_analytics_person_hours"),
    )
    columns = ["scope", "gender", "person_id", "year", *(["month"] if by_month else []), "cents"]
    op.create_index(INDEX, TABLE, columns)


def upgrade() -> None:
    op.drop_index(INDEX, table_name=TABLE)
    op.drop_table(TABLE)
    _create(by_month=True)
    # The new table starts empty: until the next full refresh the summaries count as never
    # built, so a period is read from the raw facts.
    op.execute("UPDATE analytics_data_version SET last_year = NULL")


def downgrade() -> None:
    op.drop_index(INDEX, table_name=TABLE)
    op.drop_table(TABLE)
    _create(by_month=False)
    op.execute("UPDATE analytics_data_version SET last_year = NULL")
