"""Training attendance import: a sheet of module attendance for one programme.

parse (the roster import's reader: UTF-8/CP949 CSV or xlsx) → match every row to a person in scope
and a module → write in one go only when no row is bad (all-or-nothing) → report. Completion is
recomputed by the training service, never read from the file. ``docs/import-format.md``
("교육 출석") describes the format.

Matching: name + birth year + phone when the row has a phone that matches exactly one person,
otherwise name + birth year when that is unique in scope. The scope is the district's people
(``district_code``) or the whole city (None).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.imports.columns import ColumnSpec, header_key
from maeul_db.imports.parse import ParsedFile, RawRow, parse
from maeul_db.imports.schemas import RejectedRowPublic, RowErrorPublic
from maeul_db.imports.validate import parse_date
from maeul_db.kit import time as clock
from maeul_db.kit.text import normalize_name, normalize_phone
from maeul_db.models import (
    District,
    Enrolment,
    ModuleAttendance,
    Person,
    Role,
    TrainingCompletion,
    TrainingModule,
    TrainingProgram,
    UserAccount,
)
from maeul_db.participants.visibility import visible_people
from maeul_db.training import service as training_service
from maeul_db.training.schemas import AttendanceImportReport

COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("name", "성명", "name", True, ("이름",)),
    ColumnSpec("birth_year", "출생연도", "birth_year", True, ("생년", "출생년도", "birthyear")),
    ColumnSpec("phone", "연락처", "phone", False, ("전화번호", "휴대전화", "휴대폰")),
    ColumnSpec("module", "모듈", "module", True, ("모듈명", "강의", "차시")),
    ColumnSpec("hours", "출석시간", "hours", True, ("시간", "이수시간")),
    ColumnSpec("date", "출석일", "date", False, ("날짜", "교육일")),
)


@dataclass
class _Row:
    number: int
    person_id: int
    module: TrainingModule
    hours: Decimal
    attended_on: date | None


class _RowError(Exception):
    def __init__(self, column: str, code: str, reason: str) -> None:
        super().__init__(reason)
        self.column, self.code, self.reason = column, code, reason


def _scope_query(district_code: str | None) -> Any:
    """The people a district's staff see (the city's, without a district), merged-away excluded."""
    # A transient viewer (never added to the session) so the scope is the same query as staff get.
    viewer = UserAccount(username="import", password_hash="", role=Role.city_admin)
    if district_code is not None:
        viewer.role, viewer.district_code = Role.district_staff, district_code
    return visible_people(viewer)


class _Matcher:
    def __init__(self, session: Session, parsed_names: set[str], district_code: str | None):
        stmt = _scope_query(district_code).where(col(Person.name).in_(sorted(parsed_names)))
        self.people: dict[tuple[str, int], list[Person]] = {}
        for person in session.exec(stmt).all():
            self.people.setdefault((person.name, person.birth_year), []).append(person)

    def match(self, name: str, birth_year: int, phone: str | None) -> int:
        candidates = self.people.get((name, birth_year), [])
        if phone is not None:
            exact = [p for p in candidates if p.phone == phone]
            if len(exact) == 1 and exact[0].id is not None:
                return exact[0].id
        if len(candidates) == 1 and candidates[0].id is not None:
            return candidates[0].id
        if not candidates:
            raise _RowError(
                "name",
                "no_person",
                f"범위 안에 {name}({birth_year}) 인물이 없습니다 (no such person in scope)",
            )
        raise _RowError(
            "phone",
            "ambiguous_person",
            f"{name}({birth_year})이(가) {len(candidates)}명입니다; 연락처로 구분하세요 "
            "(ambiguous person: add the phone)",
        )


def _cell(parsed: ParsedFile, raw: RawRow, key: str) -> str:
    index = parsed.column_of(key)
    return raw.cells[index].strip() if index is not None else ""


def _check_row(
    parsed: ParsedFile, raw: RawRow, matcher: _Matcher, modules: dict[str, TrainingModule]
) -> _Row:
    name_text = _cell(parsed, raw, "name")
    if not name_text:
        raise _RowError("name", "required", "성명이 비어 있습니다 (name required)")
    try:
        name = normalize_name(name_text)
    except InvalidInput as exc:
        raise _RowError("name", "bad_name", exc.message) from None
    year_text = _cell(parsed, raw, "birth_year").removesuffix("년").strip()
    if not year_text.isdigit() or not 1900 <= int(year_text) <= clock.today().year:
        raise _RowError(
            "birth_year", "bad_year", f"출생연도가 올바르지 않습니다: {year_text} (bad birth year)"
        )
    try:
        phone = normalize_phone(_cell(parsed, raw, "phone"))
    except InvalidInput as exc:
        raise _RowError("phone", "bad_phone", exc.message) from None
    module = modules.get(header_key(_cell(parsed, raw, "module")))
    if module is None:
        raise _RowError(
            "module",
            "unknown_module",
            f"이 과정의 모듈이 아닙니다: {_cell(parsed, raw, 'module')} (module not in programme)",
        )
    hours_text = _cell(parsed, raw, "hours").removesuffix("시간").strip()
    try:
        hours = Decimal(hours_text)
    except InvalidOperation:
        raise _RowError(
            "hours",
            "bad_hours",
            f"출석시간이 숫자가 아닙니다: {hours_text} (hours must be a number)",
        ) from None
    if not hours.is_finite() or hours < 0 or hours > module.hours:
        raise _RowError(
            "hours",
            "bad_hours",
            f"출석시간은 0에서 {module.hours} 사이여야 합니다: {hours_text} (hours out of range)",
        )
    day_text = _cell(parsed, raw, "date")
    try:
        attended_on = parse_date(day_text) if day_text else None
    except Exception as exc:  # validate's row error, carrying the Korean reason
        raise _RowError("date", "bad_date", str(exc)) from None
    person_id = matcher.match(name, int(year_text), phone)
    return _Row(raw.number, person_id, module, hours, attended_on)


def _module_lookup(modules: list[TrainingModule]) -> dict[str, TrainingModule]:
    """A module by its name or its sequence number ("1", "1차시")."""
    lookup: dict[str, TrainingModule] = {}
    for module in modules:
        lookup[header_key(module.name)] = module
        lookup[str(module.sequence)] = module
        lookup[header_key(f"{module.sequence}차시")] = module
    return lookup


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


def _write(
    session: Session, user: UserAccount, program: TrainingProgram, rows: list[_Row]
) -> tuple[int, int]:
    """Enrol where needed, set the hours, recompute; returns (new enrolments, completed)."""
    assert program.id is not None
    created = 0
    enrolments: dict[int, Enrolment] = {}
    for person_id in sorted({r.person_id for r in rows}):
        enrolment = session.exec(
            select(Enrolment).where(
                Enrolment.program_id == program.id,
                Enrolment.person_id == person_id,
                col(Enrolment.withdrawn_on).is_(None),
            )
        ).first()
        if enrolment is None:
            days = [r.attended_on for r in rows if r.person_id == person_id and r.attended_on]
            enrolment = Enrolment(
                program_id=program.id,
                person_id=person_id,
                district_code=program.district_code,
                enrolled_on=min(days) if days else clock.today(),
            )
            session.add(enrolment)
            session.flush()
            created += 1
            audit.record(
                session,
                actor=user,
                action="create",
                entity="enrolment",
                entity_id=enrolment.id,
                district_code=enrolment.district_code,
                after={
                    "program_id": program.id,
                    "person_id": person_id,
                    "source": "attendance import",
                },
            )
        enrolments[person_id] = enrolment
    for row in rows:
        enrolment_id = enrolments[row.person_id].id
        assert enrolment_id is not None and row.module.id is not None
        existing = session.get(ModuleAttendance, (enrolment_id, row.module.id))
        before = (
            None
            if existing is None
            else {"hours": existing.hours_attended, "on": existing.attended_on}
        )
        record = existing or ModuleAttendance(
            enrolment_id=enrolment_id, module_id=row.module.id, hours_attended=row.hours
        )
        record.hours_attended, record.attended_on = row.hours, row.attended_on
        session.add(record)
        audit.record(
            session,
            actor=user,
            action="record",
            entity="module_attendance",
            entity_id=f"{enrolment_id}/{row.module.id}",
            district_code=program.district_code,
            before=before,
            after={"hours": row.hours, "on": row.attended_on, "source": "import"},
        )
    session.flush()
    for person_id in enrolments:
        training_service.recompute_person(session, person_id=person_id)
    completed = session.exec(
        select(TrainingCompletion.person_id).where(
            TrainingCompletion.program_id == program.id,
            col(TrainingCompletion.person_id).in_(list(enrolments)),
        )
    ).all()
    return created, len(set(completed))


def run_import(
    session: Session,
    *,
    user: UserAccount,
    content: bytes,
    filename: str,
    program_code: str,
    district_code: str | None,
    dry_run: bool,
) -> AttendanceImportReport:
    """Check every row; write only when all are good and not ``dry_run``. The caller commits.
    It matches people city-wide and records any programme: the city admin's (the operator's) task."""
    if not policies.is_city_admin(user):
        raise Forbidden("시 관리자만 출석을 일괄 입력할 수 있습니다 (city admin only)")
    program = session.exec(
        select(TrainingProgram).where(TrainingProgram.code == program_code)
    ).first()
    if program is None:
        raise NotFound(f"교육과정을 찾을 수 없습니다: {program_code} (programme not found)")
    assert program.id is not None
    if district_code is not None and program.district_code not in (None, district_code):
        raise InvalidInput(
            "다른 자치구의 교육과정입니다 (programme of another district)", field="district"
        )
    if district_code is not None and session.get(District, district_code) is None:
        raise InvalidInput(
            f"알 수 없는 자치구 코드: {district_code} (unknown district)", field="district"
        )
    parsed = parse(content, filename, COLUMNS)
    raws = list(parsed.rows)
    names = set()
    for raw in raws:
        with contextlib.suppress(InvalidInput):  # a bad name is reported by the row check
            names.add(normalize_name(_cell(parsed, raw, "name")))
    matcher = _Matcher(session, names, district_code)
    modules = _module_lookup(training_service.modules_of(session, program_id=program.id))
    good: list[_Row] = []
    rejected: list[RejectedRowPublic] = []
    seen: dict[tuple[int, int | None], int] = {}
    for raw in raws:
        try:
            row = _check_row(parsed, raw, matcher, modules)
            key = (row.person_id, row.module.id)
            if key in seen:
                raise _RowError(
                    "module",
                    "duplicate",
                    f"{seen[key]}행과 같은 사람·모듈입니다 "
                    "(same person and module as an earlier row)",
                )
            seen[key] = raw.number
            good.append(row)
        except _RowError as error:
            rejected.append(_rejected(parsed, raw.number, error))
    created = completed = 0
    if not rejected and not dry_run and good:
        created, completed = _write(session, user, program, good)
    return AttendanceImportReport(
        filename=filename,
        file_kind=parsed.kind,
        encoding=parsed.encoding,
        program_code=program.code,
        district_code=district_code,
        dry_run=dry_run,
        rows_read=len(raws),
        rejected_rows=len(rejected),
        rejected=rejected,
        people=len({r.person_id for r in good}),
        enrolments_created=created,
        attendance_recorded=len(good) if not rejected and not dry_run else 0,
        completed=completed,
        warnings=parsed.warnings,
    )
