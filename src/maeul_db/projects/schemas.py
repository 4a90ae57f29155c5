"""Project and participation schemas."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from maeul_db.kit.patch import PatchSchema
from maeul_db.kit.schemas import InputSchema
from maeul_db.models import BotameStatus, ParticipationRole, Programme, Stage


class ProjectCreate(InputSchema):
    name: str = Field(min_length=1, max_length=200)
    year: int = Field(ge=2000, le=2100)
    district_code: str | None = Field(default=None, regex=r"^11\d{3}$")
    dong_code: str | None = Field(default=None, regex=r"^11\d{8}$")
    group_id: int | None = None
    programme: Programme = Programme.village_community
    stage: Stage = Stage.group_formation
    grant_krw: int = Field(default=0, ge=0)
    self_cash_krw: int = Field(default=0, ge=0)
    self_noncash_krw: int = Field(default=0, ge=0)


class ProjectUpdate(PatchSchema):
    NOT_NULL = ("name", "programme", "stage", "grant_krw", "self_cash_krw", "self_noncash_krw")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    dong_code: str | None = Field(default=None, regex=r"^11\d{8}$")
    programme: Programme | None = None
    stage: Stage | None = None
    grant_krw: int | None = Field(default=None, ge=0)
    self_cash_krw: int | None = Field(default=None, ge=0)
    self_noncash_krw: int | None = Field(default=None, ge=0)
    botame_id: str | None = Field(default=None, max_length=40)
    botame_status: BotameStatus | None = None


class ProjectPublic(SQLModel):
    id: int
    name: str
    year: int
    district_code: str
    dong_code: str | None
    group_id: int | None
    programme: Programme
    stage: Stage
    grant_krw: int
    self_cash_krw: int
    self_noncash_krw: int
    botame_id: str | None = None
    botame_status: BotameStatus | None = None


class ProjectsPublic(SQLModel):
    data: list[ProjectPublic]
    count: int


class ParticipationCreate(InputSchema):
    person_id: int
    role: ParticipationRole = ParticipationRole.participant
    valid_from: date
    valid_to: date | None = None


class ParticipationPublic(SQLModel):
    id: int
    project_id: int
    person_id: int
    role: ParticipationRole
    valid_from: date
    valid_to: date | None
    voided_at: datetime | None = None
    void_reason: str | None = None


class ParticipationRoleChange(InputSchema):
    """A new role from ``on``: the participation ends the day before and the next one opens."""

    role: ParticipationRole
    on: date


class IntervalClose(InputSchema):
    valid_to: date


class VoidRequest(InputSchema):
    reason: str = Field(min_length=1, max_length=200)
