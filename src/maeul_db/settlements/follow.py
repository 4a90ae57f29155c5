"""The application follows its project's paperwork (issue 15): when a project that came from an
application has its report submitted (or sent back) or its settlement settled, the application's
status history records it, in the same transaction, through the paperwork's one entry
(``review.record_status``) so its rules and history rows apply."""

from __future__ import annotations

from sqlmodel import Session

from maeul_db.models import ApplicationStatus, Project, UserAccount
from maeul_db.paperwork import review
from maeul_db.paperwork import status as status_

S = ApplicationStatus
# (subject, action) → the application status it records.
FOLLOWS: dict[tuple[str, str], ApplicationStatus] = {
    ("report", "submit"): S.report_submitted,
    ("report", "return"): S.in_progress,
    ("settlement", "settle"): S.settled,
}


def application_follows(
    session: Session, *, user: UserAccount, project: Project, subject: str, action: str
) -> None:
    """Record the application's step for ``action`` on the project's ``subject``. Nothing when the
    project has no application or the application is not at the step before (e.g. staff have not
    moved it to "in progress"): the paperwork's own history is the record, this only follows it."""
    to = FOLLOWS.get((subject, action))
    if to is None or project.id is None:
        return
    application = review.application_of_project(session, project_id=project.id)
    if application is None or application.id is None:
        return
    if (S(application.status), to) not in status_.TRANSITIONS:
        return
    review.record_status(session, user=user, application_id=application.id, to=to)
