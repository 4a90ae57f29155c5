"""People: one row per real person city-wide, with a version history of their details."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from maeul_db.models.base import IdTimestamps, aware_datetime, choice


class Gender(StrEnum):
    female = "F"
    male = "M"
    unstated = "X"


class ConsentScope(StrEnum):
    """What the person agreed to, per the notice they were shown. ``Person.consent_scopes`` is a
    cache of the purposes in force, kept by ``privacy.consent`` from the ``consent`` records."""

    participation = "participation"  # recording their participation (required)
    contact = "contact"  # being contacted about programmes
    research = "research"  # pseudonymised use in analysis


class PersonBase(SQLModel):
    name: str = Field(max_length=100, index=True)
    gender: Gender = choice(1)
    birth_year: int = Field(ge=1900, le=2030, index=True)
    phone: str | None = Field(default=None, max_length=20, index=True)
    email: str | None = Field(default=None, max_length=254, index=True)
    home_dong_code: str | None = Field(default=None, foreign_key="dong.code", max_length=10)


class Person(PersonBase, IdTimestamps, table=True):
    registered_district_code: str = Field(foreign_key="district.code", max_length=5, index=True)
    consent_scopes: str = Field(default="participation", max_length=100)
    consent_at: datetime | None = aware_datetime(default=None)
    consent_notice_version: str | None = Field(default=None, max_length=20)
    # Set when staff merge a duplicate into another person; cleared by an unmerge.
    merged_into_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    version: int = Field(default=1)
    # Set when the person was made anonymous (retention or a deletion request): no name, contact
    # or identity keys remain; their facts stay so counts survive (docs/privacy.md).
    anonymised_at: datetime | None = aware_datetime(default=None)
    # Keyed hashes (HMAC, server key) of the normalised identity keys, so districts can learn
    # "known elsewhere" without reading another district's record (DESIGN-NOTES "Identity").
    key_name_birth_phone: str | None = Field(default=None, max_length=64, index=True)
    key_name_birth_email: str | None = Field(default=None, max_length=64, index=True)
    key_name_birth: str | None = Field(default=None, max_length=64, index=True)
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


class PersonVersion(PersonBase, table=True):
    """The details a person had from ``recorded_at`` until the next version (never updated)."""

    __tablename__ = "person_version"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    version: int
    recorded_at: datetime = aware_datetime()
    recorded_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    # "change" = the person's details changed; "correction" = the earlier value was entered wrongly.
    reason: str = Field(default="change", max_length=20)
