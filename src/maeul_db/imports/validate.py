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
from maeul_db.imports.lookups import Lookups, resolve_dong
from maeul_db.imports.parse import ParsedFile, RawRow, header_for
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
# The columns in the order a row's errors are reported (the first is the one a report names).
ORDER = (
    "year",
    "district",
    "start_date",
    "end_date",
    "dong",
    "home_dong",
    "project",
    "group",
    "stage",
    "programme",
    "name",
    "gender",
    "birth_year",
    "phone",
    "email",
    "role",
    "consent_date",
    "consent_items",
)
RANK = {key: rank for rank, key in enumerate(ORDER)}
# Columns whose value depends on their text alone, checked in one loop (``RowChecker._plain``).
PLAIN = (
    "year",
    "district",
    "start_date",
    "end_date",
    "project",
    "group",
    "stage",
    "gender",
    "role",
    "consent_date",
    "consent_items",
)
REQUIRED = frozenset(
    (
        "year",
        "district",
        "dong",
        "project",
        "group",
        "stage",
        "name",
        "gender",
        "birth_year",
        "role",
    )
)
Found = list[tuple[int, RowError]]  # (the column's rank in ORDER, the error)
# A roster without the optional programme column: the village-community grant (read once, not
# through the enum on every row).
DEFAULT_PROGRAMME = Programme.village_community.value


def _rank_of(item: tuple[int, RowError]) -> int:
    return item[0]


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
        self._plain_memos = 0
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
        converts: dict[str, Callable[[str], Any]] = {
            "year": self._year,
            "district": self._district,
            "start_date": cells.parse_date,
            "end_date": cells.parse_date,
            "project": self._project,
            "group": self._group,
            "stage": self._stage,
            "gender": self._gender,
            "role": self._role,
            "consent_date": self._consent,
            "consent_items": cells.consent_items,
        }
        # (rank, key, cell index or None, convert, required, its memo: text → value or problem)
        self._plain: list[tuple[int, str, int | None, Callable[[str], Any], bool, dict[str, Any]]]
        self._plain = [
            (RANK[key], key, self.index.get(key), converts[key], key in REQUIRED, {})
            for key in PLAIN
        ]

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
        return resolve_dong(self.lookups, text, district, on, code=code)

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
            if len(self._memos) + self._plain_memos < MEMO_LIMIT:
                self._memos[(key, text, same)] = found
        if isinstance(found, _CAUGHT):
            raise found.with_traceback(None)  # not a traceback growing with every row
        return found

    def _error(self, number: int, key: str, problem: Exception) -> RowError:
        if isinstance(problem, RowProblem):
            return problem.at(number, self.header[key])
        assert isinstance(problem, InvalidInput)
        return RowError.of(number, self.header[key], f"bad_{key}", problem)

    def _plain_values(self, row: RawRow, found: Found) -> list[Any]:
        """The values of the ``PLAIN`` columns, in that order (None when empty or refused; the
        refusal in ``found``): a repeated cell is one dictionary look-up."""
        values: list[Any] = []
        for rank, key, i, convert, required, memo in self._plain:
            text = row.cells[i] if i is not None else ""
            if not text:
                if required:
                    found.append(
                        (rank, RowError(row.number, self.header.get(key, key), "required"))
                    )
                values.append(None)
                continue
            value = memo.get(text, _MISSING)
            if value is _MISSING:
                try:
                    value = screened(key, text, convert)
                except _CAUGHT as problem:
                    value = problem
                if len(self._memos) + self._plain_memos < MEMO_LIMIT:
                    memo[text] = value
                    self._plain_memos += 1
            if isinstance(value, _CAUGHT):
                found.append((rank, self._error(row.number, key, value)))
                value = None
            values.append(value)
        return values

    def _take(
        self,
        row: RawRow,
        found: Found,
        key: str,
        convert: Callable[[str], Any],
        same: object = (),
    ) -> Any:
        """The value of column ``key`` (None when empty or refused; the refusal in ``found``).
        ``same``: what besides the text the value depends on (``_EACH``: not memoised)."""
        i = self.index.get(key)
        text = row.cells[i] if i is not None else ""
        if not text:
            if key in REQUIRED:
                found.append(
                    (RANK[key], RowError(row.number, self.header.get(key, key), "required"))
                )
            return None
        try:
            if same is _EACH:
                return screened(key, text, convert)
            return self._memo(key, text, same, convert)
        except _CAUGHT as problem:
            found.append((RANK[key], self._error(row.number, key, problem)))
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
        self, row: RawRow, found: Found, key: str, convert: Callable[[str], Any], same: object
    ) -> Any:
        value = self._take(row, found, key, convert, same)
        if value is _UNKNOWN:
            i = self.index[key]
            return self._default(row.number, key, row.cells[i])
        return value

    def check(self, row: RawRow) -> RosterRow | list[RowError]:
        found: Found = []
        (year, district, start, end, project, group, stage, gender, role, consent_on, purposes) = (
            self._plain_values(row, found)
        )
        take = self._take
        on = start or self._start(year)
        where = (district, on)
        dong = take(row, found, "dong", lambda t: self._dong(t, district, on), where)
        home_dong = self._optional(
            row,
            found,
            "home_dong",
            _soft(lambda t: self._dong(t, district, on, code="unknown_home_dong")),
            where,
        )
        programme = self._optional(row, found, "programme", self._programme, ())
        name = take(row, found, "name", normalize_name, _EACH)
        high = year or self.lookups.today.year
        birth = take(row, found, "birth_year", lambda t: cells.birth_year(t, high), (year,))
        phone = take(row, found, "phone", cells.phone, _EACH)
        email = take(row, found, "email", normalize_email, _EACH)
        # Reported in the columns' order (ORDER), whatever order they were checked in.
        errors = [error for _rank, error in sorted(found, key=_rank_of)] if found else []
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
