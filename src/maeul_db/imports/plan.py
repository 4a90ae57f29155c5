"""What importing validated roster rows would add (the plan), without writing anything: a dry run
is just a plan, and ``write.apply`` inserts it.

Natural keys make a re-import add nothing:
- group: district + name; project: district + year + name (the first row of a new one sets its
  dong, stage, programme and group);
- person: an exact identity key (name + birth year + phone or e-mail, ``identity.matching``);
  without phone and e-mail, the same name + birth year already in the same project is the same
  person (one roster lists a person once); otherwise a new person, with review candidates for
  weak matches (never linked automatically);
- participation: project + person; group membership: group + person (voided rows do not count).
  A row naming a participation that already exists with another role (stored, or an earlier row of
  the file) is refused, naming that record (``Plan.duplicates``): the role is an attribute of the
  one participation, changed on its page, never a second row.

Refs in a plan are existing ids (> 0) or ``-(index + 1)`` into the plan's list of new rows, so the
plan costs no writes and ids are allocated once, at apply. Stored rows are read in batched
queries (``CHUNK`` keys at a time), never one query per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlmodel import Session, col
from sqlmodel import select as sm_select

from maeul_db.identity.keys import IdentityKeys, KeyMaker
from maeul_db.identity.matching import exact_matches, weak_matches, weak_reason
from maeul_db.imports.validate import RosterRow
from maeul_db.kit.chunks import chunks
from maeul_db.models import Group, GroupMembership, Participation, Person, Project

CHUNK = 2_000
MAX_CANDIDATES = 5


@dataclass
class NewPerson:
    row: RosterRow
    keys: IdentityKeys


@dataclass
class Counts:
    people: int = 0
    people_linked: int = 0
    groups: int = 0
    projects: int = 0
    participations: int = 0
    memberships: int = 0
    review_candidates: int = 0
    unchanged_rows: int = 0


@dataclass
class Plan:
    groups: list[tuple[str, str, date]] = field(default_factory=list)  # name, dong, founded
    projects: list[RosterRow] = field(default_factory=list)
    project_groups: list[int] = field(default_factory=list)
    people: list[NewPerson] = field(default_factory=list)
    participations: list[tuple[int, int, str, date, date | None]] = field(default_factory=list)
    memberships: list[tuple[int, int, date, date | None]] = field(default_factory=list)
    candidates: list[tuple[int, int, str]] = field(default_factory=list)
    # Rows refused as duplicate facts: (row number, catalogue key, its params).
    duplicates: list[tuple[int, str, dict[str, object]]] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    # Stored people the rows matched (``counts.people_linked`` counts them).
    linked: set[int] = field(default_factory=set)


class Seen(NamedTuple):
    """A participation the plan knows: stored (its latest id; every role its intervals held, so a
    file from before a role change still re-imports as unchanged) or from an earlier row. (A
    tuple: the plan makes one per new participation, and a frozen dataclass costs more.)"""

    roles: frozenset[str]
    stored_id: int | None = None
    row: int | None = None

    def duplicate(self, role: str) -> tuple[str, dict[str, object]] | None:
        if role in self.roles:
            return None  # the same fact again: linked, nothing added
        if self.stored_id is not None:
            return "import_row.duplicate_participation", {"existing": self.stored_id}
        return "import_row.duplicate_participation_in_file", {"existing_row": self.row}


def _existing_groups(session: Session, district: str, names: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in chunks(sorted(names), CHUNK):
        for group_id, name in session.exec(
            sm_select(Group.id, Group.name)
            .where(Group.district_code == district, col(Group.name).in_(chunk))
            .order_by(col(Group.id))
        ).all():
            if group_id is not None:
                found.setdefault(name, group_id)
    return found


def _existing_projects(
    session: Session, district: str, keys: set[tuple[int, str]]
) -> dict[tuple[int, str], int]:
    found: dict[tuple[int, str], int] = {}
    years = sorted({year for year, _ in keys})
    for chunk in chunks(sorted({name for _, name in keys}), CHUNK):
        for project_id, year, name in session.exec(
            sm_select(Project.id, Project.year, Project.name)
            .where(
                Project.district_code == district,
                col(Project.year).in_(years),
                col(Project.name).in_(chunk),
            )
            .order_by(col(Project.id))
        ).all():
            if project_id is not None and (year, name) in keys:
                found.setdefault((year, name), project_id)
    return found


def _existing_facts(
    session: Session, project_ids: Iterable[int], group_ids: Iterable[int]
) -> tuple[dict[tuple[int, int], Seen], dict[tuple[int, str], int], set[tuple[int, int]]]:
    participations: dict[tuple[int, int], Seen] = {}
    by_name_birth: dict[tuple[int, str], int] = {}
    for chunk in chunks(sorted(project_ids), CHUNK):
        # Five columns: sqlmodel's select has no overload for more than four.
        for part_id, project_id, person_id, role, key in session.execute(
            select(
                col(Participation.id),
                col(Participation.project_id),
                col(Participation.person_id),
                col(Participation.role),
                col(Person.key_name_birth),
            )
            .join(Person, col(Person.id) == Participation.person_id)
            .where(col(Participation.project_id).in_(chunk), col(Participation.voided_at).is_(None))
            .order_by(col(Participation.id))
        ).all():
            known = participations.get((project_id, person_id))
            roles = (known.roles if known else frozenset()) | {str(role)}
            participations[(project_id, person_id)] = Seen(roles, stored_id=part_id)
            if key is not None:
                by_name_birth.setdefault((project_id, key), person_id)
    memberships: set[tuple[int, int]] = set()
    for chunk in chunks(sorted(group_ids), CHUNK):
        memberships.update(
            session.exec(
                sm_select(GroupMembership.group_id, GroupMembership.person_id).where(
                    col(GroupMembership.group_id).in_(chunk),
                    col(GroupMembership.voided_at).is_(None),
                )
            ).all()
        )
    return participations, by_name_birth, memberships


def _plan_containers(
    session: Session, rows: list[RosterRow], district: str, plan: Plan
) -> tuple[dict[str, int], dict[tuple[int, str], int]]:
    groups = _existing_groups(session, district, {r.group for r in rows})
    projects = _existing_projects(session, district, {(r.year, r.project) for r in rows})
    for row in rows:
        if row.group not in groups:
            groups[row.group] = -(len(plan.groups) + 1)
            plan.groups.append((row.group, row.dong_code, row.valid_from))
        else:
            ref = groups[row.group]
            if ref < 0 and row.valid_from < plan.groups[-ref - 1][2]:
                name, dong, _ = plan.groups[-ref - 1]
                plan.groups[-ref - 1] = (name, dong, row.valid_from)
        if (row.year, row.project) not in projects:
            projects[(row.year, row.project)] = -(len(plan.projects) + 1)
            plan.projects.append(row)
            plan.project_groups.append(groups[row.group])
    plan.counts.groups, plan.counts.projects = len(plan.groups), len(plan.projects)
    return groups, projects


def plan_rows(
    session: Session, rows: list[RosterRow], *, district_code: str, keymaker: KeyMaker | None = None
) -> Plan:
    """What importing ``rows`` would add, without writing anything."""
    plan = Plan()
    keymaker = keymaker or KeyMaker()
    groups, projects = _plan_containers(session, rows, district_code, plan)
    seen_parts, by_name_birth, seen_members = _existing_facts(
        session, [p for p in projects.values() if p > 0], [g for g in groups.values() if g > 0]
    )
    keys = [
        keymaker.keys(name=r.name, birth_year=r.birth_year, phone=r.phone, email=r.email)
        for r in rows
    ]
    exacts = [k.exact() for k in keys]
    known = exact_matches(session, {k for ks in exacts for k in ks})
    linked: set[int] = set()
    one_role: dict[str, frozenset[str]] = {}
    for row, row_keys, exact in zip(rows, keys, exacts, strict=True):
        project, group = projects[(row.year, row.project)], groups[row.group]
        person = next((known[k] for k in exact if k in known), None)
        if person is None and not exact:
            person = by_name_birth.get((project, row_keys.name_birth))
        created_person = person is None
        if person is None:
            person = -(len(plan.people) + 1)
            plan.people.append(NewPerson(row, row_keys))
            for key in exact:
                known[key] = person
        elif person > 0:
            linked.add(person)
        by_name_birth.setdefault((project, row_keys.name_birth), person)
        added = created_person
        seen = seen_parts.get((project, person))
        duplicate = seen.duplicate(row.role) if seen is not None else None
        if duplicate is not None:
            plan.duplicates.append((row.number, *duplicate))
            continue
        if seen is None:
            roles = one_role.get(row.role) or one_role.setdefault(row.role, frozenset({row.role}))
            seen_parts[(project, person)] = Seen(roles, row=row.number)
            plan.participations.append((project, person, row.role, row.valid_from, row.valid_to))
            added = True
        if (group, person) not in seen_members:
            seen_members.add((group, person))
            plan.memberships.append((group, person, row.valid_from, row.valid_to))
            added = True
        if not added:
            plan.counts.unchanged_rows += 1
    _plan_candidates(session, plan)
    counts = plan.counts
    counts.people, counts.people_linked = len(plan.people), len(linked)
    plan.linked = linked
    counts.participations, counts.memberships = len(plan.participations), len(plan.memberships)
    counts.review_candidates = len(plan.candidates)
    return plan


def _plan_candidates(session: Session, plan: Plan) -> None:
    """Weak matches of each new person: people already stored, then earlier new people."""
    stored = weak_matches(session, {p.keys.name_birth for p in plan.people})
    earlier: dict[str, list[tuple[int, str | None]]] = {}
    for index, new in enumerate(plan.people):
        ref = -(index + 1)
        key, dong = new.keys.name_birth, new.row.home_dong_code
        found = [(m.person_id, weak_reason(dong, m)) for m in stored.get(key, [])]
        found += [
            (other, "name_birth_home_dong" if dong and dong == other_dong else "name_birth")
            for other, other_dong in earlier.get(key, [])
        ]
        plan.candidates.extend((ref, other, reason) for other, reason in found[:MAX_CANDIDATES])
        earlier.setdefault(key, []).append((ref, dong))
