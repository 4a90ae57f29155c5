"""Projects and participations over time."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.audit import changes as changes_
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.core import facts, person_facts, refs
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Forbidden, NotFound
from maeul_db.groups import service as group_service
from maeul_db.kit.pagination import Page, paginate
from maeul_db.kit.time import active_on
from maeul_db.models import (
    Participation,
    ParticipationRole,
    Person,
    Project,
    UserAccount,
)
from maeul_db.participants import service as participant_service
from maeul_db.projects.schemas import ParticipationCreate, ProjectCreate, ProjectUpdate
from maeul_db.refdata import service as refdata_service


def visible_projects(user: UserAccount) -> Any:
    return district_scoped(Project, user)


def get(session: Session, *, user: UserAccount, project_id: int) -> Project:
    policies.require_fact_logger(user)
    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_projects(user),
        Project,
        project_id,
        missing="project.not_found",
    )


def list_(
    session: Session,
    *,
    user: UserAccount,
    page: Page,
    year: int | None = None,
    query: str | None = None,
    group_id: int | None = None,
) -> tuple[list[Project], int]:
    """Projects in scope, narrowed by year, a name containing ``query`` (spaces ignored) and the
    group that ran them."""
    policies.require_fact_logger(user)
    stmt = visible_projects(user)
    if year is not None:
        stmt = stmt.where(Project.year == year)
    if query and query.strip():
        stmt = stmt.where(
            func.replace(Project.name, " ", "").contains(query.replace(" ", "").strip())
        )
    if group_id is not None:
        stmt = stmt.where(Project.group_id == group_id)
    return paginate(session, stmt, page=page, order_by=Project.id)


def create(session: Session, *, user: UserAccount, data: ProjectCreate) -> Project:
    district = data.district_code or user.district_code
    if not policies.can_write_district(user, district):
        raise Forbidden("project.create_forbidden")
    district = refs.require_district(session, district)
    if data.dong_code is not None:
        refdata_service.check_dong_in_district(
            session, code=data.dong_code, district_code=district, on=date(data.year, 1, 1)
        )
    if data.group_id is not None:
        group_service.get(session, user=user, group_id=data.group_id)
    facts.refuse_name_clash(
        session,
        Project,
        name=data.name,
        same={"district_code": district, "year": data.year},
        row_id=None,
        message="project.duplicate",
    )
    project = Project(**data.model_dump(exclude={"district_code"}), district_code=district)
    session.add(project)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="project",
        entity_id=project.id,
        district_code=district,
        after=data.model_dump(),
    )
    return project


def update(session: Session, *, user: UserAccount, project_id: int, data: ProjectUpdate) -> Project:
    project = get(session, user=user, project_id=project_id)
    if not policies.can_write_district(user, project.district_code):
        raise Forbidden("project.edit_forbidden")
    changes = data.model_dump(exclude_unset=True)
    if changes.get("dong_code") is not None:
        refdata_service.check_dong_in_district(
            session,
            code=changes["dong_code"],
            district_code=project.district_code,
            on=date(project.year, 1, 1),
        )
    if changes.get("name") is not None:
        facts.refuse_name_clash(
            session,
            Project,
            name=changes["name"],
            same={"district_code": project.district_code, "year": project.year},
            row_id=project.id,
            message="project.duplicate",
        )
    changes_.apply_update(session, actor=user, row=project, changes=changes, entity="project")
    return project


def _participation(session: Session, *, user: UserAccount, participation_id: int) -> Participation:
    participation = session.get(Participation, participation_id)
    if participation is None or not policies.can_write_district(user, participation.district_code):
        raise NotFound("participation.not_found")
    return participation


def void_participation(
    session: Session, *, user: UserAccount, participation_id: int, reason: str
) -> Participation:
    """Mark a participation entered in error; it stays, but no longer counts."""
    participation = _participation(session, user=user, participation_id=participation_id)
    changes_.void_fact(
        session, actor=user, row=participation, reason=reason, entity="participation"
    )
    return participation


def add_participant(
    session: Session, *, user: UserAccount, project_id: int, data: ParticipationCreate
) -> Participation:
    project = get(session, user=user, project_id=project_id)
    return person_facts.add(
        session,
        user=user,
        model=Participation,
        holder=("project_id", project_id),
        district_code=project.district_code,
        data=data,
        entity="participation",
        duplicate_message="participation.duplicate",
    )


def close_participation(
    session: Session, *, user: UserAccount, participation_id: int, valid_to: date
) -> Participation:
    participation = _participation(session, user=user, participation_id=participation_id)
    changes_.close_fact(
        session, actor=user, row=participation, valid_to=valid_to, entity="participation"
    )
    return participation


def change_participant_role(
    session: Session,
    *,
    user: UserAccount,
    participation_id: int,
    role: ParticipationRole,
    on: date,
) -> Participation:
    """A participant's new role from ``on``: this participation ends and the next one opens."""
    participation = _participation(session, user=user, participation_id=participation_id)
    following: Participation = changes_.change_role(
        session, actor=user, row=participation, role=role, on=on, entity="participation"
    )
    return following


def active_participants(
    session: Session, *, project_id: int, on: date, role: ParticipationRole | None = None
) -> list[Participation]:
    """The participations active on ``on``, for a use case that has already checked the project
    is in scope and logs what it shows (the activity page's attendance sheet)."""
    stmt = select(Participation).where(
        Participation.project_id == project_id, active_on(Participation, on)
    )
    if role is not None:
        stmt = stmt.where(Participation.role == role)
    return list(session.exec(stmt.order_by(col(Participation.person_id))).all())


def participants_as_of(
    session: Session,
    *,
    user: UserAccount,
    project_id: int,
    on: date,
    role: ParticipationRole | None = None,
) -> list[Participation]:
    """A project's participants on ``on``, shown: recorded in the access log."""
    get(session, user=user, project_id=project_id)
    rows = active_participants(session, project_id=project_id, on=on, role=role)
    access_log.record(
        session, actor=user, action="project.participants", person_ids=[r.person_id for r in rows]
    )
    return rows


def roster(
    session: Session, *, user: UserAccount, project_id: int, on: date
) -> tuple[list[Participation], dict[int, Person]]:
    """The participants on ``on`` and the people behind them (for names), logged once."""
    rows = participants_as_of(session, user=user, project_id=project_id, on=on)
    people = participant_service.people_by_id(
        session, user=user, person_ids=[r.person_id for r in rows]
    )
    return rows, people


def count_participants_as_of(
    session: Session, *, user: UserAccount, on: date, district_code: str | None = None
) -> int:
    """Distinct people in an active participation on ``on`` within the user's scope."""
    projects = visible_projects(user).with_only_columns(Project.id)
    if district_code:
        projects = projects.where(Project.district_code == district_code)
    stmt = select(func.count(func.distinct(Participation.person_id))).where(
        active_on(Participation, on), col(Participation.project_id).in_(projects)
    )
    return int(session.exec(stmt).one())
