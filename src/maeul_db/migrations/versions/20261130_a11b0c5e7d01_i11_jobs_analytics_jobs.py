"""i11-jobs: background analytics jobs with stored results; the analysts' pseudonym lookup

Revision ID: a11b0c5e7d01
Revises: a10b9e7c4f21
Create Date: 2026-11-30 12:07:22.126492

"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "a11b0c5e7d01"
down_revision: str | Sequence[str] | None = "a10b9e7c4f21"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "analytics_pseudonym",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("pseudonym", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("key_id", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_analytics_pseudonym_person_id_person")
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_analytics_pseudonym")),
        sa.UniqueConstraint("pseudonym", name=op.f("uq_analytics_pseudonym_pseudonym")),
    )
    op.create_table(
        "analytics_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.Column("audience", sa.String(length=20), nullable=False),
        sa.Column("requested_by_user_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("result_json", sa.Text(), nullable=True),
        sa.Column("result_file", sa.LargeBinary(), nullable=True),
        sa.Column("result_media_type", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("person_ids_json", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_analytics_job_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_analytics_job_requested_by_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_analytics_job")),
    )
    with op.batch_alter_table("analytics_job", schema=None) as batch_op:
        batch_op.create_index(
            "ix_analytics_job_key",
            ["kind", "period_start", "period_end", "district_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_analytics_job_requested_by_user_id"),
            ["requested_by_user_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("analytics_job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_analytics_job_requested_by_user_id"))
        batch_op.drop_index("ix_analytics_job_key")

    op.drop_table("analytics_job")
    op.drop_table("analytics_pseudonym")
