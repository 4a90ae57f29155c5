"""The one access check of the reports and settlements (docs/architecture.md "Access scoping").

Every use case in this package asks ``require_project_paperwork`` before it reads or changes
anything, so a new role (the group representative, issue 15) is added here, once.
"""

from __future__ import annotations

from typing import Literal

from sqlmodel import Session

from maeul_db.auth import policies
from maeul_db.errors import Forbidden
from maeul_db.models import Project, UserAccount
from maeul_db.projects import service as project_service

# read: see the report or settlement; write: fill it in and submit it; decide: accept, return,
# settle (district staff), and the 보탬e link.
Action = Literal["read", "write", "decide"]


def allowed(user: UserAccount, project: Project, action: Action) -> bool:
    """Whether ``user``, who can see ``project``, may do ``action`` on its paperwork."""
    return action == "read" or policies.can_write_district(user, project.district_code)


def require_project_paperwork(
    session: Session, *, user: UserAccount, project_id: int, action: Action
) -> Project:
    """The project, if ``user`` may do ``action`` on its paperwork; 404 outside their scope
    (the project's own visibility), 403 for a role that may see but not act."""
    project = project_service.get(session, user=user, project_id=project_id)
    if not allowed(user, project, action):
        raise Forbidden("settlements.forbidden")
    return project
