"""i11-summary: analytics summaries (person-year facts, year counts, data version)

Revision ID: b11a5e0c0d01
Revises: a11b0c5e7d01
Create Date: 2026-11-30 12:30:00

Derived tables only (``analytics.summary`` rebuilds them; ``maeul-db analytics refresh``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "b11a5e0c0d01"
down_revision: str | Sequence[str] | None = "a11b0c5e7d01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _int(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Integer(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "analytics_person_year",
        _int("person_id"),
        sa.Column("scope", sa.String(length=5), nullable=False),
        _int("year"),
        sa.Column("gender", sa.String(length=1), nullable=False),
        _int("birth_year"),
        *(_int(n) for n in ("part", "lead", "member", "projects", "carried", "projects_to_date")),
        sa.PrimaryKeyConstraint("person_id", "scope", "year", name="pk_analytics_person_year"),
    )
    op.create_index(
        "ix_analytics_person_year_year_scope",
        "analytics_person_year",
        ["year", "scope", "person_id"],
    )
    op.create_table(
        "analytics_year_count",
        _int("year"),
        sa.Column("scope", sa.String(length=5), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("age_band", sa.String(length=10), nullable=False),
        *(
            _int(n)
            for n in (
                "participants",
                "repeat_participants",
                "repeat_participants_ever",
                "lead_proposers",
                "group_members",
                "people_engaged",
            )
        ),
        sa.PrimaryKeyConstraint(
            "year", "scope", "gender", "age_band", name="pk_analytics_year_count"
        ),
    )
    op.create_table(
        "analytics_data_version",
        _int("id"),
        _int("version"),
        sa.Column("first_year", sa.Integer(), nullable=True),
        sa.Column("last_year", sa.Integer(), nullable=True),
        sa.Column("refreshed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_analytics_data_version"),
    )


def downgrade() -> None:
    op.drop_table("analytics_data_version")
    op.drop_table("analytics_year_count")
    op.drop_index("ix_analytics_person_year_year_scope", table_name="analytics_person_year")
    op.drop_table("analytics_person_year")
