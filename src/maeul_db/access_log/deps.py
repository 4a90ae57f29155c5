"""A per-request recorder: routes that show personal data call ``record(action, person_ids)``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from maeul_db.access_log import service
from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.models import UserAccount


@dataclass
class AccessRecorder:
    session: Session
    user: UserAccount
    source_address: str | None

    def record(self, action: str, person_ids: list[int], purpose: str | None = None) -> None:
        service.record(
            self.session,
            actor=self.user,
            action=action,
            person_ids=person_ids,
            source_address=self.source_address,
            purpose=purpose,
        )


def source_address(request: Request) -> str | None:
    return request.client.host if request.client else None


def get_recorder(request: Request, session: SessionDep, user: CurrentUser) -> AccessRecorder:
    return AccessRecorder(session, user, source_address(request))


RecorderDep = Annotated[AccessRecorder, Depends(get_recorder)]
