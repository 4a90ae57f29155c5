"""i10-pipe: attendance imports are batches too (one pipeline, one undo)

Revision ID: a10b9e7c4f21
Revises: 10a1b2c3d4e5
Create Date: 2026-11-30 12:30:00

- ``enrolment.import_batch_id`` and ``module_attendance.import_batch_id``: the attendance import
  that created the row, so undoing the batch removes exactly its rows (``imports.undo``).
- ``import_batch.district_code`` may be empty: the attendance of a city-wide programme matched
  across the whole city belongs to no district.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "a10b9e7c4f21"
down_revision: str | Sequence[str] | None = "10a1b2c3d4e5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("enrolment", "module_attendance")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("import_batch_id", sa.Integer(), nullable=True))
            batch_op.create_index(
                batch_op.f(f"ix_{table}_import_batch_id"), ["import_batch_id"], unique=False
            )
            batch_op.create_foreign_key(
                batch_op.f(f"fk_{table}_import_batch_id_import_batch"),
                "import_batch",
                ["import_batch_id"],
                ["id"],
            )
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.alter_column("district_code", existing_type=sa.String(length=5), nullable=True)


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(
                batch_op.f(f"fk_{table}_import_batch_id_import_batch"), type_="foreignkey"
            )
            batch_op.drop_index(batch_op.f(f"ix_{table}_import_batch_id"))
            batch_op.drop_column("import_batch_id")
    # City-wide batches have no district to go back to; they go with the column's constraint.
    op.execute(sa.text("DELETE FROM import_batch WHERE district_code IS NULL"))
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.alter_column("district_code", existing_type=sa.String(length=5), nullable=False)
