"""Activities of a project or group (who attended them: ``activities.attendance``)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col

from maeul_db.activities.schemas import ActivityCreate
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import InvalidInput
from maeul_db.groups import service as group_service
from maeul_db.kit.pagination import Page, paginate
from maeul_db.models import Activity, UserAccount
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
    # No one is named yet: the headcount starts as the unnamed count (attendance.recount).
    activity = Activity(**data.model_dump(), headcount=data.unnamed_count, district_code=district)
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
