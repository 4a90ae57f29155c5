"""The one access check of the reports and settlements (docs/architecture.md "Access scoping").

Every use case in this package asks ``require_project_paperwork`` before it reads or changes
anything, so a new role is added here, once. A group representative (issue 15) reads and fills in
the report and settlement of their own groups' projects and hands them in; deciding (accept,
return, settle, the 보탬e link) stays with the project district's staff and the city admin.
"""

from __future__ import annotations

from typing import Any, Literal

from sqlmodel import Session

from maeul_db.auth import policies
from maeul_db.core.scope import get_visible, visible_group_projects
from maeul_db.errors import Forbidden
from maeul_db.kit.pagination import Page, paginate
from maeul_db.models import Project, Role, UserAccount
from maeul_db.projects import service as project_service

# read: see the report or settlement; write: fill it in and submit it; decide: accept, return,
# settle (district staff), and the 보탬e link.
Action = Literal["read", "write", "decide"]


def allowed(user: UserAccount, project: Project, action: Action) -> bool:
    """Whether ``user``, who can see ``project``, may do ``action`` on its paperwork. A
    representative sees only their groups' projects (``require_project_paperwork``), so seeing
    is enough to read and write; they never decide."""
    if user.role == Role.group_rep:
        return action != "decide"
    return action == "read" or policies.can_write_district(user, project.district_code)


def _visible(session: Session, user: UserAccount, project_id: int) -> Project:
    if user.role != Role.group_rep:
        return project_service.get(session, user=user, project_id=project_id)
    return get_visible(  # type: ignore[no-any-return]
        session, visible_group_projects(user), Project, project_id, missing="project.not_found"
    )


def require_project_paperwork(
    session: Session, *, user: UserAccount, project_id: int, action: Action
) -> Project:
    """The project, if ``user`` may do ``action`` on its paperwork; 404 outside their scope
    (the project's own visibility, or a representative's own groups), 403 for a role that may
    see but not act."""
    project = _visible(session, user, project_id)
    if not allowed(user, project, action):
        raise Forbidden("settlements.forbidden")
    return project


def paperwork_projects(
    session: Session, *, user: UserAccount, page: Page, year: int | None = None
) -> tuple[list[Project], int]:
    """The projects whose paperwork ``user`` may see: the projects list's own scoping for staff,
    their own groups' projects for a representative."""
    if user.role != Role.group_rep:
        return project_service.list_(session, user=user, page=page, year=year)
    stmt: Any = visible_group_projects(user)
    if year is not None:
        stmt = stmt.where(Project.year == year)
    return paginate(session, stmt, page=page, order_by=Project.id)
