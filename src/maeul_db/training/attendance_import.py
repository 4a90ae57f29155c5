"""Training attendance import: a sheet of module attendance for one programme.

The import pipeline's ``attendance`` kind (``imports.batches``): parse (the roster import's reader:
UTF-8/CP949 CSV or xlsx) → match every row to a person in scope and a module → write in bulk only
when no row is bad (all-or-nothing, ``attendance_write``) into an import batch that is listed and
undone like a roster's → report. Completion is recomputed by the training service, never read from
the file. ``docs/import-format.md`` describes the format (columns: ``attendance_format``).

Matching: name + birth year + phone when the row has a phone that matches exactly one person,
otherwise name + birth year when that is unique in scope. The scope is the district's people
(``district_code``) or the whole city (None).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlmodel import Session, col

from maeul_db.errors import InvalidInput
from maeul_db.imports import files
from maeul_db.imports.cell_checks import RowProblem, parse_date
from maeul_db.imports.columns import YEAR_SUFFIX, header_key
from maeul_db.imports.parse import ParsedFile, RawRow, ReadOptions, parse
from maeul_db.imports.schemas import RejectedRowPublic, RowErrorPublic
from maeul_db.imports.values import year_of_birth_date
from maeul_db.kit import time as clock
from maeul_db.kit.text import normalize_name, normalize_phone
from maeul_db.models import (
    Person,
    Role,
    TrainingModule,
    UserAccount,
)
from maeul_db.participants.visibility import visible_people
from maeul_db.training import attendance_access
from maeul_db.training import service as training_service
from maeul_db.training.attendance_batch import SheetFile, write_batch
from maeul_db.training.attendance_format import COLUMNS, HOURS_SUFFIX, SESSION_SUFFIX
from maeul_db.training.attendance_write import AttendanceRow
from maeul_db.training.schemas import AttendanceImportReport
from maeul_db.wording import is_code, message

__all__ = ["COLUMNS", "import_sheet", "run_import"]

PROGRESS_EVERY = 500


@dataclass
class _Row:
    number: int
    person_id: int
    module: TrainingModule
    hours: Decimal
    attended_on: date | None

    def checked(self) -> AttendanceRow:
        assert self.module.id is not None
        return AttendanceRow(
            self.number, self.person_id, self.module.id, self.hours, self.attended_on
        )


class _RowError(Exception):
    """A refused row: the column, a stable ``code`` and the catalogue ``key`` with ``params``."""

    def __init__(self, column: str, code: str, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.column, self.code, self.key, self.params = column, code, key, params

    @classmethod
    def of(cls, column: str, code: str, key: str, params: dict[str, object]) -> _RowError:
        """A normaliser's error (already a key and parameters) on this column."""
        return cls(column, code, key, **params)

    @property
    def reason(self) -> str:
        return message(self.key, **self.params) if is_code(self.key) else self.key


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
                "name", "no_person", "attendance_row.no_person", name=name, birth_year=birth_year
            )
        raise _RowError(
            "phone",
            "ambiguous_person",
            "attendance_row.ambiguous_person",
            name=name,
            birth_year=birth_year,
            count=len(candidates),
        )


def _cell(parsed: ParsedFile, raw: RawRow, key: str) -> str:
    index = parsed.column_of(key)
    return raw.cells[index].strip() if index is not None else ""


def _check_row(
    parsed: ParsedFile, raw: RawRow, matcher: _Matcher, modules: dict[str, TrainingModule]
) -> _Row:
    name_text = _cell(parsed, raw, "name")
    if not name_text:
        raise _RowError("name", "required", "attendance_row.name_required")
    try:
        name = normalize_name(name_text)
    except InvalidInput as exc:
        raise _RowError.of("name", "bad_name", exc.code, exc.params) from None
    year_text = _cell(parsed, raw, "birth_year").removesuffix(YEAR_SUFFIX).strip()
    if not year_text.isdigit():  # a full date of birth (1985. 3. 2.) gives its year
        year_text = str(year_of_birth_date(year_text) or year_text)
    if not year_text.isdigit() or not 1900 <= int(year_text) <= clock.today().year:
        raise _RowError("birth_year", "bad_year", "attendance_row.bad_year", value=year_text)
    try:
        phone = normalize_phone(_cell(parsed, raw, "phone"))
    except InvalidInput as exc:
        raise _RowError.of("phone", "bad_phone", exc.code, exc.params) from None
    module = modules.get(header_key(_cell(parsed, raw, "module")))
    if module is None:
        raise _RowError(
            "module",
            "unknown_module",
            "attendance_row.unknown_module",
            value=_cell(parsed, raw, "module"),
        )
    hours_text = _cell(parsed, raw, "hours").removesuffix(HOURS_SUFFIX).strip()
    try:
        hours = Decimal(hours_text)
    except InvalidOperation:
        raise _RowError(
            "hours", "bad_hours", "attendance_row.hours_not_number", value=hours_text
        ) from None
    if not hours.is_finite() or hours < 0 or hours > module.hours:
        raise _RowError(
            "hours",
            "bad_hours",
            "attendance_row.hours_out_of_range",
            value=hours_text,
            max_hours=module.hours,
        )
    day_text = _cell(parsed, raw, "date")
    try:
        attended_on = parse_date(day_text) if day_text else None
    except RowProblem as problem:
        key = problem.key or f"import_row.{problem.code}"
        raise _RowError.of("date", "bad_date", key, problem.params) from None
    person_id = matcher.match(name, int(year_text), phone)
    return _Row(raw.number, person_id, module, hours, attended_on)


def _module_lookup(modules: list[TrainingModule]) -> dict[str, TrainingModule]:
    """A module by its name or its sequence number ("1", "1차시")."""
    lookup: dict[str, TrainingModule] = {}
    for module in modules:
        lookup[header_key(module.name)] = module
        lookup[str(module.sequence)] = module
        lookup[header_key(f"{module.sequence}{SESSION_SUFFIX}")] = module
    return lookup


def module_keys(modules: list[TrainingModule]) -> list[str]:
    """Every module spelling a sheet may use (``header_key`` form), for the wizard's value step."""
    return list(_module_lookup(modules))


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


@dataclass
class _Checked:
    rows_read: int
    good: list[_Row]
    rejected: list[RejectedRowPublic]
    # The refused rows as typed, followed by the error text: the rejected-rows file.
    rejected_cells: list[list[str]]


def _check_all(
    session: Session,
    parsed: ParsedFile,
    program_id: int,
    district_code: str | None,
    progress: Callable[[int], None] | None,
) -> _Checked:
    raws = list(parsed.rows)
    names = set()
    for raw in raws:
        with contextlib.suppress(InvalidInput):  # a bad name is reported by the row check
            names.add(normalize_name(_cell(parsed, raw, "name")))
    matcher = _Matcher(session, names, district_code)
    modules = _module_lookup(training_service.modules_of(session, program_id=program_id))
    checked = _Checked(len(raws), [], [], [])
    seen: dict[tuple[int, int | None], int] = {}
    for done, raw in enumerate(raws, start=1):
        try:
            row = _check_row(parsed, raw, matcher, modules)
            key = (row.person_id, row.module.id)
            if key in seen:
                raise _RowError("module", "duplicate", "attendance_row.duplicate", row=seen[key])
            seen[key] = raw.number
            checked.good.append(row)
        except _RowError as error:
            refused = _rejected(parsed, raw.number, error)
            checked.rejected.append(refused)
            checked.rejected_cells.append([*raw.cells, f"{refused.column}: {refused.reason}"])
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == len(raws)):
            progress(done)
    return checked


@dataclass
class AttendanceOutcome:
    """The report and, when rows were refused, the file of those rows to fix and import again
    (the upload's format, an errors column added; kept in the batch after a partial import)."""

    report: AttendanceImportReport
    rejected_file: bytes | None = None
    rejected_filename: str | None = None


def import_sheet(
    session: Session,
    *,
    user: UserAccount,
    content: bytes,
    filename: str,
    program_code: str,
    district_code: str | None,
    dry_run: bool,
    partial: bool = False,
    options: ReadOptions | None = None,
    progress: Callable[[int], None] | None = None,
) -> AttendanceOutcome:
    """Check every row; write when all are good (``partial``: the good ones) and not ``dry_run``.
    The caller commits. ``options``: the wizard's (or the CLI's) reading choices; ``progress``
    is told how many rows were checked so far."""
    program = attendance_access.find_program(
        session, user=user, program_code=program_code, district_code=district_code
    )
    assert program.id is not None
    parsed = parse(content, filename, COLUMNS, options=options)
    checked = _check_all(session, parsed, program.id, district_code, progress)
    good, rejected = checked.good, checked.rejected
    writes = bool(good) and not dry_run and (partial or not rejected)
    created = completed = 0
    batch_id: int | None = None
    if writes:
        sheet = SheetFile(filename, content, parsed.kind, parsed.headers, checked.rejected_cells)
        batch_id, created, completed = write_batch(
            session,
            user,
            program,
            [r.checked() for r in good],
            sheet=sheet,
            district=district_code,
            counts=(checked.rows_read, len(good), len(rejected)),
        )
    report = AttendanceImportReport(
        filename=filename,
        file_kind=parsed.kind,
        encoding=parsed.encoding,
        program_code=program.code,
        district_code=district_code,
        dry_run=dry_run,
        rows_read=checked.rows_read,
        rejected_rows=len(rejected),
        rejected=rejected,
        people=len({r.person_id for r in good}),
        enrolments_created=created,
        attendance_recorded=len(good) if writes else 0,
        completed=completed,
        warnings=parsed.warnings,
        batch_id=batch_id,
    )
    if not checked.rejected_cells:
        return AttendanceOutcome(report)
    return AttendanceOutcome(
        report,
        files.rejected_file(parsed.headers, checked.rejected_cells, parsed.kind),
        files.rejected_filename(filename, parsed.kind),
    )


def run_import(session: Session, **kwargs: Any) -> AttendanceImportReport:
    """``import_sheet``'s report alone (the keyword arguments are the same)."""
    return import_sheet(session, **kwargs).report
