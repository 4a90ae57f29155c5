"""Staff, expert and analyst accounts."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import CheckConstraint
from sqlmodel import Field

from maeul_db.models.base import IdTimestamps, choice


class Role(StrEnum):
    city_admin = "city_admin"
    district_staff = "district_staff"
    expert = "expert"
    analyst = "analyst"


class UserAccount(IdTimestamps, table=True):
    __tablename__ = "user_account"
    __table_args__ = (
        # District staff belong to exactly one district; nobody else is tied to one.
        CheckConstraint(
            "(role = 'district_staff') = (district_code IS NOT NULL)", name="staff_has_district"
        ),
        CheckConstraint("role <> 'expert' OR person_id IS NOT NULL", name="expert_has_person"),
    )

    username: str = Field(max_length=60, unique=True)
    password_hash: str = Field(max_length=200)
    role: Role = choice(20)
    district_code: str | None = Field(default=None, foreign_key="district.code", max_length=5)
    person_id: int | None = Field(default=None, foreign_key="person.id")
    display_name: str | None = Field(default=None, max_length=100)
    is_active: bool = True
