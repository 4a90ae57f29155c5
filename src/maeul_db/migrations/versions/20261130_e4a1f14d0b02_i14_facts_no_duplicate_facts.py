"""i14-facts: no duplicate facts; an activity's headcount derived from its attendees

Revision ID: e4a1f14d0b02
Revises: d4e5a6b7c801
Create Date: 2026-11-30 09:00:00

- A group is unique by district + name and a project by district + year + name, whoever entered
  it (the h-concurrency indexes covered imported rows only; these replace them).
- A person holds at most one open (not ended, not voided) participation in a project and one open
  membership of a group: partial unique indexes on both databases. Overlapping closed intervals
  are refused by the services (neither database can say "no overlap" portably).
- ``activity.unnamed_count`` holds the people who came without being named; ``headcount`` is from
  now on always named attendees + unnamed. Existing rows: unnamed = headcount - named when that is
  positive, else 0, so a headcount lower than the named attendees (the old second-save bug) rises
  to the number of named attendees.

Duplicates already stored are not merged silently: the upgrade stops with a message naming the
duplicated rows (ids), which staff merge or void first (a duplicated participation or membership
is voided from its page; a duplicated group or project is renamed).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "e4a1f14d0b02"
down_revision: str | Sequence[str] | None = "d4e5a6b7c801"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IMPORTED = sa.text("import_batch_id IS NOT NULL")
OPEN_FACT = sa.text("valid_to IS NULL AND voided_at IS NULL")

# What each new unique index covers: (index, table, columns, where).
UNIQUE: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("uq_community_group_name", "community_group", ("district_code", "name"), "1 = 1"),
    ("uq_project_year_name", "project", ("district_code", "year", "name"), "1 = 1"),
    ("uq_participation_open", "participation", ("project_id", "person_id"), str(OPEN_FACT)),
    ("uq_group_membership_open", "group_membership", ("group_id", "person_id"), str(OPEN_FACT)),
)


def _refuse_duplicates() -> None:
    """Stop the upgrade, naming every duplicated row, before an index would fail obscurely."""
    bind = op.get_bind()
    problems = []
    for _index, table, columns, where in UNIQUE:
        keys = ", ".join(columns)
        rows = bind.execute(
            sa.text(
                f"SELECT {keys}, COUNT(*) AS n, MIN(id) AS first_id, MAX(id) AS last_id "
                f"FROM {table} WHERE {where} GROUP BY {keys} HAVING COUNT(*) > 1"
            )
        ).all()
        for row in rows[:20]:
            problems.append(f"{table} {dict(zip(columns, row, strict=False))}: {row[-3]} rows")
        if len(rows) > 20:
            problems.append(f"{table}: {len(rows) - 20} more duplicated keys")
    if problems:
        raise RuntimeError(
            "duplicate facts must be merged or voided before this upgrade (i14-facts): "
            + "; ".join(problems)
        )


def upgrade() -> None:
    _refuse_duplicates()
    op.drop_index("uq_project_imported_year_name", table_name="project")
    op.drop_index("uq_community_group_imported_name", table_name="community_group")
    for index, table, columns, where in UNIQUE:
        partial = sa.text(where) if where != "1 = 1" else None
        op.create_index(
            index,
            table,
            list(columns),
            unique=True,
            sqlite_where=partial,
            postgresql_where=partial,
        )
    with op.batch_alter_table("activity") as batch:
        batch.add_column(
            sa.Column("unnamed_count", sa.Integer(), nullable=False, server_default="0")
        )
    named = "(SELECT COUNT(*) FROM attendance WHERE attendance.activity_id = activity.id)"
    op.execute(
        f"UPDATE activity SET unnamed_count = CASE WHEN headcount > {named} "
        f"THEN headcount - {named} ELSE 0 END"
    )
    op.execute(f"UPDATE activity SET headcount = unnamed_count + {named}")


def downgrade() -> None:
    with op.batch_alter_table("activity") as batch:
        batch.drop_column("unnamed_count")
    for index, table, _columns, _where in reversed(UNIQUE):
        op.drop_index(index, table_name=table)
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
