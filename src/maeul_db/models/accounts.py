"""Staff, expert and analyst accounts."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from maeul_db.kit.time import utcnow
from maeul_db.models.base import IdTimestamps, aware_datetime, choice


class Role(StrEnum):
    city_admin = "city_admin"
    district_staff = "district_staff"
    expert = "expert"
    analyst = "analyst"
    group_rep = "group_rep"  # 모임 대표: sees only the groups linked to the account


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
    # Carried by every session cookie and bearer token; bumping it (logout, password change,
    # disabling) ends all of them at once.
    session_version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # The last successful login (web form or token), shown on the accounts page.
    last_login_at: datetime | None = aware_datetime(default=None)


class LoginFailure(SQLModel, table=True):
    """One failed login, for throttling across workers (auth.throttle); old rows are pruned."""

    __tablename__ = "login_failure"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = aware_datetime(default_factory=utcnow, index=True)
    username: str = Field(max_length=200, index=True)
    source_address: str = Field(max_length=60, index=True)
