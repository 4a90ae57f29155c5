"""i14-pages: person_district_link, a district attached to a person known elsewhere

Revision ID: d4e5a6b7c801
Revises: e4a8b2c1d016
Create Date: 2026-11-30 09:00:00

Registering someone another district already knows (exact identity key) attaches them to the
registering district instead of creating a second person; this row is what makes the person
visible there (participants.visibility), like a recorded fact would.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "d4e5a6b7c801"
down_revision: str | Sequence[str] | None = "e4a8b2c1d016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "person_district_link"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.Column("linked_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_district_link_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_person_district_link_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["linked_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_person_district_link_linked_by_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_district_link")),
        sa.UniqueConstraint(
            "person_id",
            "district_code",
            name=op.f("uq_person_district_link_person_id_district_code"),
        ),
    )
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_district_link_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_person_district_link_district_code"), ["district_code"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_district_link_district_code"))
        batch_op.drop_index(batch_op.f("ix_person_district_link_person_id"))
    op.drop_table(TABLE)
