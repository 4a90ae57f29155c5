"""The staff home's work queue: what waits for the district's staff (issue 14), each a count and a
link, all scoped by ``core.scope.district_scoped`` (the city admin: every district).

- duplicates: open review candidates (``/identity/candidates``);
- rejected_imports: committed imports that left rows out (``/imports``, where the rejected rows
  download again);
- placements_ending, new_deal_ending: expert placements and New Deal jobs whose 종료일 falls
  within the next ``ENDING_DAYS`` days (Seoul calendar);
- careers_unverified: careers waiting for verification (only verified ones print on a
  certificate);
- enrolments_without_attendance: enrolments not withdrawn with no module attendance recorded.

The lists behind the last four are :func:`items` (``/work/{kind}``), access-logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import exists, func
from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped
from maeul_db.errors import NotFound
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page, paginate
from maeul_db.models import (
    Career,
    Dong,
    Enrolment,
    ExpertPlacement,
    ImportBatch,
    ImportStatus,
    JobType,
    MatchStatus,
    ModuleAttendance,
    Person,
    PersonMatchCandidate,
    TrainingProgram,
    UserAccount,
)

ENDING_DAYS = 60
# Queue kinds in the order the home page lists them.
KINDS = (
    "duplicates",
    "rejected_imports",
    "placements_ending",
    "new_deal_ending",
    "careers_unverified",
    "enrolments_without_attendance",
)
# Kinds whose list lives on a page of its own already.
LINKS = {"duplicates": "/identity/candidates", "rejected_imports": "/imports"}


@dataclass(frozen=True)
class QueueItem:
    kind: str
    count: int
    link: str


@dataclass(frozen=True)
class QueueRow:
    """One thing to do: whose, what, and the day that matters (start, or 종료일)."""

    person_id: int
    person_name: str
    title: str
    on: date | None


def _ending_window(model: Any, today: date) -> Any:
    # valid_to is exclusive: the 종료일 (valid_to - 1) lies in [today, today + ENDING_DAYS].
    return (
        col(model.valid_to).is_not(None)
        & (col(model.valid_to) > today)
        & (col(model.valid_to) <= today + timedelta(days=ENDING_DAYS + 1))
        & col(model.voided_at).is_(None)
    )


def _statement(kind: str, user: UserAccount, today: date) -> Any:
    """The scoped ``SELECT`` of the rows behind ``kind``."""
    if kind == "duplicates":
        return district_scoped(PersonMatchCandidate, user).where(
            PersonMatchCandidate.status == MatchStatus.open
        )
    if kind == "rejected_imports":
        return district_scoped(ImportBatch, user).where(
            col(ImportBatch.rejected) > 0, ImportBatch.status == ImportStatus.committed
        )
    if kind == "placements_ending":
        return district_scoped(ExpertPlacement, user).where(_ending_window(ExpertPlacement, today))
    if kind == "new_deal_ending":
        return district_scoped(Career, user).where(
            Career.job_type == JobType.new_deal, _ending_window(Career, today)
        )
    if kind == "careers_unverified":
        return district_scoped(Career, user).where(
            col(Career.verified_at).is_(None), col(Career.voided_at).is_(None)
        )
    if kind == "enrolments_without_attendance":
        attended = exists().where(col(ModuleAttendance.enrolment_id) == col(Enrolment.id))
        return district_scoped(Enrolment, user).where(
            col(Enrolment.withdrawn_on).is_(None), ~attended
        )
    raise NotFound("work.unknown_kind")


def _count(session: Session, stmt: Any) -> int:
    return int(session.exec(select(func.count()).select_from(stmt.subquery())).one())


def work_queue(session: Session, *, user: UserAccount) -> list[QueueItem]:
    """Every queue kind with its count and link (counts only: nothing personal, nothing logged)."""
    policies.require_fact_logger(user)
    today = clock.today()
    return [
        QueueItem(
            kind, _count(session, _statement(kind, user, today)), LINKS.get(kind, f"/work/{kind}")
        )
        for kind in KINDS
    ]


def _row(session: Session, kind: str, row: Any, names: dict[int, str]) -> QueueRow:
    if kind == "enrolments_without_attendance":
        program = session.get(TrainingProgram, row.program_id)
        title, on = (program.name if program else ""), row.enrolled_on
    elif kind == "placements_ending":
        dong = session.get(Dong, row.dong_code)
        title, on = (dong.name_ko if dong else ""), clock.last_day_from_valid_to(row.valid_to)
    else:
        title = row.employer
        on = clock.last_day_from_valid_to(row.valid_to) if row.valid_to else row.valid_from
    return QueueRow(row.person_id, names.get(row.person_id, ""), title, on)


def items(
    session: Session, *, user: UserAccount, kind: str, page: Page
) -> tuple[list[QueueRow], int]:
    """The rows behind one person-level queue kind, with the people's names: access-logged."""
    policies.require_fact_logger(user)
    if kind not in KINDS or kind in LINKS:
        raise NotFound("work.unknown_kind")
    model: Any = {
        "placements_ending": ExpertPlacement,
        "new_deal_ending": Career,
        "careers_unverified": Career,
        "enrolments_without_attendance": Enrolment,
    }[kind]
    rows, count = paginate(
        session, _statement(kind, user, clock.today()), page=page, order_by=col(model.id)
    )
    ids = sorted({r.person_id for r in rows})
    names = {
        p.id: p.name
        for p in session.exec(select(Person).where(col(Person.id).in_(ids))).all()
        if p.id is not None
    }
    access_log.record(session, actor=user, action="work.items", person_ids=ids)
    return [_row(session, kind, r, names) for r in rows], count
