"""Person schemas: create, update, public view, version history."""

from __future__ import annotations

from datetime import datetime

from pydantic import field_validator
from sqlmodel import Field, SQLModel

from maeul_db.kit.patch import PatchSchema
from maeul_db.kit.schemas import InputSchema
from maeul_db.kit.text import normalize_email, normalize_name, normalize_phone
from maeul_db.models import Gender, ParticipationRole


class _Normalised(InputSchema):
    @field_validator("name", check_fields=False)
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        return normalize_name(value) if value is not None else None

    @field_validator("phone", check_fields=False)
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        return normalize_phone(value)

    @field_validator("email", check_fields=False)
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return normalize_email(value)


class PersonCreate(_Normalised):
    name: str = Field(min_length=1, max_length=100)
    gender: Gender
    birth_year: int = Field(ge=1900, le=2030)
    phone: str | None = None
    email: str | None = None
    home_dong_code: str | None = Field(default=None, regex=r"^11\d{8}$")
    # Only the city admin chooses; district staff always register into their own district.
    registered_district_code: str | None = Field(default=None, regex=r"^11\d{3}$")
    consent_scopes: list[str] = Field(default_factory=lambda: ["participation"])
    consent_notice_version: str | None = Field(default=None, max_length=20)


class PeopleFilter(SQLModel):
    """Search filters beside the name/phone text: birth year, home dong, a group of the user's
    district (members), a participation role held in the user's district."""

    birth_year: int | None = Field(default=None, ge=1900, le=2030)
    dong_code: str | None = Field(default=None, regex=r"^11\d{8}$")
    group_id: int | None = Field(default=None, ge=1)
    role: ParticipationRole | None = None


class PersonUpdate(_Normalised, PatchSchema):
    NOT_NULL = ("name", "gender", "birth_year", "reason")

    name: str | None = Field(default=None, min_length=1, max_length=100)
    gender: Gender | None = None
    birth_year: int | None = Field(default=None, ge=1900, le=2030)
    phone: str | None = None
    email: str | None = None
    home_dong_code: str | None = Field(default=None, regex=r"^11\d{8}$")
    # "change": the details changed; "correction": the earlier value was wrong.
    reason: str = Field(default="change", regex=r"^(change|correction)$")


class PersonPublic(SQLModel):
    id: int
    name: str
    gender: Gender
    birth_year: int
    phone: str | None
    email: str | None
    home_dong_code: str | None
    registered_district_code: str
    version: int
    # True when phone, e-mail and home dong were withheld (a person registered in another
    # district who has not consented to be contacted; docs/privacy.md), not merely empty.
    contact_hidden: bool = False


class PersonRegisteredPublic(PersonPublic):
    """``POST /api/people``: the person and how the registration was resolved
    (``identity.entry``): created, existing (already in your district, nothing written) or
    attached (known elsewhere, now visible to your district without that district's facts)."""

    resolution: str
    resolution_label: str
    review_candidate_ids: list[int] = []


class PeoplePublic(SQLModel):
    data: list[PersonPublic]
    count: int


class PersonVersionPublic(SQLModel):
    version: int
    recorded_at: datetime
    reason: str
    name: str
    gender: Gender
    birth_year: int
    phone: str | None
    email: str | None
    home_dong_code: str | None
