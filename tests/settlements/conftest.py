"""A district A project with a grant, the staff of its district and the city admin."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlmodel import Session

from maeul_db.models import Project, Role, UserAccount
from tests.builders import make_project, make_user


@dataclass
class Desk:
    staff: UserAccount
    admin: UserAccount
    project: Project

    @property
    def pid(self) -> int:
        assert self.project.id is not None
        return self.project.id


@pytest.fixture
def desk(session: Session) -> Desk:
    project = make_project(session, name="골목정원 가꾸기", year=2019, grant_krw=3_000_000)
    return Desk(
        staff=make_user(session),
        admin=make_user(session, role=Role.city_admin),
        project=project,
    )
