"""Insert a roster import's plan (``imports.plan``) through the bulk path, no ORM object per row,
in the caller's transaction; and the district lock that serialises writing imports and undos.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, func, select, text
from sqlmodel import Session, SQLModel

from maeul_db import db
from maeul_db.analytics import summary_hook
from maeul_db.bulk import bulk_insert
from maeul_db.imports.plan import Plan
from maeul_db.imports.validate import RosterRow
from maeul_db.models import ConsentScope, GroupTheme, MatchStatus, MembershipRole, load_all

# The first key of the two-key advisory lock: a namespace of its own, apart from the access log's.
_PG_IMPORT_LOCK_SPACE = 7_202_612
# Enum values written on every row, read once (an enum member's ``.value`` is a descriptor call).
_PARTICIPATION = (ConsentScope.participation.value,)
_MEMBER = MembershipRole.member.value
_OPEN = MatchStatus.open.value


def lock_district(session: Session, district_code: str) -> None:
    """Serialise writing imports (and undos, ``imports.undo``) into one district until the
    transaction ends.

    Two imports of one file must not both plan against a register that holds neither: on
    PostgreSQL the second waits here for the first to commit and then (READ COMMITTED: each
    statement sees what is committed) plans against its rows, so it adds nothing. SQLite needs no
    lock of its own: a writing transaction begins IMMEDIATE and holds the database's only write
    lock. A session on ``db``'s reader holds no lock at all, so it must never get here.
    """
    if db.reads_only(session):
        raise RuntimeError("an import or undo on a read-only session (db.reader_of)")
    if session.get_bind().dialect.name == "postgresql":
        session.connection().execute(
            text("SELECT pg_advisory_xact_lock(:space, hashtext(:district))"),
            {"space": _PG_IMPORT_LOCK_SPACE, "district": district_code},
        )


def _table(name: str) -> Table:
    if name not in SQLModel.metadata.tables:  # its model not imported yet (models load lazily)
        load_all()
    return SQLModel.metadata.tables[name]


def allocate_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """Ids for ``count`` new rows. PostgreSQL draws them from the table's sequence (safe beside
    other writers); SQLite takes max + 1 onwards, safe because the batch row written first holds
    the database's write lock until commit."""
    if count == 0:
        return []
    if connection.dialect.name == "postgresql":
        rows = connection.execute(
            text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
            ),
            {"table": table.name, "n": count},
        )
        return [int(r[0]) for r in rows]
    start = int(connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
    return list(range(start + 1, start + 1 + count))


def _resolver(new_ids: list[int]) -> Any:
    return lambda ref: ref if ref > 0 else new_ids[-ref - 1]


def _purposes(row: RosterRow) -> tuple[str, ...]:
    """The purposes a new person consented to on the roster's form; the roster alone implies the
    participation record."""
    return row.consent_purposes or _PARTICIPATION


def _insert_consents(
    connection: Connection, person_ids: list[int], plan: Plan, *, batch_id: int, now: datetime
) -> None:
    """One consent record per purpose of each new person (method ``imported``, dated by the form)."""
    bulk_insert(
        connection,
        _table("consent"),
        (
            (now, now, pid, purpose, "imported", p.row.consent_on, p.row.district_code, batch_id)
            for pid, p in zip(person_ids, plan.people, strict=True)
            for purpose in _purposes(p.row)
        ),
        columns=(
            "created_at",
            "updated_at",
            "person_id",
            "purpose",
            "method",
            "given_on",
            "district_code",
            "import_batch_id",
        ),
    )


def apply(
    session: Session,
    plan: Plan,
    *,
    district_code: str,
    batch_id: int,
    actor_id: int | None,
    now: datetime,
) -> list[int]:
    """Insert the plan's rows in the session's transaction (bulk path, no ORM object per row);
    returns the new people's ids."""
    connection = session.connection()
    group_ids = allocate_ids(connection, _table("community_group"), len(plan.groups))
    project_ids = allocate_ids(connection, _table("project"), len(plan.projects))
    person_ids = allocate_ids(connection, _table("person"), len(plan.people))
    group, project, person = _resolver(group_ids), _resolver(project_ids), _resolver(person_ids)
    stamp = (now, now)
    bulk_insert(
        connection,
        _table("community_group"),
        (
            (gid, *stamp, name, district_code, dong, GroupTheme.other.value, founded, batch_id)
            for gid, (name, dong, founded) in zip(group_ids, plan.groups, strict=True)
        ),
        columns=(
            "id",
            "created_at",
            "updated_at",
            "name",
            "district_code",
            "dong_code",
            "theme",
            "founded_on",
            "import_batch_id",
        ),
    )
    bulk_insert(
        connection,
        _table("project"),
        (
            (
                pid,
                *stamp,
                r.project,
                r.year,
                district_code,
                r.dong_code,
                group(g),
                r.programme,
                r.stage,
                0,
                0,
                0,
                batch_id,
            )
            for pid, r, g in zip(project_ids, plan.projects, plan.project_groups, strict=True)
        ),
        columns=(
            "id",
            "created_at",
            "updated_at",
            "name",
            "year",
            "district_code",
            "dong_code",
            "group_id",
            "programme",
            "stage",
            "grant_krw",
            "self_cash_krw",
            "self_noncash_krw",
            "import_batch_id",
        ),
    )
    bulk_insert(
        connection,
        _table("person"),
        (
            (
                pid,
                *stamp,
                p.row.name,
                p.row.gender,
                p.row.birth_year,
                p.row.phone,
                p.row.email,
                p.row.home_dong_code,
                district_code,
                ",".join(_purposes(p.row)),
                1,
                p.keys.name_birth_phone,
                p.keys.name_birth_email,
                p.keys.name_birth,
                batch_id,
            )
            for pid, p in zip(person_ids, plan.people, strict=True)
        ),
        columns=(
            "id",
            "created_at",
            "updated_at",
            "name",
            "gender",
            "birth_year",
            "phone",
            "email",
            "home_dong_code",
            "registered_district_code",
            "consent_scopes",
            "version",
            "key_name_birth_phone",
            "key_name_birth_email",
            "key_name_birth",
            "import_batch_id",
        ),
    )
    bulk_insert(
        connection,
        _table("person_version"),
        (
            (
                pid,
                1,
                now,
                actor_id,
                "import",
                p.row.name,
                p.row.gender,
                p.row.birth_year,
                p.row.phone,
                p.row.email,
                p.row.home_dong_code,
            )
            for pid, p in zip(person_ids, plan.people, strict=True)
        ),
        columns=(
            "person_id",
            "version",
            "recorded_at",
            "recorded_by_user_id",
            "reason",
            "name",
            "gender",
            "birth_year",
            "phone",
            "email",
            "home_dong_code",
        ),
    )
    _insert_consents(connection, person_ids, plan, batch_id=batch_id, now=now)
    bulk_insert(
        connection,
        _table("participation"),
        (
            (*stamp, start, end, project(pr), person(pe), role, district_code, batch_id)
            for pr, pe, role, start, end in plan.participations
        ),
        columns=(
            "created_at",
            "updated_at",
            "valid_from",
            "valid_to",
            "project_id",
            "person_id",
            "role",
            "district_code",
            "import_batch_id",
        ),
    )
    bulk_insert(
        connection,
        _table("group_membership"),
        (
            (
                *stamp,
                start,
                end,
                group(gr),
                person(pe),
                _MEMBER,
                district_code,
                batch_id,
            )
            for gr, pe, start, end in plan.memberships
        ),
        columns=(
            "created_at",
            "updated_at",
            "valid_from",
            "valid_to",
            "group_id",
            "person_id",
            "role",
            "district_code",
            "import_batch_id",
        ),
    )
    bulk_insert(
        connection,
        _table("person_match_candidate"),
        (
            (*stamp, person(pe), person(other), district_code, reason, _OPEN)
            for pe, other, reason in plan.candidates
        ),
        columns=(
            "created_at",
            "updated_at",
            "person_id",
            "candidate_person_id",
            "district_code",
            "reason",
            "status",
        ),
    )
    summary_hook.mark_batch(session, batch_id)  # their summaries are rebuilt at commit
    return person_ids
