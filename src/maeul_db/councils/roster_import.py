"""Council roster import: a sheet of members becomes seats on ONE council.

The import pipeline's ``council_roster`` kind (``imports.batches``): parse (the roster reader:
UTF-8/CP949 CSV or xlsx, header detection, synonyms; columns in ``roster_format``) → each row's
person resolved through identity (``identity.entry.register``: an existing person is reused,
never duplicated) → seated by ``seats.appoint``, the same rules as a page appointment (6 hours of
council school, one seat at a time, composition warnings). Each row runs in its own savepoint, so
a refused row leaves nothing (not even the person it would have registered). ``strict`` refuses
the whole file when any row is refused; otherwise the good rows are kept. The batch stores the
seats and the people it created, which ``imports.undo`` removes exactly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlmodel import Session, col

from maeul_db.analytics import summary_hook
from maeul_db.audit import service as audit
from maeul_db.councils import roster_subcommittees
from maeul_db.councils import service as council_service
from maeul_db.councils.roster_format import COLUMNS, GENDERS, METHODS, ROLES
from maeul_db.councils.roster_subcommittees import Placer
from maeul_db.councils.schemas import RosterImportReport, SeatCreate
from maeul_db.councils.seats import appoint
from maeul_db.errors import MaeulError
from maeul_db.identity import entry
from maeul_db.imports.batches import open_batch
from maeul_db.imports.cell_checks import RowProblem, parse_date
from maeul_db.imports.columns import YEAR_SUFFIX, header_key
from maeul_db.imports.parse import ParsedFile, RawRow, parse
from maeul_db.imports.schemas import RejectedRowPublic, RowErrorPublic
from maeul_db.kit import time as clock
from maeul_db.kit.text import normalize_phone
from maeul_db.models import Council, CouncilSeat, ImportBatch, Person, UserAccount
from maeul_db.participants.schemas import PersonCreate
from maeul_db.participants.visibility import visible_people
from maeul_db.wording import message

# A refusal's field (from the seat rules) → the roster column it came from.
_FIELD_COLUMN = {"valid_from": "start_date", "valid_to": "end_date", "role": "role"}


class _RowError(Exception):
    def __init__(self, column: str, code: str, reason: str) -> None:
        super().__init__(reason)
        self.column, self.code, self.reason = column, code, reason


@dataclass
class _Row:
    candidate: PersonCreate
    seat: SeatCreate
    subcommittees: list[str]


def _cell(parsed: ParsedFile, raw: RawRow, key: str) -> str:
    index = parsed.column_of(key)
    return raw.cells[index].strip() if index is not None and index < len(raw.cells) else ""


def _bad(column: str, key: str, **params: object) -> _RowError:
    return _RowError(column, key.rsplit(".", 1)[-1], message(key, **params))


def _choice(parsed: ParsedFile, raw: RawRow, key: str, vocab: dict[str, Any], what: str) -> Any:
    """The code a choice cell names; refused with ``council_roster.bad_<what>`` otherwise."""
    text = _cell(parsed, raw, key)
    value = vocab.get(header_key(text))
    if value is None:
        raise _bad(key, f"council_roster.bad_{what}", value=text)
    return value


def _day(parsed: ParsedFile, raw: RawRow, key: str) -> date | None:
    text = _cell(parsed, raw, key)
    if not text:
        return None
    try:
        return parse_date(text)
    except RowProblem as problem:
        raise _bad(key, problem.key or f"import_row.{problem.code}", **problem.params) from None


def _check(parsed: ParsedFile, raw: RawRow, council: Council) -> _Row:
    """The row's person and seat, or the first problem (column and reason)."""
    name = _cell(parsed, raw, "name")
    if not name:
        raise _bad("name", "council_roster.name_required")
    year = _cell(parsed, raw, "birth_year").removesuffix(YEAR_SUFFIX).strip()
    if not year.isdigit() or not 1900 <= int(year) <= clock.today().year:
        raise _bad("birth_year", "council_roster.bad_year", value=year)
    gender = _choice(parsed, raw, "gender", GENDERS, "gender")
    role = _choice(parsed, raw, "role", ROLES, "role")
    method = _choice(parsed, raw, "chosen_by", METHODS, "method")
    start = _day(parsed, raw, "start_date")
    if start is None:
        raise _bad("start_date", "council_roster.date_required")
    try:
        phone = normalize_phone(_cell(parsed, raw, "phone"))
        candidate = PersonCreate(
            name=name,
            gender=gender,
            birth_year=int(year),
            phone=phone,
            home_dong_code=council.dong_code,
            registered_district_code=council.district_code,
        )
    except (MaeulError, ValueError) as exc:
        column = "phone" if isinstance(exc, MaeulError) else "name"
        raise _RowError(column, "bad_person", str(getattr(exc, "message", exc))) from None
    end = _day(parsed, raw, "end_date")
    # 종료일 is the last day served (inclusive); a seat's valid_to is the day after.
    valid_to = end + timedelta(days=1) if end is not None else None
    seat = SeatCreate(person_id=0, role=role, chosen_by=method, valid_from=start, valid_to=valid_to)
    subcommittees = roster_subcommittees.names_in(_cell(parsed, raw, "subcommittee"))
    for too_long in (n for n in subcommittees if len(n) > roster_subcommittees.NAME_MAX):
        raise _bad("subcommittee", "council_roster.bad_subcommittee", value=too_long[:20])
    return _Row(candidate, seat, subcommittees)


def _seat_row(
    session: Session, user: UserAccount, council: Council, row: _Row, placer: Placer
) -> tuple[int, int | None]:
    """Register the person and seat them; (seat id, person id when the row created them)."""
    assert council.id is not None
    person_id, created = _known(session, user, row.candidate), False
    if person_id is None:
        try:
            found = entry.register(session, user=user, candidate=row.candidate)
        except MaeulError as exc:
            raise _RowError("name", "not_registered", exc.message) from None
        assert found.person is not None and found.person.id is not None
        person_id, created = found.person.id, found.created
    row.seat.person_id = person_id
    try:
        done = appoint(session, user=user, council_id=council.id, data=row.seat)
    except MaeulError as exc:
        column = _FIELD_COLUMN.get(exc.field or "", "name")
        raise _RowError(column, exc.code.rsplit(".", 1)[-1], exc.message) from None
    try:
        placer.seat(person_id, row.subcommittees, row.seat.valid_from, row.seat.valid_to)
    except MaeulError as exc:
        raise _RowError("subcommittee", exc.code.rsplit(".", 1)[-1], exc.message) from None
    return done.seat.id, person_id if created else None


def _known(session: Session, user: UserAccount, candidate: PersonCreate) -> int | None:
    """A person ``user`` sees with the row's name and birth year: the one with its phone when the
    row has one that matches, else the only one (the attendance import's matching); None when
    nobody or several match (identity then registers or reviews)."""
    stmt = visible_people(user).where(
        col(Person.name) == candidate.name, col(Person.birth_year) == candidate.birth_year
    )
    found = list(session.exec(stmt).all())
    exact = [p for p in found if candidate.phone and p.phone == candidate.phone]
    chosen = exact if len(exact) == 1 else found
    return chosen[0].id if len(chosen) == 1 else None


def _rejected(parsed: ParsedFile, number: int, error: _RowError) -> RejectedRowPublic:
    index = parsed.column_of(error.column)
    column = parsed.headers[index] if index is not None else error.column
    return RejectedRowPublic(
        row=number,
        column=column,
        reason=error.reason,
        code=error.code,
        errors=[RowErrorPublic(column=column, reason=error.reason, code=error.code)],
    )


def run_import(
    session: Session,
    *,
    user: UserAccount,
    council_id: int,
    content: bytes,
    filename: str,
    strict: bool = False,
) -> RosterImportReport:
    """Seat every good row on the council (all or nothing when ``strict``). The caller commits."""
    council = council_service.get_for_write(session, user=user, council_id=council_id)
    parsed = parse(content, filename, COLUMNS)
    raws = list(parsed.rows)
    outer = session.begin_nested()  # a refused strict file leaves nothing, not even the batch
    batch = open_batch(
        session,
        kind="council_roster",
        district_code=council.district_code,
        filename=filename,
        content=content,
        actor=user if user.id is not None else None,
        counts=(len(raws), 0, 0),
        stored={},
    )
    seats: list[int] = []
    people: list[int] = []
    rejected: list[RejectedRowPublic] = []
    placer = Placer(session, user, council_id)
    for raw in raws:
        savepoint = session.begin_nested()
        try:
            row = _check(parsed, raw, council)
            seat_id, created = _seat_row(session, user, council, row, placer)
            savepoint.commit()
            seats.append(seat_id)
            people += [created] if created is not None else []
        except _RowError as error:
            savepoint.rollback()
            placer.reload()
            rejected.append(_rejected(parsed, raw.number, error))
    refused = bool(rejected) and strict
    if refused or not seats:
        outer.rollback()
        return _report(parsed, council, filename, len(raws), rejected, [], [], None, refused)
    batch.committed, batch.rejected = len(seats), len(rejected)
    _store(batch, council, seats, people, placer)
    session.add(batch)
    outer.commit()
    audit.record(
        session,
        actor=user,
        action="import",
        entity="import_batch",
        entity_id=batch.id,
        district_code=council.district_code,
        after={"kind": "council_roster", "council_id": council.id, "seats": len(seats)},
    )
    made = [message("council_roster.subcommittee_created", name=n) for _, n in placer.created]
    parsed.warnings.extend(made)
    return _report(parsed, council, filename, len(raws), rejected, seats, people, batch.id, False)


def _store(
    batch: ImportBatch, council: Council, seats: list[int], people: list[int], placer: Placer
) -> None:
    stored = {
        "council_id": council.id,
        "seats": seats,
        "people": people,
        "subcommittee_members": placer.members,
        "subcommittees": [made for made, _ in placer.created],
    }
    batch.report = json.dumps(stored, ensure_ascii=False)


def _report(
    parsed: ParsedFile,
    council: Council,
    filename: str,
    rows_read: int,
    rejected: list[RejectedRowPublic],
    seats: list[int],
    people: list[int],
    batch_id: int | None,
    refused: bool,
) -> RosterImportReport:
    assert council.id is not None
    return RosterImportReport(
        filename=filename,
        file_kind=parsed.kind,
        council_id=council.id,
        rows_read=rows_read,
        seats_created=len(seats),
        people_created=len(people),
        rejected_rows=len(rejected),
        rejected=rejected,
        refused=refused,
        message=message("council_roster.file_refused", count=len(rejected)) if refused else None,
        warnings=parsed.warnings,
        batch_id=batch_id,
    )


def undo_rows(
    session: Session, batch_id: int, stored: dict[str, Any]
) -> tuple[dict[str, int], dict[str, int]]:
    """Remove the seats a council_roster batch made, then the people it created unless something
    else refers to them now (those are kept and counted)."""
    from maeul_db.imports.undo import delete_created_people

    table = CouncilSeat.__table__  # type: ignore[attr-defined]
    seat_ids = [int(i) for i in stored.get("seats", [])]
    removed = {"council_seat": 0}
    if seat_ids:
        # A bulk delete the ORM does not see: its seat holders' summaries refresh at commit
        # (the ladder reach rows and the council members' year masks).
        holders = select(table.c.person_id).where(table.c.id.in_(seat_ids))
        summary_hook.mark(session, (int(p) for (p,) in session.connection().execute(holders)))
        removed["council_seat"] = (
            session.connection().execute(delete(table).where(table.c.id.in_(seat_ids))).rowcount
        )
    session.expire_all()
    people = [int(i) for i in stored.get("people", [])]
    removed.update(roster_subcommittees.undo(session, stored))
    removed["person"], kept = delete_created_people(session, people)
    return removed, {"person": kept}
