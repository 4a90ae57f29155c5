"""Check every parsed row against the format and the reference geography (``lookups``); collect
each row's errors with the row number, column and reason. Pure: the lookups are read once per
import (:func:`maeul_db.imports.lookups.load_lookups`), the cells checked by ``cell_checks``."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from maeul_db.errors import InvalidInput
from maeul_db.imports import cell_checks as cells
from maeul_db.imports.cell_checks import RowError, RowProblem, screened
from maeul_db.imports.columns import GENDERS, PROGRAMMES, ROLES, STAGES, header_key
from maeul_db.imports.dong_hint import dong_suggestion
from maeul_db.imports.lookups import Lookups
from maeul_db.imports.parse import ParsedFile, RawRow, header_for
from maeul_db.imports.values import dong_key
from maeul_db.kit import time as clock
from maeul_db.kit.text import normalize_email, normalize_name
from maeul_db.models import Programme
from maeul_db.wording import label


@dataclass(slots=True)
class RosterRow:
    number: int
    year: int
    district_code: str
    dong_code: str
    project: str
    stage: str
    programme: str
    group: str
    name: str
    gender: str
    birth_year: int
    phone: str | None
    email: str | None
    home_dong_code: str | None
    role: str
    valid_from: date
    valid_to: date | None
    consent_on: date | None = None
    consent_purposes: tuple[str, ...] = ()


@dataclass
class Rejected:
    row: RawRow
    errors: list[RowError]


@dataclass
class Validated:
    rows_read: int = 0
    valid: list[RosterRow] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    # Values read with a default (an unknown value in an optional column): the row is kept.
    warnings: list[RowError] = field(default_factory=list)
    # Strict mode on a large good file: the valid rows were not kept; they are read again while
    # being written (``imports.chunked``).
    streamed: bool = False


# Memoised cell values kept per file at most (a million rows hold a few thousand distinct dates).
MEMO_LIMIT = 200_000
_MISSING = object()
# An optional column's value that is not in its vocabulary (the row keeps the default).
_UNKNOWN = object()
# ``same`` of a column that is checked on every row, not memoised (names, phones: mostly unique).
_EACH = object()
_CAUGHT = (RowProblem, InvalidInput)
# A roster without the optional programme column: the village-community grant (read once, not
# through the enum on every row).
DEFAULT_PROGRAMME = Programme.village_community.value


def _soft(convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """``convert`` for an optional column: its refusal becomes ``_UNKNOWN`` (a warning and the
    default), while the screen (RRN, control characters) still refuses the row."""

    def run(text: str) -> Any:
        try:
            return convert(text)
        except RowProblem:
            return _UNKNOWN

    return run


class RowChecker:
    """Validates one row; reused for every row of a file (lookups and column indexes held once).

    A file repeats its years, districts, dates, dongs, projects, groups and choices on every row:
    each distinct cell is screened and converted once per (column, text, what else the value
    depends on), at most ``MEMO_LIMIT`` of them; a refusal is memoised too and becomes a new row
    error for every row that holds it."""

    def __init__(self, parsed: ParsedFile, lookups: Lookups, district_code: str) -> None:
        self.lookups = lookups
        self.district_code = district_code
        self.index = {key: i for i, key in enumerate(parsed.fields) if key is not None}
        self.header = {key: header_for(parsed, key) for key in self.index}
        self._intern: dict[str, str] = {}
        self._memos: dict[tuple[str, str, object], Any] = {}
        self._starts: dict[int, date] = {}
        self.warnings: list[RowError] = []
        today = lookups.today
        self._year = lambda t: cells.year(t, low=2000, high=today.year + 1, code="bad_year")
        self._consent = lambda t: cells.consent_date(t, today)
        self._project = lambda t: self._text(t, 200)
        self._group = lambda t: self._text(t, 100)
        self._stage = lambda t: cells.choice(t, STAGES, "unknown_stage")
        self._gender = lambda t: cells.choice(t, GENDERS, "unknown_gender")
        self._role = lambda t: cells.choice(t, ROLES, "unknown_role")
        self._programme = _soft(lambda t: cells.choice(t, PROGRAMMES, "unknown_programme"))

    def _district(self, text: str) -> str:
        code = self.lookups.districts.get(header_key(text))
        if code is None:
            raise RowProblem("unknown_district", value=text)
        if code != self.district_code:
            raise RowProblem("other_district", value=text, district=self.district_code)
        return code

    def _dong(
        self, text: str, district: str | None, on: date, *, code: str = "unknown_dong"
    ) -> str:
        ref = self.lookups.dongs.get(text)
        if ref is not None:
            candidates = [ref]
        elif district is not None:
            candidates = self.lookups.dong_names.get((district, dong_key(text)), [])
            if not candidates and code == "unknown_home_dong":
                candidates = self.lookups.city_dong_names.get(dong_key(text), [])
        else:
            candidates = []
        if district is not None and code == "unknown_dong":
            candidates = [c for c in candidates if c.district_code == district]
        if not candidates:
            raise RowProblem(code, "import_row.unknown_dong", value=text)
        valid = [c for c in candidates if c.valid_on(on)]
        if not valid:
            key, params = dong_suggestion(self.lookups, candidates, on)
            raise RowProblem(code, key, value=text, on=on, **params)
        if len({c.district_code for c in valid}) > 1:
            raise RowProblem(code, "import_row.ambiguous_dong", value=text)
        return valid[0].code

    def _default(self, number: int, key: str, text: str) -> str | None:
        """An optional choice column's unknown value: a warning and the default, never a lost
        row (issue 10: 사업분야 saying "이웃만들기" kept every row)."""
        default = DEFAULT_PROGRAMME if key == "programme" else None
        self.warnings.append(
            RowError(
                number,
                self.header[key],
                f"{key}_default",
                "import_row.programme_default" if default else "import_row.home_dong_ignored",
                {"value": text, "default": label("programme", default)}
                if default
                else {"value": text},
            )
        )
        return default

    def _text(self, text: str, limit: int) -> str:
        value = unicodedata.normalize("NFC", text).strip()
        if len(value) > limit:
            raise RowProblem("too_long", limit=limit)
        return self._intern.setdefault(value, value)

    def _memo(self, key: str, text: str, same: object, convert: Callable[[str], Any]) -> Any:
        """``screened(key, text, convert)`` once per (column, text, ``same``): its value, or
        the problem raised again (a problem is turned into a new row error per row)."""
        found = self._memos.get((key, text, same), _MISSING)
        if found is _MISSING:
            try:
                found = screened(key, text, convert)
            except _CAUGHT as problem:
                found = problem
            if len(self._memos) < MEMO_LIMIT:
                self._memos[(key, text, same)] = found
        if isinstance(found, _CAUGHT):
            raise found.with_traceback(None)  # not a traceback growing with every row
        return found

    def _take(
        self,
        row: RawRow,
        errors: list[RowError],
        key: str,
        convert: Callable[[str], Any],
        required: bool,
        same: object = (),
    ) -> Any:
        """The value of column ``key`` (None when empty or refused; the refusal in ``errors``).
        ``same``: what besides the text the value depends on (``_EACH``: not memoised)."""
        i = self.index.get(key)
        text = row.cells[i] if i is not None else ""
        if not text:
            if required:
                errors.append(RowError(row.number, self.header.get(key, key), "required"))
            return None
        try:
            if same is _EACH:
                return screened(key, text, convert)
            return self._memo(key, text, same, convert)
        except RowProblem as problem:
            errors.append(problem.at(row.number, self.header[key]))
        except InvalidInput as exc:
            errors.append(RowError.of(row.number, self.header[key], f"bad_{key}", exc))
        return None

    def _start(self, year: int | None) -> date:
        """A row's first day without a start date: 1 January of its year (else today)."""
        if not year:
            return self.lookups.today
        day = self._starts.get(year)
        if day is None:
            day = self._starts[year] = date(year, 1, 1)
        return day

    def _optional(
        self,
        row: RawRow,
        errors: list[RowError],
        key: str,
        convert: Callable[[str], Any],
        same: object,
    ) -> Any:
        value = self._take(row, errors, key, convert, False, same)
        if value is _UNKNOWN:
            i = self.index[key]
            return self._default(row.number, key, row.cells[i])
        return value

    def check(self, row: RawRow) -> RosterRow | list[RowError]:
        errors: list[RowError] = []
        take = self._take
        year = take(row, errors, "year", self._year, True)
        district = take(row, errors, "district", self._district, True)
        start = take(row, errors, "start_date", cells.parse_date, False)
        end = take(row, errors, "end_date", cells.parse_date, False)
        on = start or self._start(year)
        where = (district, on)
        dong = take(row, errors, "dong", lambda t: self._dong(t, district, on), True, where)
        home_dong = self._optional(
            row,
            errors,
            "home_dong",
            _soft(lambda t: self._dong(t, district, on, code="unknown_home_dong")),
            where,
        )
        project = take(row, errors, "project", self._project, True)
        group = take(row, errors, "group", self._group, True)
        stage = take(row, errors, "stage", self._stage, True)
        programme = self._optional(row, errors, "programme", self._programme, ())
        name = take(row, errors, "name", normalize_name, True, _EACH)
        gender = take(row, errors, "gender", self._gender, True)
        high = year or self.lookups.today.year
        birth = take(row, errors, "birth_year", lambda t: cells.birth_year(t, high), True, (year,))
        phone = take(row, errors, "phone", cells.phone, False, _EACH)
        email = take(row, errors, "email", normalize_email, False, _EACH)
        role = take(row, errors, "role", self._role, True)
        consent_on = take(row, errors, "consent_date", self._consent, False)
        purposes = take(row, errors, "consent_items", cells.consent_items, False)
        if purposes and consent_on is None and not errors:
            errors.append(RowError(row.number, self.header["consent_items"], "consent_undated"))
        if end is not None and end < on:
            errors.append(RowError(row.number, self.header["end_date"], "end_before_start"))
        if errors:
            return errors
        return RosterRow(
            row.number,
            year,
            district,
            dong,
            project,
            stage,
            programme or DEFAULT_PROGRAMME,
            group,
            sys.intern(name),
            gender,
            birth,
            phone,
            email,
            home_dong,
            role,
            on,
            # The roster's end date is the last day of taking part; intervals end exclusively.
            clock.valid_to_from_last_day(end),
            consent_on,
            purposes or (),
        )


def validate(
    parsed: ParsedFile,
    lookups: Lookups,
    *,
    district_code: str,
    rows: Iterable[RawRow] | None = None,
) -> Validated:
    checker = RowChecker(parsed, lookups, district_code)
    result = Validated()
    for raw in rows if rows is not None else parsed.rows:
        result.rows_read += 1
        checked = checker.check(raw)
        if isinstance(checked, list):
            result.rejected.append(Rejected(raw, checked))
        else:
            result.valid.append(checked)
    result.warnings = checker.warnings
    return result
