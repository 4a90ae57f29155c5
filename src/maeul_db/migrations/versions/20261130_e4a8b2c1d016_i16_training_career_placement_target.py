"""i16-training: career entries link the placement they record; per-district expert targets

Revision ID: e4a8b2c1d016
Revises: a16c0a0c0001
Create Date: 2026-11-30 09:00:00

A placement creates or links the matching career entry (``career.placement_id``), so ending the
placement ends the job too. ``expert_target`` stores the per-dong target a district sets (the plan's
2 apply while a district has none).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "e4a8b2c1d016"
down_revision: str | Sequence[str] | None = "a16c0a0c0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("career") as batch:
        batch.add_column(sa.Column("placement_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_career_placement_id_expert_placement", "expert_placement", ["placement_id"], ["id"]
        )
        batch.create_index("ix_career_placement_id", ["placement_id"])
    op.create_table(
        "expert_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.Column("per_dong", sa.Integer(), nullable=False),
        sa.Column("set_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name="fk_expert_target_district_code_district"
        ),
        sa.ForeignKeyConstraint(
            ["set_by_user_id"],
            ["user_account.id"],
            name="fk_expert_target_set_by_user_id_user_account",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_expert_target"),
        sa.UniqueConstraint("district_code", name="uq_expert_target_district_code"),
    )


def downgrade() -> None:
    op.drop_table("expert_target")
    with op.batch_alter_table("career") as batch:
        batch.drop_index("ix_career_placement_id")
        batch.drop_constraint("fk_career_placement_id_expert_placement", type_="foreignkey")
        batch.drop_column("placement_id")
