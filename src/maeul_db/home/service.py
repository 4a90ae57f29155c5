"""What a user's home page shows, decided by role here (the page only renders it)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from maeul_db.auth import policies
from maeul_db.groups import service as group_service
from maeul_db.home.queue import QueueItem, work_queue
from maeul_db.kit.pagination import Page
from maeul_db.models import Role, UserAccount
from maeul_db.participants import service as participant_service
from maeul_db.participants.visibility import PersonView
from maeul_db.projects import service as project_service

# The list services return (rows, total); one row is the cheapest way to ask for the total alone.
_COUNT_ONLY = Page(limit=1)


@dataclass(frozen=True)
class Home:
    # The role whose page this is: ``home/<kind>.html``.
    kind: str
    # People, groups and projects in scope (staff and the city admin).
    counts: dict[str, int] | None = None
    # The expert's own record.
    person: PersonView | None = None
    # What waits for staff (home.queue), for staff and the city admin.
    queue: list[QueueItem] | None = None


def home(session: Session, *, user: UserAccount) -> Home:
    # Role(...): rows loaded from the database carry the role as a plain str (models.base.choice).
    role = Role(user.role).value
    if policies.can_log_facts(user):
        _, groups = group_service.list_(session, user=user, page=_COUNT_ONLY)
        _, projects = project_service.list_(session, user=user, page=_COUNT_ONLY)
        counts = {
            "people": participant_service.count(session, user=user),
            "groups": groups,
            "projects": projects,
        }
        return Home(role, counts=counts, queue=work_queue(session, user=user))
    if user.role == Role.expert and user.person_id is not None:
        # Their own details, shown: an access-logged read like any other.
        return Home(
            role, person=participant_service.read(session, user=user, person_id=user.person_id)
        )
    # Analysts: the template explains where analysis lives; nothing personal is loaded.
    return Home(role)
