"""What a user's home page shows, decided by role here (the page only renders it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from maeul_db.auth import policies
from maeul_db.certificates import service as certificate_service
from maeul_db.experts import service as expert_service
from maeul_db.experts.schemas import PlacementPublic
from maeul_db.groups import service as group_service
from maeul_db.home.queue import QueueItem, work_queue
from maeul_db.kit.pagination import Page
from maeul_db.models import Certificate, Role, UserAccount
from maeul_db.participants import service as participant_service
from maeul_db.participants.visibility import PersonView
from maeul_db.projects import service as project_service
from maeul_db.refdata import queries as refdata_queries

# The list services return (rows, total); one row is the cheapest way to ask for the total alone.
_COUNT_ONLY = Page(limit=1)


@dataclass(frozen=True)
class Home:
    # The role whose page this is: ``home/<kind>.html``.
    kind: str
    # People, groups and projects in scope (staff and the city admin).
    counts: dict[str, int] | None = None
    # The expert's own record, placements (with dong names) and certificates.
    person: PersonView | None = None
    placements: list[PlacementPublic] = field(default_factory=list)
    dong_names: dict[str, str] = field(default_factory=dict)
    certificates: list[Certificate] = field(default_factory=list)
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
        return _expert_home(session, user=user, person_id=user.person_id)
    # Analysts: the template explains where analysis lives; nothing personal is loaded.
    return Home(role)


def _expert_home(session: Session, *, user: UserAccount, person_id: int) -> Home:
    """Their own details and placements (access-logged reads like any other) and certificates."""
    person = participant_service.read(session, user=user, person_id=person_id)
    placements = expert_service.list_placements(session, user=user)
    return Home(
        Role.expert.value,
        person=person,
        placements=placements,
        dong_names=refdata_queries.dong_names(session, codes={p.dong_code for p in placements}),
        certificates=certificate_service.certificates_of(session, user=user, person_id=person_id),
    )
