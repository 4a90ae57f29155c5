"""The request lists as spreadsheet rows (headers first), for the pages' xlsx downloads: the same
rows, scope and access logging as the list pages (``views``)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from maeul_db.models import ConsultingStatus, TrainingRequestStatus, UserAccount
from maeul_db.support_requests import views
from maeul_db.wording import label


def _header(*codes: str) -> list[Any]:
    return [label("support_column", code) for code in codes]


def training_sheet(
    session: Session, *, user: UserAccount, status: TrainingRequestStatus | None = None
) -> list[list[Any]]:
    """Training requests in scope: number, applicant, programme, status (names logged)."""
    rows, _ = views.training_rows(session, user=user, status=status)
    body: list[list[Any]] = [
        [
            r.request.id,
            r.person_name,
            r.program_name,
            label("training_request_status", r.request.status),
        ]
        for r in rows
    ]
    return [_header("id", "person", "programme", "status"), *body]


def consulting_sheet(
    session: Session, *, user: UserAccount, status: ConsultingStatus | None = None
) -> list[list[Any]]:
    """Consulting requests in scope: number, group, topic, status (no person is named)."""
    rows, _ = views.consulting_rows(session, user=user, status=status)
    body: list[list[Any]] = [
        [r.request.id, r.group_name, r.request.topic, label("consulting_status", r.request.status)]
        for r in rows
    ]
    return [_header("id", "group", "topic", "status"), *body]
