"""i11: person-years' earlier and later months, the day of a second project, dong months

Revision ID: i11r0a5b0c01
Revises: i11q0a5b0c01
Create Date: 2026-12-01 05:40:00

Derived columns only (``analytics.summary`` fills them with the other summaries); run
``maeul-db summaries refresh`` after upgrading.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "i11r0a5b0c01"
down_revision: str | Sequence[str] | None = "i11q0a5b0c01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("prev_part", "prev_lead", "prev_member", "next_part")


def upgrade() -> None:
    with op.batch_alter_table("analytics_person_year") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("repeat_on", sa.Date(), nullable=True))
    # A year's rows in the order a period's counts group them (SQLite then sums them unsorted).
    op.drop_index("ix_analytics_person_year_year_scope", table_name="analytics_person_year")
    op.create_index(
        "ix_analytics_person_year_year_group",
        "analytics_person_year",
        ["year", "scope", "gender", "birth_year", "person_id"],
    )
    op.create_table(
        "analytics_person_dong_year",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=5), nullable=False),
        sa.Column("dong_code", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("part_months", sa.Integer(), nullable=False),
        sa.Column("prev_part", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "person_id", "scope", "dong_code", "year", name="pk_analytics_person_dong_year"
        ),
    )
    op.create_index(
        "ix_analytics_person_dong_year_map",
        "analytics_person_dong_year",
        ["scope", "year", "dong_code", "person_id"],
    )
    # Rows built before these columns hold no earlier months: until the next full refresh the
    # summaries count as never built, so a period is read from the raw facts.
    op.execute("UPDATE analytics_data_version SET last_year = NULL")


def downgrade() -> None:
    op.drop_index("ix_analytics_person_dong_year_map", table_name="analytics_person_dong_year")
    op.drop_table("analytics_person_dong_year")
    op.drop_index("ix_analytics_person_year_year_group", table_name="analytics_person_year")
    op.create_index(
        "ix_analytics_person_year_year_scope",
        "analytics_person_year",
        ["year", "scope", "person_id"],
    )
    with op.batch_alter_table("analytics_person_year") as batch:
        batch.drop_column("repeat_on")
        for name in reversed(COLUMNS):
            batch.drop_column(name)
