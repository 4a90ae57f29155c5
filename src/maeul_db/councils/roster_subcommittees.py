"""The council roster's 분과 column: each named subcommittee seats the row's person for the seat's
term, through the same service as the page (``meetings.add_subcommittee_member``).

A subcommittee the council does not have yet is created (audited, like the page's form): the
roster is where centres keep their subcommittees, so a new name is news, not a mistake. The
import's report warns about each one it created, and undo removes it again when nothing else
refers to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, exists
from sqlmodel import Session, col, select

from maeul_db.councils import meetings
from maeul_db.councils.schemas import SubcommitteeCreate, SubcommitteeMemberCreate
from maeul_db.models import CouncilMeeting, Subcommittee, SubcommitteeMember, UserAccount

# "환경분과, 복지분과" or "환경/복지": one cell may name several subcommittees.
_SEPARATORS = re.compile(r"[,/·;]")
NAME_MAX = 100  # council_subcommittee.name


def names_in(cell: str) -> list[str]:
    """The subcommittee names a cell lists, in order, each once."""
    names = (part.strip() for part in _SEPARATORS.split(cell))
    return list(dict.fromkeys(name for name in names if name))


@dataclass
class Placer:
    """Seats people on a council's subcommittees during one import; remembers what it made."""

    session: Session
    user: UserAccount
    council_id: int
    known: dict[str, int] = field(default_factory=dict)
    created: list[tuple[int, str]] = field(default_factory=list)
    members: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Forget what a rolled-back row made: read the council's subcommittees again."""
        stmt = select(Subcommittee).where(Subcommittee.council_id == self.council_id)
        self.known = {row.name: row.id for row in self.session.exec(stmt) if row.id is not None}
        self.created = [(i, name) for i, name in self.created if name in self.known]

    def seat(self, person_id: int, names: list[str], start: date, end: date | None) -> None:
        for name in names:
            if name not in self.known:
                made = meetings.create_subcommittee(
                    self.session,
                    user=self.user,
                    council_id=self.council_id,
                    data=SubcommitteeCreate(name=name),
                )
                self.known[name] = made.id
                self.created.append((made.id, name))
            data = SubcommitteeMemberCreate(person_id=person_id, valid_from=start, valid_to=end)
            seated = meetings.add_subcommittee_member(
                self.session,
                user=self.user,
                council_id=self.council_id,
                subcommittee_id=self.known[name],
                data=data,
            )
            self.members.append(seated.id)


def undo(session: Session, stored: dict[str, Any]) -> dict[str, int]:
    """Remove the batch's subcommittee seats, then the subcommittees it created that nobody sits
    on and no meeting names any more."""
    member_ids = [int(i) for i in stored.get("subcommittee_members", [])]
    created = [int(i) for i in stored.get("subcommittees", [])]
    connection = session.connection()
    members = SubcommitteeMember.__table__  # type: ignore[attr-defined]
    removed = {"council_subcommittee_member": 0, "council_subcommittee": 0}
    if member_ids:
        result = connection.execute(delete(members).where(members.c.id.in_(member_ids)))
        removed["council_subcommittee_member"] = result.rowcount
    if created:
        unused = delete(Subcommittee).where(
            col(Subcommittee.id).in_(created),
            ~exists().where(col(SubcommitteeMember.subcommittee_id) == Subcommittee.id),
            ~exists().where(col(CouncilMeeting.subcommittee_id) == Subcommittee.id),
        )
        removed["council_subcommittee"] = connection.execute(unused).rowcount
    return removed
