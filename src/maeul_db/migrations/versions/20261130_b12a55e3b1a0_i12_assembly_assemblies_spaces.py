"""i12-assembly: general assemblies, autonomy plans and agenda items; community spaces, their
operators and the districts' village networks with member groups over time

Revision ID: b12a55e3b1a0
Revises: c12c0c115e01
Create Date: 2026-11-30 12:07:07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "b12a55e3b1a0"
down_revision: str | Sequence[str] | None = "c12c0c115e01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "village_network",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("founded_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_village_network_district_code_district"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_village_network")),
        sa.UniqueConstraint("district_code", name=op.f("uq_village_network_district_code")),
    )
    op.create_table(
        "community_space",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.Column("dong_code", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_community_space_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["dong_code"], ["dong.code"], name=op.f("fk_community_space_dong_code_dong")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_space")),
    )
    with op.batch_alter_table("community_space", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_community_space_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_community_space_dong_code"), ["dong_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_community_space_valid_from"), ["valid_from"], unique=False
        )

    op.create_table(
        "network_member",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("network_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_network_member_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_group.id"],
            name=op.f("fk_network_member_group_id_community_group"),
        ),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["village_network.id"],
            name=op.f("fk_network_member_network_id_village_network"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_member")),
    )
    with op.batch_alter_table("network_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_network_member_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_network_member_group_id"), ["group_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_network_member_network_id"), ["network_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_network_member_valid_from"), ["valid_from"], unique=False
        )

    op.create_table(
        "general_assembly",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.Column("dong_code", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("present", sa.Integer(), nullable=False),
        sa.Column("onsite_voters", sa.Integer(), nullable=False),
        sa.Column("prevoters", sa.Integer(), nullable=False),
        sa.Column("adult_population", sa.Integer(), nullable=False),
        sa.Column("population_basis", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("recorded_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_general_assembly_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["dong_code"], ["dong.code"], name=op.f("fk_general_assembly_dong_code_dong")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_general_assembly_recorded_by_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_general_assembly")),
        sa.UniqueConstraint("dong_code", "year", name=op.f("uq_general_assembly_dong_code_year")),
    )
    with op.batch_alter_table("general_assembly", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_general_assembly_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_general_assembly_dong_code"), ["dong_code"], unique=False
        )

    op.create_table(
        "autonomy_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.Column("dong_code", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("assembly_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assembly_id"],
            ["general_assembly.id"],
            name=op.f("fk_autonomy_plan_assembly_id_general_assembly"),
        ),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_autonomy_plan_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["dong_code"], ["dong.code"], name=op.f("fk_autonomy_plan_dong_code_dong")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_autonomy_plan")),
        sa.UniqueConstraint("dong_code", "year", name=op.f("uq_autonomy_plan_dong_code_year")),
    )
    with op.batch_alter_table("autonomy_plan", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_autonomy_plan_assembly_id"), ["assembly_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_autonomy_plan_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_autonomy_plan_dong_code"), ["dong_code"], unique=False)

    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("subcommittee", sa.String(length=100), nullable=True),
        sa.Column("votes_for", sa.Integer(), nullable=True),
        sa.Column("votes_against", sa.Integer(), nullable=True),
        sa.Column("votes_abstain", sa.Integer(), nullable=True),
        sa.Column("budget_source", sa.String(length=20), nullable=True),
        sa.Column("budget_requested_krw", sa.Integer(), nullable=True),
        sa.Column("budget_granted_krw", sa.Integer(), nullable=True),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_agenda_item_district_code_district")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["autonomy_plan.id"], name=op.f("fk_agenda_item_plan_id_autonomy_plan")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_agenda_item_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_item_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agenda_item_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agenda_item_project_id"), ["project_id"], unique=False)

    op.create_table(
        "space_operator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("space_id", sa.Integer(), nullable=False),
        sa.Column("career_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=False),
        sa.ForeignKeyConstraint(
            ["career_id"], ["career.id"], name=op.f("fk_space_operator_career_id_career")
        ),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_space_operator_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["space_id"],
            ["community_space.id"],
            name=op.f("fk_space_operator_space_id_community_space"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_space_operator")),
        sa.UniqueConstraint("career_id", name=op.f("uq_space_operator_career_id")),
    )
    with op.batch_alter_table("space_operator", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_space_operator_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_space_operator_space_id"), ["space_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("space_operator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_space_operator_space_id"))
        batch_op.drop_index(batch_op.f("ix_space_operator_district_code"))

    op.drop_table("space_operator")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_project_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_item_plan_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_item_district_code"))

    op.drop_table("agenda_item")
    with op.batch_alter_table("autonomy_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_autonomy_plan_dong_code"))
        batch_op.drop_index(batch_op.f("ix_autonomy_plan_district_code"))
        batch_op.drop_index(batch_op.f("ix_autonomy_plan_assembly_id"))

    op.drop_table("autonomy_plan")
    with op.batch_alter_table("general_assembly", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_general_assembly_dong_code"))
        batch_op.drop_index(batch_op.f("ix_general_assembly_district_code"))

    op.drop_table("general_assembly")
    with op.batch_alter_table("network_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_network_member_valid_from"))
        batch_op.drop_index(batch_op.f("ix_network_member_network_id"))
        batch_op.drop_index(batch_op.f("ix_network_member_group_id"))
        batch_op.drop_index(batch_op.f("ix_network_member_district_code"))

    op.drop_table("network_member")
    with op.batch_alter_table("community_space", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_community_space_valid_from"))
        batch_op.drop_index(batch_op.f("ix_community_space_dong_code"))
        batch_op.drop_index(batch_op.f("ix_community_space_district_code"))

    op.drop_table("community_space")
    op.drop_table("village_network")
