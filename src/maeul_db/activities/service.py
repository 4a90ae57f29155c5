"""Activities of a project or group, and who attended them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.activities.schemas import ActivityCreate, AttendanceCreate
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Conflict, InvalidInput
from maeul_db.groups import service as group_service
from maeul_db.kit.pagination import Page, paginate
from maeul_db.models import Activity, Attendance, Person, Role, UserAccount
from maeul_db.participants import service as participant_service
from maeul_db.projects import service as project_service


def visible_activities(user: UserAccount) -> Any:
    return district_scoped(Activity, user)


def get(session: Session, *, user: UserAccount, activity_id: int) -> Activity:
    policies.require_fact_logger(user)
    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_activities(user),
        Activity,
        activity_id,
        missing="activity.not_found",
    )


def list_(
    session: Session,
    *,
    user: UserAccount,
    page: Page,
    project_id: int | None = None,
    group_id: int | None = None,
) -> tuple[list[Activity], int]:
    policies.require_fact_logger(user)
    stmt = visible_activities(user)
    if project_id is not None:
        stmt = stmt.where(Activity.project_id == project_id)
    if group_id is not None:
        stmt = stmt.where(Activity.group_id == group_id)
    return paginate(
        session, stmt, page=page, order_by=(col(Activity.held_on).desc(), col(Activity.id))
    )


def create(session: Session, *, user: UserAccount, data: ActivityCreate) -> Activity:
    """An activity belongs to a project or a group in the user's scope, and to its district."""
    if data.project_id is None and data.group_id is None:
        raise InvalidInput("activity.host_required", field="project_id")
    district = None
    if data.project_id is not None:
        district = project_service.get(session, user=user, project_id=data.project_id).district_code
    if data.group_id is not None:
        group_district = group_service.get(session, user=user, group_id=data.group_id).district_code
        if district is not None and district != group_district:
            raise InvalidInput(
                "activity.districts_differ",
                field="group_id",
            )
        district = group_district
    assert district is not None
    activity = Activity(**data.model_dump(), district_code=district)
    session.add(activity)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="activity",
        entity_id=activity.id,
        district_code=district,
        after=data.model_dump(),
    )
    return activity


def record_attendance(
    session: Session, *, user: UserAccount, activity_id: int, data: AttendanceCreate
) -> list[Attendance]:
    activity = get(session, user=user, activity_id=activity_id)
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
        raise Conflict("activity.already_attended", field="person_ids", person_ids=sorted(already))
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
    activity.headcount = max(activity.headcount, len(person_ids) + len(already))
    session.add(activity)
    session.flush()
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


def _attendance(session: Session, activity_id: int) -> list[Attendance]:
    return list(
        session.exec(
            select(Attendance)
            .where(Attendance.activity_id == activity_id)
            .order_by(col(Attendance.person_id))
        ).all()
    )


def attendees(session: Session, *, user: UserAccount, activity_id: int) -> list[Attendance]:
    """Who attended, shown: recorded in the access log."""
    get(session, user=user, activity_id=activity_id)
    rows = _attendance(session, activity_id)
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
    activity = get(session, user=user, activity_id=activity_id)
    attended = _attendance(session, activity_id)
    attended_ids = {a.person_id for a in attended}
    eligible = [p for p in _eligible(session, activity) if p not in attended_ids]
    people = participant_service.people_by_id(
        session, user=user, person_ids=[*attended_ids, *eligible]
    )
    access_log.record(session, actor=user, action="activity.attendance", person_ids=people)
    return AttendanceSheet(activity, attended, eligible, people)
