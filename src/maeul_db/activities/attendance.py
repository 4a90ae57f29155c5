"""Who attended an activity: add, remove (void) and fix hours, with the headcount derived.

An activity's ``headcount`` is always its named attendees plus ``unnamed_count`` (people who came
without being named): every change here recounts it, so the two can never disagree. Taking a
person off the sheet is a void (they never attended): the row goes, the audit log keeps it with the
reason. An attendance has no "end": it is a single day's fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.activities import service as activity_service
from maeul_db.activities.schemas import ActivityUpdate, AttendanceCreate
from maeul_db.audit import changes as changes_
from maeul_db.audit import service as audit
from maeul_db.errors import Conflict, InvalidInput, NotFound
from maeul_db.groups import service as group_service
from maeul_db.models import Activity, Attendance, Person, Role, UserAccount
from maeul_db.participants import service as participant_service
from maeul_db.projects import service as project_service


def recount(session: Session, activity: Activity) -> None:
    """headcount = named attendees + unnamed: the one place it is set."""
    session.flush()
    named = session.exec(
        select(func.count()).select_from(Attendance).where(Attendance.activity_id == activity.id)
    ).one()
    activity.headcount = int(named) + activity.unnamed_count
    session.add(activity)
    session.flush()


def record(
    session: Session, *, user: UserAccount, activity_id: int, data: AttendanceCreate
) -> list[Attendance]:
    """Add named attendees; one already on the sheet is a 409 naming them."""
    activity = activity_service.get(session, user=user, activity_id=activity_id)
    person_ids = list(dict.fromkeys(data.person_ids))
    for person_id in person_ids:
        if user.role != Role.city_admin:
            participant_service.get(session, user=user, person_id=person_id)
    already = set(
        session.exec(
            select(Attendance.person_id).where(
                Attendance.activity_id == activity_id, col(Attendance.person_id).in_(person_ids)
            )
        ).all()
    )
    if already:
        raise Conflict(
            "attendance.already_recorded", field="person_ids", person_ids=sorted(already)
        )
    rows = [
        Attendance(
            activity_id=activity_id,
            person_id=p,
            hours=data.hours or activity.hours,
            district_code=activity.district_code,
        )
        for p in person_ids
    ]
    session.add_all(rows)
    recount(session, activity)
    audit.record(
        session,
        actor=user,
        action="attendance",
        entity="activity",
        entity_id=activity_id,
        district_code=activity.district_code,
        after={"person_ids": person_ids},
    )
    return rows


def _attendance(session: Session, activity: Activity, person_id: int) -> Attendance:
    row = session.get(Attendance, (activity.id, person_id))
    if row is None:
        raise NotFound("attendance.not_found")
    return row


def void(
    session: Session, *, user: UserAccount, activity_id: int, person_id: int, reason: str
) -> Activity:
    """Take a person off the sheet (recorded in error), with a reason; the headcount follows."""
    activity = activity_service.get(session, user=user, activity_id=activity_id)
    if not reason.strip():
        raise InvalidInput("attendance.reason_required", field="reason")
    row = _attendance(session, activity, person_id)
    before = {"person_id": person_id, "hours": row.hours}
    session.delete(row)
    recount(session, activity)
    audit.record(
        session,
        actor=user,
        action="void",
        entity="attendance",
        entity_id=f"{activity_id}:{person_id}",
        district_code=activity.district_code,
        before=before,
        after={"reason": reason.strip()[:200]},
    )
    return activity


def fix_hours(
    session: Session,
    *,
    user: UserAccount,
    activity_id: int,
    person_id: int,
    hours: object,
) -> Attendance:
    """Correct one attendee's recognised hours (None: the activity's own hours)."""
    activity = activity_service.get(session, user=user, activity_id=activity_id)
    row = _attendance(session, activity, person_id)
    before = {"hours": row.hours}
    row.hours = activity.hours if hours is None else hours  # type: ignore[assignment]
    session.add(row)
    session.flush()
    session.refresh(row)  # the stored scale (2.5 → 2.50), as every other read returns it
    audit.record(
        session,
        actor=user,
        action="update",
        entity="attendance",
        entity_id=f"{activity_id}:{person_id}",
        district_code=activity.district_code,
        before=before,
        after={"hours": row.hours},
    )
    return row


def update_activity(
    session: Session, *, user: UserAccount, activity_id: int, data: ActivityUpdate
) -> Activity:
    """Change an activity's title, kind, hours or unnamed count; the headcount follows."""
    activity = activity_service.get(session, user=user, activity_id=activity_id)
    changes = data.model_dump(exclude_unset=True)
    changes_.apply_update(session, actor=user, row=activity, changes=changes, entity="activity")
    recount(session, activity)
    return activity


def _rows(session: Session, activity_id: int) -> list[Attendance]:
    return list(
        session.exec(
            select(Attendance)
            .where(Attendance.activity_id == activity_id)
            .order_by(col(Attendance.person_id))
        ).all()
    )


def attendees(session: Session, *, user: UserAccount, activity_id: int) -> list[Attendance]:
    """Who attended, shown: recorded in the access log."""
    activity_service.get(session, user=user, activity_id=activity_id)
    rows = _rows(session, activity_id)
    access_log.record(
        session, actor=user, action="activity.attendance", person_ids=[r.person_id for r in rows]
    )
    return rows


@dataclass(frozen=True)
class AttendanceSheet:
    activity: Activity
    attended: list[Attendance]
    # Who could have attended and has not: the project's participants, else the group's
    # members, on the day it was held.
    eligible: list[int]
    people: dict[int, Person]


def _eligible(session: Session, activity: Activity) -> list[int]:
    if activity.project_id is not None:
        rows = project_service.active_participants(
            session, project_id=activity.project_id, on=activity.held_on
        )
        return [r.person_id for r in rows]
    if activity.group_id is not None:
        members = group_service.active_members(
            session, group_id=activity.group_id, on=activity.held_on
        )
        return [m.person_id for m in members]
    return []


def attendance_sheet(session: Session, *, user: UserAccount, activity_id: int) -> AttendanceSheet:
    """An activity, who attended and who else could tick in, logged once for everyone shown."""
    activity = activity_service.get(session, user=user, activity_id=activity_id)
    attended = _rows(session, activity_id)
    attended_ids = {a.person_id for a in attended}
    eligible = [p for p in _eligible(session, activity) if p not in attended_ids]
    people = participant_service.people_by_id(
        session, user=user, person_ids=[*attended_ids, *eligible]
    )
    access_log.record(session, actor=user, action="activity.attendance", person_ids=people)
    return AttendanceSheet(activity, attended, eligible, people)
