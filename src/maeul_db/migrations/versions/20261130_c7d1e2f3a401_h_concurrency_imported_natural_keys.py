"""h-concurrency: imported groups and projects unique by their natural keys

Revision ID: c7d1e2f3a401
Revises: 0199a9493b92
Create Date: 2026-11-30 07:25:00

An import matches groups by district + name and projects by district + year + name. Among the rows
imports created these keys are now unique, so two imports of one file racing each other cannot both
write a copy (the second fails and rolls back). Upgrading a database that already holds such
duplicates fails here: merge or undo the duplicated batch first.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "c7d1e2f3a401"
down_revision: str | Sequence[str] | None = "0199a9493b92"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IMPORTED = sa.text("import_batch_id IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "uq_community_group_imported_name",
        "community_group",
        ["district_code", "name"],
        unique=True,
        sqlite_where=IMPORTED,
        postgresql_where=IMPORTED,
    )
    op.create_index(
        "uq_project_imported_year_name",
        "project",
        ["district_code", "year", "name"],
        unique=True,
        sqlite_where=IMPORTED,
        postgresql_where=IMPORTED,
    )


def downgrade() -> None:
    op.drop_index("uq_project_imported_year_name", table_name="project")
    op.drop_index("uq_community_group_imported_name", table_name="community_group")
