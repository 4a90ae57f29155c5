"""i13-pipa: consent records, rights requests, processing register, destruction ledger, reviews

Revision ID: d13a0c0e5e01
Revises: c7d1e2f3a401
Create Date: 2026-11-30 08:46:47

The former consent columns (``person.consent_scopes``, ``consent_at``, ``consent_notice_version``)
become one ``consent`` row per purpose held (method ``migrated``, given on the Seoul date of
``consent_at``, with its notice version); the columns stay as the cache of purposes in force that
``privacy.consent`` keeps. Downgrading drops the records (the cache still holds the purposes).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "d13a0c0e5e01"
down_revision: str | Sequence[str] | None = "c7d1e2f3a401"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "access_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sqlmodel.sql.sqltypes.AutoString(length=7), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewer_user_id", sa.Integer(), nullable=False),
        sa.Column("flagged", sa.Integer(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.ForeignKeyConstraint(
            ["reviewer_user_id"],
            ["user_account.id"],
            name=op.f("fk_access_review_reviewer_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_review")),
    )
    with op.batch_alter_table("access_review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_access_review_month"), ["month"], unique=False)

    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("notice_version", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("recorded_by_user_id", sa.Integer(), nullable=True),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_consent_district_code_district")
        ),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batch.id"],
            name=op.f("fk_consent_import_batch_id_import_batch"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_consent_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_consent_recorded_by_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_import_batch_id"), ["import_batch_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_consent_person_id"), ["person_id"], unique=False)

    op.create_table(
        "destruction_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rule", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("approved_by_user_id", sa.Integer(), nullable=True),
        sa.Column(
            "approved_by_username", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False
        ),
        sa.Column("person_ids", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approved_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_destruction_entry_approved_by_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_entry")),
    )
    with op.batch_alter_table("destruction_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_destruction_entry_at"), ["at"], unique=False)

    op.create_table(
        "processing_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("recipient", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("dataset", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("dataset_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("destroyed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_processing_record_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_processing_record")),
    )
    with op.batch_alter_table("processing_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_processing_record_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_processing_record_user_id"), ["user_id"], unique=False)

    op.create_table(
        "rights_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("requester", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("verification", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("details", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("extended_to", sa.Date(), nullable=True),
        sa.Column("extension_reason", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.Column("decision_reason", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("how_to_object", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("recorded_by_user_id", sa.Integer(), nullable=True),
        sa.Column("decided_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decided_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_rights_request_decided_by_user_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_rights_request_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_rights_request_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_rights_request_recorded_by_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rights_request")),
    )
    with op.batch_alter_table("rights_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rights_request_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_rights_request_person_id"), ["person_id"], unique=False
        )

    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True))

    _migrate_consents()


def downgrade() -> None:

    with op.batch_alter_table("rights_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rights_request_person_id"))
        batch_op.drop_index(batch_op.f("ix_rights_request_district_code"))

    op.drop_table("rights_request")
    with op.batch_alter_table("processing_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_processing_record_user_id"))
        batch_op.drop_index(batch_op.f("ix_processing_record_at"))

    op.drop_table("processing_record")
    with op.batch_alter_table("destruction_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_destruction_entry_at"))

    op.drop_table("destruction_entry")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_person_id"))
        batch_op.drop_index(batch_op.f("ix_consent_import_batch_id"))

    op.drop_table("consent")
    with op.batch_alter_table("access_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_access_review_month"))

    op.drop_table("access_review")

    # Last: on SQLite the batch copy of ``person`` needs the tables referring to it gone first.
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("anonymised_at")


PURPOSES = ("participation", "contact", "research")


def _migrate_consents() -> None:
    """One ``consent`` row per purpose each person holds in the old comma-separated column."""
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        given_on = "(consent_at AT TIME ZONE 'Asia/Seoul')::date"
    else:  # SQLite keeps UTC text; the Seoul date is nine hours on
        given_on = "date(consent_at, '+9 hours')"
    for purpose in PURPOSES:
        op.execute(
            sa.text(
                "INSERT INTO consent (created_at, updated_at, person_id, purpose, notice_version, "
                "method, given_on, district_code) "
                f"SELECT CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, id, :purpose, "
                f"consent_notice_version, 'migrated', {given_on}, registered_district_code "
                "FROM person WHERE ',' || consent_scopes || ',' LIKE :pattern"
            ).bindparams(purpose=purpose, pattern=f"%,{purpose},%")
        )
