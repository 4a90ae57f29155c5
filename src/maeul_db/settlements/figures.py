"""The result report's figures, read from the record (no retyping): participants by gender and
age band, activities and hours, and the network's parties (the groups taking part)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from maeul_db.analytics.indicators import age_band
from maeul_db.analytics.schemas import AGE_BANDS
from maeul_db.models import (
    Activity,
    Attendance,
    Group,
    GroupMembership,
    Participation,
    Person,
    Project,
)


def _people(session: Session, project_id: int) -> list[tuple[int, str, int, str]]:
    """(person, gender, birth year, role) of every participation not voided, one per person
    (the last role held)."""
    stmt = (
        select(Person.id, Person.gender, Person.birth_year, Participation.role)
        .join(Participation, col(Participation.person_id) == Person.id)
        .where(Participation.project_id == project_id, col(Participation.voided_at).is_(None))
        .order_by(col(Participation.valid_from))
    )
    latest: dict[int, tuple[int, str, int, str]] = {}
    for person_id, gender, birth_year, role in session.exec(stmt).all():
        if person_id is None:
            continue
        latest[person_id] = (person_id, str(gender), birth_year, str(role))
    return list(latest.values())


def _activities(session: Session, project_id: int) -> dict[str, Any]:
    count, hours = session.exec(
        select(func.count(col(Activity.id)), func.coalesce(func.sum(Activity.hours), 0)).where(
            Activity.project_id == project_id
        )
    ).one()
    # Person-hours: each attendance at its own hours, or the activity's when none recorded.
    attended = session.exec(
        select(
            func.count(),
            func.coalesce(func.sum(func.coalesce(Attendance.hours, Activity.hours)), 0),
        )
        .select_from(Attendance)
        .join(Activity, col(Activity.id) == Attendance.activity_id)
        .where(Activity.project_id == project_id)
    ).one()
    return {
        "activities": int(count),
        "activity_hours": str(Decimal(hours).normalize()),
        "attendances": int(attended[0]),
        "person_hours": str(Decimal(attended[1]).normalize()),
    }


def _parties(session: Session, project: Project, person_ids: list[int]) -> list[str]:
    """The project's own group and the groups its participants belonged to in its year."""
    ids: set[int] = {project.group_id} if project.group_id is not None else set()
    if person_ids:
        stmt = select(GroupMembership.group_id).where(
            col(GroupMembership.person_id).in_(person_ids),
            col(GroupMembership.voided_at).is_(None),
            col(GroupMembership.valid_from) <= date(project.year, 12, 31),
            or_(
                col(GroupMembership.valid_to).is_(None),
                col(GroupMembership.valid_to) > date(project.year, 1, 1),
            ),
        )
        ids.update(session.exec(stmt).all())
    if not ids:
        return []
    names = session.exec(select(Group.name).where(col(Group.id).in_(ids))).all()
    return sorted(names)


def of_project(session: Session, project: Project) -> dict[str, Any]:
    """The figures a result report is prefilled with (JSON-ready)."""
    assert project.id is not None
    people = _people(session, project.id)
    genders = Counter(gender for _, gender, _, _ in people)
    bands = Counter(age_band(project.year - birth) for _, _, birth, _ in people)
    roles = Counter(role for _, _, _, role in people)
    parties = _parties(session, project, [p[0] for p in people])
    return {
        "participants": len(people),
        "by_gender": {g: genders.get(g, 0) for g in ("F", "M", "X")},
        "by_age_band": {band: bands.get(band, 0) for band in AGE_BANDS},
        "by_role": dict(sorted(roles.items())),
        **_activities(session, project.id),
        "network_parties": parties,
    }
