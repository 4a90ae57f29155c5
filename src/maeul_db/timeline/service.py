"""Build a person's timeline from every fact table, within what the user may see."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.analytics import ladder
from maeul_db.analytics.queries import ladder_facts
from maeul_db.identity.merges import merged_ids
from maeul_db.models import (
    Activity,
    Attendance,
    Career,
    CouncilSeat,
    Enrolment,
    ExpertPlacement,
    Group,
    GroupMembership,
    Participation,
    Project,
    Role,
    TrainingCompletion,
    TrainingProgram,
    UserAccount,
)
from maeul_db.participants import service as participant_service
from maeul_db.participants.visibility import PersonView, person_view
from maeul_db.timeline.schemas import Rung, TimelineEvent, TimelinePublic


def _scope(user: UserAccount, person_id: int) -> str | None:
    """The district whose facts the user may see, or None for all of them."""
    if user.role == Role.city_admin or (user.role == Role.expert and user.person_id == person_id):
        return None
    return user.district_code


def _where_district(stmt: Any, column: Any, district: str | None) -> Any:
    return stmt if district is None else stmt.where(column == district)


def _participations(
    session: Session, person_ids: list[int], district: str | None
) -> list[TimelineEvent]:
    stmt = (
        select(Participation, Project)
        .join(Project, col(Project.id) == Participation.project_id)
        .where(col(Participation.person_id).in_(person_ids), col(Participation.voided_at).is_(None))
    )
    stmt = _where_district(stmt, Participation.district_code, district)
    return [
        TimelineEvent(
            on=p.valid_from,
            until=p.valid_to,
            kind="participation",
            title=f"{pr.year} {pr.name}",
            role=p.role,
            district_code=p.district_code,
        )
        for p, pr in session.exec(stmt).all()
    ]


def _memberships(
    session: Session, person_ids: list[int], district: str | None
) -> list[TimelineEvent]:
    stmt = (
        select(GroupMembership, Group)
        .join(Group, col(Group.id) == GroupMembership.group_id)
        .where(
            col(GroupMembership.person_id).in_(person_ids), col(GroupMembership.voided_at).is_(None)
        )
    )
    stmt = _where_district(stmt, GroupMembership.district_code, district)
    return [
        TimelineEvent(
            on=m.valid_from,
            until=m.valid_to,
            kind="membership",
            title=g.name,
            role=m.role,
            district_code=m.district_code,
        )
        for m, g in session.exec(stmt).all()
    ]


def _attendance(
    session: Session, person_ids: list[int], district: str | None
) -> list[TimelineEvent]:
    stmt = (
        select(Attendance, Activity)
        .join(Activity, col(Activity.id) == Attendance.activity_id)
        .where(col(Attendance.person_id).in_(person_ids))
    )
    stmt = _where_district(stmt, Attendance.district_code, district)
    return [
        TimelineEvent(
            on=a.held_on,
            kind="attendance",
            title=a.title,
            role=a.kind,
            district_code=att.district_code,
        )
        for att, a in session.exec(stmt).all()
    ]


def _training(session: Session, person_ids: list[int], district: str | None) -> list[TimelineEvent]:
    stmt = (
        select(TrainingCompletion, TrainingProgram, Enrolment)
        .join(TrainingProgram, col(TrainingProgram.id) == TrainingCompletion.program_id)
        .join(Enrolment, col(Enrolment.id) == TrainingCompletion.enrolment_id)
        .where(col(TrainingCompletion.person_id).in_(person_ids))
    )
    stmt = _where_district(stmt, Enrolment.district_code, district)
    return [
        TimelineEvent(
            on=c.completed_on,
            kind="training",
            title=p.name,
            role=p.stage,
            district_code=e.district_code,
        )
        for c, p, e in session.exec(stmt).all()
    ]


def _intervals(
    session: Session, person_ids: list[int], district: str | None
) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    for model, kind in (
        (CouncilSeat, "council_seat"),
        (Career, "career"),
        (ExpertPlacement, "placement"),
    ):
        stmt = select(model).where(
            col(model.person_id).in_(person_ids), col(model.voided_at).is_(None)
        )
        stmt = _where_district(stmt, model.district_code, district)
        for row in session.exec(stmt).all():
            title = getattr(row, "employer", None) or getattr(row, "dong_code", None) or kind
            role = getattr(row, "role", None) or getattr(row, "job_type", None)
            if kind == "career" and row.verified_at is None:
                title = f"{title} (self-reported)"
            events.append(
                TimelineEvent(
                    on=row.valid_from,
                    until=row.valid_to,
                    kind=kind,
                    title=str(title),
                    role=role,
                    district_code=row.district_code,
                )
            )
    return events


# The timeline event kinds that can carry each rung's mark (a rung reached through a fact the
# timeline does not list, e.g. a certificate, is named in ``rungs`` without a marked event).
RUNG_EVENTS: dict[Rung, tuple[str, ...]] = {
    Rung.participant: ("participation",),
    Rung.repeat_participant: ("participation",),
    Rung.lead_proposer: ("participation",),
    Rung.higher_stage: ("participation",),
    Rung.council_or_space: ("council_seat", "career"),
    Rung.trained_expert: ("training",),
    Rung.placed_expert: ("placement", "career"),
}


def mark_rungs(events: list[TimelineEvent], days: list[date | None]) -> list[Rung]:
    """The rungs reached (``days`` as from ``ladder.reached``), lowest first; each marks the first
    unmarked event of its kind on the day it was reached."""
    reached: list[Rung] = []
    for index, day in enumerate(days):
        if day is None or index == 0:
            continue
        rung = Rung(ladder.RUNGS[index])
        reached.append(rung)
        kinds = RUNG_EVENTS.get(rung, ())
        event = next(
            (e for e in events if e.on == day and e.kind in kinds and e.reached is None), None
        )
        if event is not None:
            event.reached = rung
    return reached


def _ladder_days(session: Session, person_id: int, district: str | None) -> list[date | None]:
    """The day the person reached each rung, from the ladder's own facts in the same scope."""
    facts = ladder_facts(session, end=date.max, district_code=district, person_id=person_id)
    return ladder.reached(facts).get(person_id, [None] * len(ladder.RUNGS))


def timeline(session: Session, *, user: UserAccount, person_id: int) -> TimelinePublic:
    """A person's timeline, shown: recorded in the access log."""
    return person_timeline(session, user=user, person_id=person_id)[1]


def person_timeline(
    session: Session, *, user: UserAccount, person_id: int
) -> tuple[PersonView, TimelinePublic]:
    """A person's details (as ``person_view`` shows them) and timeline (the person page), logged
    once as one read."""
    person = participant_service.get(session, user=user, person_id=person_id)
    result = _build(session, user=user, person_id=person_id)
    access_log.record(session, actor=user, action="timeline.read", person_ids=[person_id])
    return person_view(user, person), result


def _build(session: Session, *, user: UserAccount, person_id: int) -> TimelinePublic:
    district = _scope(user, person_id)
    # A survivor of a merge owns the merged-away duplicates' facts (identity/merges.py).
    person_ids = merged_ids(session, person_id)
    events = (
        _participations(session, person_ids, district)
        + _memberships(session, person_ids, district)
        + _attendance(session, person_ids, district)
        + _training(session, person_ids, district)
        + _intervals(session, person_ids, district)
    )
    order = {
        "participation": 0,
        "membership": 1,
        "council_seat": 2,
        "training": 3,
        "placement": 4,
        "career": 5,
        "attendance": 6,
    }
    events.sort(key=lambda e: (e.on, order.get(e.kind, 9), e.title))
    rungs = mark_rungs(events, _ladder_days(session, person_id, district))
    return TimelinePublic(
        person_id=person_id, events=events, rungs=rungs, partial=district is not None
    )
