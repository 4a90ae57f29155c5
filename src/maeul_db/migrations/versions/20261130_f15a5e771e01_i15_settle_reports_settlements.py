"""i15-settle: result reports, settlements, attachments, non-cash contributions and their rules

Revision ID: f15a5e771e01
Revises: f15a0c1a9e01
Create Date: 2026-11-30 12:07:19

One result report and one settlement per project, their state changes, the attachments (kept in
the database, docs/decisions.md), the non-cash rules by year (seeded with the plan's recognised
share, 10% of the grant in 2018 rising to 50% in 2022) and the project's 보탬e status.
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "f15a5e771e01"
down_revision: str | Sequence[str] | None = "f15a0c1a9e01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "noncash_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("effective_year", sa.Integer(), nullable=False),
        sa.Column("volunteer_hourly_krw", sa.Integer(), nullable=False),
        sa.Column("professional_hourly_cap_krw", sa.Integer(), nullable=False),
        sa.Column("recognised_share_pct", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_noncash_rule")),
    )
    with op.batch_alter_table("noncash_rule", schema=None) as batch_op:
        batch_op.create_index("uq_noncash_rule_year", ["effective_year"], unique=True)

    op.create_table(
        "result_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("figures", sa.JSON(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_result_report_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_result_report_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_result_report")),
    )
    with op.batch_alter_table("result_report", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_result_report_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index("uq_result_report_project", ["project_id"], unique=True)

    op.create_table(
        "settlement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("interest_krw", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_settlement_district_code_district")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_settlement_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settlement")),
    )
    with op.batch_alter_table("settlement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_settlement_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index("uq_settlement_project", ["project_id"], unique=True)

    op.create_table(
        "settlement_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.Column("subject", sa.String(length=20), nullable=False),
        sa.Column("from_state", sa.String(length=20), nullable=False),
        sa.Column("to_state", sa.String(length=20), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["user_account.id"],
            name=op.f("fk_settlement_event_actor_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_settlement_event_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_settlement_event_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settlement_event")),
    )
    with op.batch_alter_table("settlement_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_settlement_event_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_settlement_event_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "stored_attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_stored_attachment_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_stored_attachment_project_id_project")
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"],
            ["user_account.id"],
            name=op.f("fk_stored_attachment_uploaded_by_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stored_attachment")),
    )
    with op.batch_alter_table("stored_attachment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stored_attachment_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stored_attachment_project_id"), ["project_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_stored_attachment_sha256"), ["sha256"], unique=False)

    op.create_table(
        "noncash_contribution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("settlement_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("hours", sa.Numeric(precision=8, scale=2), nullable=True),
        sa.Column("rate_krw", sa.Integer(), nullable=True),
        sa.Column("appraised_krw", sa.Integer(), nullable=True),
        sa.Column("value_krw", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("rule_year", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_noncash_contribution_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"],
            ["noncash_rule.id"],
            name=op.f("fk_noncash_contribution_rule_id_noncash_rule"),
        ),
        sa.ForeignKeyConstraint(
            ["settlement_id"],
            ["settlement.id"],
            name=op.f("fk_noncash_contribution_settlement_id_settlement"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_noncash_contribution")),
    )
    with op.batch_alter_table("noncash_contribution", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_noncash_contribution_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_noncash_contribution_settlement_id"), ["settlement_id"], unique=False
        )

    op.create_table(
        "settlement_budget_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("settlement_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.String(length=20), nullable=False),
        sa.Column("planned_krw", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["settlement_id"],
            ["settlement.id"],
            name=op.f("fk_settlement_budget_line_settlement_id_settlement"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settlement_budget_line")),
    )
    with op.batch_alter_table("settlement_budget_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_settlement_budget_line_settlement_id"), ["settlement_id"], unique=False
        )
        batch_op.create_index("uq_settlement_budget_line", ["settlement_id", "line"], unique=True)

    op.create_table(
        "settlement_expense",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("settlement_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.Column("spent_on", sa.Date(), nullable=False),
        sa.Column("payee", sa.String(length=200), nullable=False),
        sa.Column("line", sa.String(length=20), nullable=False),
        sa.Column("amount_krw", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.String(length=20), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["stored_attachment.id"],
            name=op.f("fk_settlement_expense_attachment_id_stored_attachment"),
        ),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_settlement_expense_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["settlement_id"],
            ["settlement.id"],
            name=op.f("fk_settlement_expense_settlement_id_settlement"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settlement_expense")),
    )
    with op.batch_alter_table("settlement_expense", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_settlement_expense_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_settlement_expense_settlement_id"), ["settlement_id"], unique=False
        )

    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.add_column(sa.Column("botame_status", sa.String(length=20), nullable=True))
    _seed_rules()


# The plan's yearly recognised share (10% -> 50% of the grant, 2018-2022); the volunteer rate is
# that year's legal minimum wage; professional services are capped at 50,000 won an hour.
RULES = [
    (2018, 7530, 50000, 10),
    (2019, 8350, 50000, 20),
    (2020, 8590, 50000, 30),
    (2021, 8720, 50000, 40),
    (2022, 9160, 50000, 50),
]


def _seed_rules() -> None:
    table = sa.table(
        "noncash_rule",
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("effective_year", sa.Integer()),
        sa.column("volunteer_hourly_krw", sa.Integer()),
        sa.column("professional_hourly_cap_krw", sa.Integer()),
        sa.column("recognised_share_pct", sa.Integer()),
        sa.column("note", sa.String(200)),
    )
    now = datetime(2026, 11, 30, tzinfo=UTC)
    op.bulk_insert(
        table,
        [
            {
                "created_at": now,
                "updated_at": now,
                "effective_year": year,
                "volunteer_hourly_krw": volunteer,
                "professional_hourly_cap_krw": cap,
                "recognised_share_pct": share,
                "note": "plan 2018-2022",
            }
            for year, volunteer, cap, share in RULES
        ],
    )


def downgrade() -> None:

    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_column("botame_status")

    with op.batch_alter_table("settlement_expense", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_settlement_expense_settlement_id"))
        batch_op.drop_index(batch_op.f("ix_settlement_expense_district_code"))

    op.drop_table("settlement_expense")
    with op.batch_alter_table("settlement_budget_line", schema=None) as batch_op:
        batch_op.drop_index("uq_settlement_budget_line")
        batch_op.drop_index(batch_op.f("ix_settlement_budget_line_settlement_id"))

    op.drop_table("settlement_budget_line")
    with op.batch_alter_table("noncash_contribution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_noncash_contribution_settlement_id"))
        batch_op.drop_index(batch_op.f("ix_noncash_contribution_district_code"))

    op.drop_table("noncash_contribution")
    with op.batch_alter_table("stored_attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stored_attachment_sha256"))
        batch_op.drop_index(batch_op.f("ix_stored_attachment_project_id"))
        batch_op.drop_index(batch_op.f("ix_stored_attachment_district_code"))

    op.drop_table("stored_attachment")
    with op.batch_alter_table("settlement_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_settlement_event_project_id"))
        batch_op.drop_index(batch_op.f("ix_settlement_event_district_code"))

    op.drop_table("settlement_event")
    with op.batch_alter_table("settlement", schema=None) as batch_op:
        batch_op.drop_index("uq_settlement_project")
        batch_op.drop_index(batch_op.f("ix_settlement_district_code"))

    op.drop_table("settlement")
    with op.batch_alter_table("result_report", schema=None) as batch_op:
        batch_op.drop_index("uq_result_report_project")
        batch_op.drop_index(batch_op.f("ix_result_report_district_code"))

    op.drop_table("result_report")
    with op.batch_alter_table("noncash_rule", schema=None) as batch_op:
        batch_op.drop_index("uq_noncash_rule_year")

    op.drop_table("noncash_rule")
