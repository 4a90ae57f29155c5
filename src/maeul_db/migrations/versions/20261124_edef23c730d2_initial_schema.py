"""initial schema

Revision ID: edef23c730d2
Revises:
Create Date: 2026-11-24 17:18:01.784472

"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "edef23c730d2"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


APPEND_ONLY_TABLES = ("access_log", "audit_log")


def _create_append_only_guards() -> None:
    """The application may append to the logs, never update or delete (DESIGN-NOTES "Logs")."""
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY_TABLES:
        if dialect == "sqlite":
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
        else:
            op.execute(
                f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN RAISE EXCEPTION '{table} is append-only'; END $$"
            )
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
            )


def _drop_append_only_guards() -> None:
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY_TABLES:
        if dialect == "sqlite":
            for verb in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {table}_append_only()")


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "district",
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("name_ko", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("name_en", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("population_korean", sa.Integer(), nullable=True),
        sa.Column("population_foreign", sa.Integer(), nullable=True),
        sa.Column("households", sa.Integer(), nullable=True),
        sa.Column("population_period", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_district")),
        sa.UniqueConstraint("name_ko", name=op.f("uq_district_name_ko")),
    )
    op.create_table(
        "dong",
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("name_ko", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("name_ko_official", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
        sa.Column("name_en", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
        sa.Column("code8", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
        sa.Column("kostat_code", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("population_korean", sa.Integer(), nullable=True),
        sa.Column("population_period", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.Column("population_note", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_dong_district_code_district")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_dong")),
    )
    with op.batch_alter_table("dong", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dong_district_code"), ["district_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_dong_name_ko"), ["name_ko"], unique=False)

    op.create_table(
        "training_program",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("stage", sa.String(length=30), nullable=False),
        sa.Column("min_attendance_percent", sa.Integer(), nullable=False),
        sa.Column("min_hours", sa.Numeric(precision=6, scale=2), nullable=True),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_training_program_district_code_district"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_program")),
        sa.UniqueConstraint("code", name=op.f("uq_training_program_code")),
    )
    op.create_table(
        "community_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("dong_code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.Column("theme", sa.String(length=20), nullable=False),
        sa.Column("founded_on", sa.Date(), nullable=False),
        sa.Column("dissolved_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_community_group_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["dong_code"], ["dong.code"], name=op.f("fk_community_group_dong_code_dong")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_group")),
    )
    with op.batch_alter_table("community_group", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_community_group_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_community_group_name"), ["name"], unique=False)

    op.create_table(
        "dong_succession",
        sa.Column("predecessor_code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("successor_code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["predecessor_code"],
            ["dong.code"],
            name=op.f("fk_dong_succession_predecessor_code_dong"),
        ),
        sa.ForeignKeyConstraint(
            ["successor_code"], ["dong.code"], name=op.f("fk_dong_succession_successor_code_dong")
        ),
        sa.PrimaryKeyConstraint(
            "predecessor_code", "successor_code", name=op.f("pk_dong_succession")
        ),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
        sa.Column("home_dong_code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.Column(
            "registered_district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False
        ),
        sa.Column("consent_scopes", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "consent_notice_version", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True
        ),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["home_dong_code"], ["dong.code"], name=op.f("fk_person_home_dong_code_dong")
        ),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["person.id"], name=op.f("fk_person_merged_into_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["registered_district_code"],
            ["district.code"],
            name=op.f("fk_person_registered_district_code_district"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_birth_year"), ["birth_year"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_email"), ["email"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_merged_into_id"), ["merged_into_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_person_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_phone"), ["phone"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_registered_district_code"),
            ["registered_district_code"],
            unique=False,
        )

    op.create_table(
        "training_module",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("hours", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["training_program.id"],
            name=op.f("fk_training_module_program_id_training_program"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_module")),
    )
    with op.batch_alter_table("training_module", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_module_program_id"), ["program_id"], unique=False
        )

    op.create_table(
        "training_prerequisite",
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("requires_program_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["training_program.id"],
            name=op.f("fk_training_prerequisite_program_id_training_program"),
        ),
        sa.ForeignKeyConstraint(
            ["requires_program_id"],
            ["training_program.id"],
            name=op.f("fk_training_prerequisite_requires_program_id_training_program"),
        ),
        sa.PrimaryKeyConstraint(
            "program_id", "requires_program_id", name=op.f("pk_training_prerequisite")
        ),
    )
    op.create_table(
        "council_seat",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("void_reason", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("dong_code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_council_seat_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["dong_code"], ["dong.code"], name=op.f("fk_council_seat_dong_code_dong")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_council_seat_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_seat")),
    )
    with op.batch_alter_table("council_seat", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_council_seat_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_council_seat_dong_code"), ["dong_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_council_seat_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_council_seat_valid_from"), ["valid_from"], unique=False
        )

    op.create_table(
        "enrolment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.Column("cohort", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("enrolled_on", sa.Date(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_enrolment_district_code_district")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_enrolment_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["training_program.id"],
            name=op.f("fk_enrolment_program_id_training_program"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolment")),
    )
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrolment_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_enrolment_program_id"), ["program_id"], unique=False)

    op.create_table(
        "group_membership",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("void_reason", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_group_membership_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_group.id"],
            name=op.f("fk_group_membership_group_id_community_group"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_group_membership_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_membership")),
    )
    with op.batch_alter_table("group_membership", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_group_membership_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_group_membership_group_id"), ["group_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_group_membership_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_group_membership_valid_from"), ["valid_from"], unique=False
        )

    op.create_table(
        "project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("dong_code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("programme", sa.String(length=30), nullable=False),
        sa.Column("stage", sa.String(length=30), nullable=False),
        sa.Column("grant_krw", sa.Integer(), nullable=False),
        sa.Column("self_cash_krw", sa.Integer(), nullable=False),
        sa.Column("self_noncash_krw", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("botame_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_project_district_code_district")
        ),
        sa.ForeignKeyConstraint(
            ["dong_code"], ["dong.code"], name=op.f("fk_project_dong_code_dong")
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["community_group.id"], name=op.f("fk_project_group_id_community_group")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
    )
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_project_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_project_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_year"), ["year"], unique=False)

    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("password_hash", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("display_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "(role = 'district_staff') = (district_code IS NOT NULL)",
            name=op.f("ck_user_account_staff_has_district"),
        ),
        sa.CheckConstraint(
            "role <> 'expert' OR person_id IS NOT NULL",
            name=op.f("ck_user_account_expert_has_person"),
        ),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_user_account_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_user_account_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("username", name=op.f("uq_user_account_username")),
    )
    op.create_table(
        "access_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_user_id", sa.Integer(), nullable=True),
        sa.Column("actor_username", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("source_address", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.Column("person_ids", sa.Text(), nullable=False),
        sa.Column("prev_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("row_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_user_id"],
            ["user_account.id"],
            name=op.f("fk_access_log_actor_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")),
        sa.UniqueConstraint("row_hash", name=op.f("uq_access_log_row_hash")),
    )
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_access_log_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_access_log_district_code"), ["district_code"], unique=False
        )

    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_activity_district_code_district")
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["community_group.id"], name=op.f("fk_activity_group_id_community_group")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_activity_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_activity_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_project_id"), ["project_id"], unique=False)

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_user_id", sa.Integer(), nullable=True),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("entity", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("entity_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_user_id"],
            ["user_account.id"],
            name=op.f("fk_audit_log_actor_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_log_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_audit_log_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "career",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("void_reason", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("job_type", sa.String(length=30), nullable=False),
        sa.Column("employer", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.Column("dong_code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.Column("hours_per_week", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("verified_by_user_id", sa.Integer(), nullable=True),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_career_district_code_district")
        ),
        sa.ForeignKeyConstraint(
            ["dong_code"], ["dong.code"], name=op.f("fk_career_dong_code_dong")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_career_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["verified_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_career_verified_by_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_career")),
    )
    with op.batch_alter_table("career", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_career_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_career_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_career_valid_from"), ["valid_from"], unique=False)

    op.create_table(
        "certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("verification_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("payload_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("pdf_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("key_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("signature", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_reason", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("superseded_by_id", sa.Integer(), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_certificate_district_code_district")
        ),
        sa.ForeignKeyConstraint(
            ["issued_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_certificate_issued_by_user_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_certificate_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by_id"],
            ["certificate.id"],
            name=op.f("fk_certificate_superseded_by_id_certificate"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate")),
        sa.UniqueConstraint("number", name=op.f("uq_certificate_number")),
    )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_certificate_verification_id"), ["verification_id"], unique=False
        )

    op.create_table(
        "expert_placement",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("void_reason", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("dong_code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("selected_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_expert_placement_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["dong_code"], ["dong.code"], name=op.f("fk_expert_placement_dong_code_dong")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_expert_placement_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["selected_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_expert_placement_selected_by_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expert_placement")),
    )
    with op.batch_alter_table("expert_placement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_expert_placement_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_expert_placement_dong_code"), ["dong_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_expert_placement_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_expert_placement_valid_from"), ["valid_from"], unique=False
        )

    op.create_table(
        "module_attendance",
        sa.Column("enrolment_id", sa.Integer(), nullable=False),
        sa.Column("module_id", sa.Integer(), nullable=False),
        sa.Column("hours_attended", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("attended_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolment.id"],
            name=op.f("fk_module_attendance_enrolment_id_enrolment"),
        ),
        sa.ForeignKeyConstraint(
            ["module_id"],
            ["training_module.id"],
            name=op.f("fk_module_attendance_module_id_training_module"),
        ),
        sa.PrimaryKeyConstraint("enrolment_id", "module_id", name=op.f("pk_module_attendance")),
    )
    op.create_table(
        "participation",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("void_reason", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_participation_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_participation_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_participation_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participation")),
    )
    with op.batch_alter_table("participation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participation_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_participation_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_participation_project_id"), ["project_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_participation_valid_from"), ["valid_from"], unique=False
        )

    op.create_table(
        "person_version",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
        sa.Column("home_dong_code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by_user_id", sa.Integer(), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["home_dong_code"], ["dong.code"], name=op.f("fk_person_version_home_dong_code_dong")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_version_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_person_version_recorded_by_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_version")),
    )
    with op.batch_alter_table("person_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_version_birth_year"), ["birth_year"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_person_version_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_version_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_version_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_person_version_phone"), ["phone"], unique=False)

    op.create_table(
        "training_completion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("enrolment_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolment.id"],
            name=op.f("fk_training_completion_enrolment_id_enrolment"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_training_completion_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["training_program.id"],
            name=op.f("fk_training_completion_program_id_training_program"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_completion")),
        sa.UniqueConstraint("enrolment_id", name=op.f("uq_training_completion_enrolment_id")),
    )
    with op.batch_alter_table("training_completion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_completion_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_training_completion_program_id"), ["program_id"], unique=False
        )

    op.create_table(
        "attendance",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("hours", sa.Numeric(precision=6, scale=2), nullable=True),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_attendance_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_attendance_district_code_district")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_attendance_person_id_person")
        ),
        sa.PrimaryKeyConstraint("activity_id", "person_id", name=op.f("pk_attendance")),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attendance_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_attendance_person_id"), ["person_id"], unique=False)

    _create_append_only_guards()


def downgrade() -> None:
    """Downgrade schema."""
    _drop_append_only_guards()
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_person_id"))
        batch_op.drop_index(batch_op.f("ix_attendance_district_code"))

    op.drop_table("attendance")
    with op.batch_alter_table("training_completion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_completion_program_id"))
        batch_op.drop_index(batch_op.f("ix_training_completion_person_id"))

    op.drop_table("training_completion")
    with op.batch_alter_table("person_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_version_phone"))
        batch_op.drop_index(batch_op.f("ix_person_version_person_id"))
        batch_op.drop_index(batch_op.f("ix_person_version_name"))
        batch_op.drop_index(batch_op.f("ix_person_version_email"))
        batch_op.drop_index(batch_op.f("ix_person_version_birth_year"))

    op.drop_table("person_version")
    with op.batch_alter_table("participation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participation_valid_from"))
        batch_op.drop_index(batch_op.f("ix_participation_project_id"))
        batch_op.drop_index(batch_op.f("ix_participation_person_id"))
        batch_op.drop_index(batch_op.f("ix_participation_district_code"))

    op.drop_table("participation")
    op.drop_table("module_attendance")
    with op.batch_alter_table("expert_placement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_expert_placement_valid_from"))
        batch_op.drop_index(batch_op.f("ix_expert_placement_person_id"))
        batch_op.drop_index(batch_op.f("ix_expert_placement_dong_code"))
        batch_op.drop_index(batch_op.f("ix_expert_placement_district_code"))

    op.drop_table("expert_placement")
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_verification_id"))
        batch_op.drop_index(batch_op.f("ix_certificate_person_id"))

    op.drop_table("certificate")
    with op.batch_alter_table("career", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_career_valid_from"))
        batch_op.drop_index(batch_op.f("ix_career_person_id"))
        batch_op.drop_index(batch_op.f("ix_career_district_code"))

    op.drop_table("career")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_entity_id"))
        batch_op.drop_index(batch_op.f("ix_audit_log_district_code"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_project_id"))
        batch_op.drop_index(batch_op.f("ix_activity_held_on"))
        batch_op.drop_index(batch_op.f("ix_activity_group_id"))
        batch_op.drop_index(batch_op.f("ix_activity_district_code"))

    op.drop_table("activity")
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_access_log_district_code"))
        batch_op.drop_index(batch_op.f("ix_access_log_at"))

    op.drop_table("access_log")
    op.drop_table("user_account")
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_year"))
        batch_op.drop_index(batch_op.f("ix_project_name"))
        batch_op.drop_index(batch_op.f("ix_project_group_id"))
        batch_op.drop_index(batch_op.f("ix_project_district_code"))

    op.drop_table("project")
    with op.batch_alter_table("group_membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_membership_valid_from"))
        batch_op.drop_index(batch_op.f("ix_group_membership_person_id"))
        batch_op.drop_index(batch_op.f("ix_group_membership_group_id"))
        batch_op.drop_index(batch_op.f("ix_group_membership_district_code"))

    op.drop_table("group_membership")
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolment_program_id"))
        batch_op.drop_index(batch_op.f("ix_enrolment_person_id"))

    op.drop_table("enrolment")
    with op.batch_alter_table("council_seat", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_council_seat_valid_from"))
        batch_op.drop_index(batch_op.f("ix_council_seat_person_id"))
        batch_op.drop_index(batch_op.f("ix_council_seat_dong_code"))
        batch_op.drop_index(batch_op.f("ix_council_seat_district_code"))

    op.drop_table("council_seat")
    op.drop_table("training_prerequisite")
    with op.batch_alter_table("training_module", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_module_program_id"))

    op.drop_table("training_module")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_registered_district_code"))
        batch_op.drop_index(batch_op.f("ix_person_phone"))
        batch_op.drop_index(batch_op.f("ix_person_name"))
        batch_op.drop_index(batch_op.f("ix_person_merged_into_id"))
        batch_op.drop_index(batch_op.f("ix_person_email"))
        batch_op.drop_index(batch_op.f("ix_person_birth_year"))

    op.drop_table("person")
    op.drop_table("dong_succession")
    with op.batch_alter_table("community_group", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_community_group_name"))
        batch_op.drop_index(batch_op.f("ix_community_group_district_code"))

    op.drop_table("community_group")
    op.drop_table("training_program")
    with op.batch_alter_table("dong", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dong_name_ko"))
        batch_op.drop_index(batch_op.f("ix_dong_district_code"))

    op.drop_table("dong")
    op.drop_table("district")
