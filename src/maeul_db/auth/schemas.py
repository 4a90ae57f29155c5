"""Account and token schemas."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from maeul_db.models import Role


class UserCreate(SQLModel):
    username: str = Field(min_length=3, max_length=60, regex=r"^[A-Za-z0-9_.\-]+$")
    # The length and the rest of the policy are checked by the service, in Korean (passwords.py).
    password: str = Field(max_length=200)
    role: Role
    district_code: str | None = Field(default=None, regex=r"^11\d{3}$")
    person_id: int | None = None
    display_name: str | None = Field(default=None, max_length=100)


class UserPublic(SQLModel):
    id: int
    username: str
    role: Role
    district_code: str | None
    person_id: int | None
    display_name: str | None


class Token(SQLModel):
    access_token: str
    token_type: str = "bearer"


class PasswordChange(SQLModel):
    """Self-service: the current password and the new one twice (policy checked by the service)."""

    current_password: str = Field(max_length=200)
    new_password: str = Field(max_length=200)
    new_password_confirm: str = Field(max_length=200)
