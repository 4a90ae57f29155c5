"""Check every parsed row against the format and the reference geography; collect each row's
errors with the row number, column and reason. Apart from :func:`load_lookups` (one read of the
districts and dongs) this is pure."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, select

from maeul_db.errors import InvalidInput, MaeulError
from maeul_db.imports.columns import (
    CONSENT_PURPOSES,
    CONSENT_SEPARATORS,
    GENDERS,
    PROGRAMMES,
    ROLES,
    STAGES,
    YEAR_SUFFIX,
    header_key,
)
from maeul_db.imports.dong_hint import dong_suggestion, load_successions
from maeul_db.imports.parse import ParsedFile, RawRow, header_for
from maeul_db.imports.values import date_parts, dong_key, restore_phone_zero, year_of_birth_date
from maeul_db.kit import time as clock
from maeul_db.kit.text import (
    looks_like_rrn,
    normalize_email,
    normalize_name,
    normalize_phone,
    reject_control,
)
from maeul_db.models import District, Dong, Programme
from maeul_db.wording import Lang, is_code, label, message

_INT = re.compile(r"^\d{4}(?:\.0+)?$")
# Every RRN-shaped value has six digits in a row (full-width digits too); most cells have none,
# so the full check (kit.text) only runs where this finds them.
FIRST_BIRTH_YEAR = 1900


@dataclass(frozen=True, slots=True)
class DongRef:
    code: str
    district_code: str
    valid_from: date | None
    valid_to: date | None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


@dataclass
class Lookups:
    districts: dict[str, str]  # code, Korean and English name (header_key form) → code
    dongs: dict[str, DongRef]  # code → dong
    dong_names: dict[tuple[str, str], list[DongRef]]  # (district, name key) → dongs
    city_dong_names: dict[str, list[DongRef]]  # name key → dongs anywhere
    today: date = field(default_factory=clock.today)
    # Dong code → its Korean name and its successions, for "use X for that date" hints.
    dong_labels: dict[str, str] = field(default_factory=dict)
    successions: list[tuple[str, str, date]] = field(default_factory=list)


def load_lookups(session: Session) -> Lookups:
    districts: dict[str, str] = {}
    for d in session.exec(select(District)).all():
        for text in (d.code, d.name_ko, d.name_en):
            districts[header_key(text)] = d.code
    dongs: dict[str, DongRef] = {}
    dong_names: dict[tuple[str, str], list[DongRef]] = {}
    city: dict[str, list[DongRef]] = {}
    labels: dict[str, str] = {}
    for dong in session.exec(select(Dong)).all():
        ref = DongRef(dong.code, dong.district_code, dong.valid_from, dong.valid_to)
        dongs[dong.code] = ref
        labels[dong.code] = dong.name_ko
        # With or without the official 제 (정릉제1동 = 정릉1동): values.dong_key.
        for name in {dong.name_ko, dong.name_ko_official or dong.name_ko}:
            dong_names.setdefault((dong.district_code, dong_key(name)), []).append(ref)
            city.setdefault(dong_key(name), []).append(ref)
    return Lookups(
        districts,
        dongs,
        dong_names,
        city,
        dong_labels=labels,
        successions=load_successions(session),
    )


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


@dataclass(frozen=True)
class RowError:
    """One reason a row was refused: a stable ``code`` (reports and the API keep it) and the
    wording-catalogue ``key`` with its ``params``; ``reason`` is the Korean text."""

    row: int
    column: str
    code: str
    key: str = ""
    params: dict[str, object] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return self.text("ko")

    def text(self, lang: Lang = "ko") -> str:
        key = self.key or f"import_row.{self.code}"
        return message(key, lang, **self.params) if is_code(key) else key

    @classmethod
    def of(cls, row: int, column: str, code: str, exc: MaeulError) -> RowError:
        """A service error (a normaliser's) as a row error, keeping its key and parameters."""
        key = exc.code if is_code(exc.code) else exc.message
        return cls(row, column, code, key, dict(exc.params))


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


class RowProblem(Exception):
    """A cell's problem: the row error ``code`` and, when it differs from ``import_row.<code>``,
    the catalogue ``key``; raised by the cell checks and turned into a :class:`RowError`."""

    def __init__(self, code: str, key: str = "", /, **params: object) -> None:
        super().__init__(code)
        self.code, self.key, self.params = code, key, params

    def at(self, row: int, column: str) -> RowError:
        return RowError(row, column, self.code, self.key, self.params)


def parse_date(text: str) -> date:
    # As people write them: 2016-04-01, 2016. 4. 1., 2016년 4월 1일, Excel cells (values.py).
    parts = date_parts(text)
    if parts is None:
        raise RowProblem("bad_date", value=text)
    try:
        day = date(*parts)
    except ValueError:
        raise RowProblem("bad_date", "import_row.no_such_date", value=text) from None
    clock.check_fact_date(day, field="date")  # the one window for facts' dates
    return day


def _year(text: str, *, low: int, high: int, code: str) -> int:
    text = text.removesuffix(YEAR_SUFFIX).strip()
    if not _INT.match(text):
        raise RowProblem(code, "import_row.not_a_year", value=text)
    value = int(float(text))
    if not low <= value <= high:
        raise RowProblem(code, "import_row.year_out_of_range", value=value, low=low, high=high)
    return value


def _choice(text: str, vocab: dict[str, str], code: str) -> str:
    value = vocab.get(header_key(text))
    if value is None:
        raise RowProblem(code, value=text)
    return value


def _phone(text: str) -> str | None:
    return normalize_phone(restore_phone_zero(text))


def _birth_year(text: str, high: int) -> int:
    """A four-digit year, or the year of a full date of birth (a date is not an RRN)."""
    try:
        return _year(text, low=FIRST_BIRTH_YEAR, high=high, code="birth_year_range")
    except RowProblem as problem:
        year = year_of_birth_date(text) if problem.key == "import_row.not_a_year" else None
        if year is None:
            raise
        return _year(str(year), low=FIRST_BIRTH_YEAR, high=high, code="birth_year_range")


def _consent_date(text: str, today: date) -> date:
    day = parse_date(text)
    if day > today:
        raise RowProblem("consent_in_future")
    return day


def _consent_items(text: str) -> tuple[str, ...]:
    """The purposes ticked on the consent form, each from the vocabulary (duplicates dropped)."""
    parts = [p.strip() for p in CONSENT_SEPARATORS.split(text) if p.strip()]
    return tuple(sorted({_choice(p, CONSENT_PURPOSES, "unknown_consent_item") for p in parts}))


_MISSING = object()
# Memoised cell values kept per file at most (a million rows hold a few thousand distinct dates).
MEMO_LIMIT = 200_000


def _screened(key: str, text: str, convert: Callable[[str], Any]) -> Any:
    """A cell's value: refused when it looks like an RRN or holds control characters."""
    if looks_like_rrn(text):
        raise RowProblem("rrn")
    reject_control(text, field=key)
    return convert(text)


class RowChecker:
    """Validates one row; reused for every row of a file (lookups and column indexes held once)."""

    def __init__(self, parsed: ParsedFile, lookups: Lookups, district_code: str) -> None:
        self.lookups = lookups
        self.district_code = district_code
        self.index = {key: i for i, key in enumerate(parsed.fields) if key is not None}
        self.header = {key: header_for(parsed, key) for key in self.index}
        self._intern: dict[str, str] = {}
        self._memos: dict[tuple[str, str, object], Any] = {}
        self.warnings: list[RowError] = []

    def _cell(self, row: RawRow, key: str) -> str:
        i = self.index.get(key)
        return row.cells[i] if i is not None else ""

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

    def _optional(
        self, row: RawRow, key: str, text: str, convert: Callable[[str], str | None]
    ) -> str | None:
        """An optional choice column: an unknown value is a warning and the default, never a
        lost row (issue 10: 사업분야 saying "이웃만들기" kept every row)."""
        try:
            return convert(text)
        except RowProblem:
            default = Programme.village_community.value if key == "programme" else None
            warning = RowError(
                row.number,
                self.header[key],
                f"{key}_default",
                "import_row.programme_default" if default else "import_row.home_dong_ignored",
                {"value": text, "default": label("programme", default)}
                if default
                else {"value": text},
            )
            self.warnings.append(warning)
            return default

    def _text(self, text: str, limit: int) -> str:
        value = unicodedata.normalize("NFC", text).strip()
        if len(value) > limit:
            raise RowProblem("too_long", limit=limit)
        return self._intern.setdefault(value, value)

    def _memo(self, key: str, text: str, same: object, convert: Callable[[str], Any]) -> Any:
        """``_screened(key, text, convert)`` once per (column, text, ``same``): its value, or
        the problem raised again (a problem is turned into a new row error per row)."""
        found = self._memos.get((key, text, same), _MISSING)
        if found is _MISSING:
            try:
                found = _screened(key, text, convert)
            except (RowProblem, InvalidInput) as problem:
                found = problem
            if len(self._memos) < MEMO_LIMIT:
                self._memos[(key, text, same)] = found
        if isinstance(found, (RowProblem, InvalidInput)):
            raise found.with_traceback(None)  # not a traceback growing with every row
        return found

    def check(self, row: RawRow) -> RosterRow | list[RowError]:
        errors: list[RowError] = []
        values: dict[str, Any] = {}

        def take(
            key: str, convert: Callable[[str], Any], *, required: bool, same: object = None
        ) -> None:
            """``same``: what besides the text the value depends on, for a column whose value
            is memoised (a file repeats its years, dates, dongs and choices on every row)."""
            text = self._cell(row, key)
            if not text:
                if required:
                    errors.append(RowError(row.number, self.header.get(key, key), "required"))
                values[key] = None
                return
            try:
                if same is not None:
                    values[key] = self._memo(key, text, same, convert)
                else:
                    values[key] = _screened(key, text, convert)
            except RowProblem as problem:
                errors.append(problem.at(row.number, self.header[key]))
            except InvalidInput as exc:
                errors.append(RowError.of(row.number, self.header[key], f"bad_{key}", exc))
            if key not in values:
                values[key] = None

        today = self.lookups.today
        take(
            "year",
            lambda t: _year(t, low=2000, high=today.year + 1, code="bad_year"),
            required=True,
            same=(),
        )
        take("district", self._district, required=True, same=())
        take("start_date", parse_date, required=False, same=())
        take("end_date", parse_date, required=False, same=())
        year = values["year"]
        on = values["start_date"] or (date(year, 1, 1) if year else today)
        district = values["district"]
        take("dong", lambda t: self._dong(t, district, on), required=True, same=(district, on))
        take(
            "home_dong",
            lambda t: self._optional(
                row, "home_dong", t, lambda v: self._dong(v, district, on, code="unknown_home_dong")
            ),
            required=False,
        )
        take("project", lambda t: self._text(t, 200), required=True)
        take("group", lambda t: self._text(t, 100), required=True)
        take("stage", lambda t: _choice(t, STAGES, "unknown_stage"), required=True, same=())
        take(
            "programme",
            lambda t: self._optional(
                row, "programme", t, lambda v: _choice(v, PROGRAMMES, "unknown_programme")
            ),
            required=False,
        )
        take("name", normalize_name, required=True)
        take("gender", lambda t: _choice(t, GENDERS, "unknown_gender"), required=True, same=())
        take(
            "birth_year",
            lambda t: _birth_year(t, year or today.year),
            required=True,
            same=(year,),
        )
        take("phone", _phone, required=False)
        take("email", normalize_email, required=False)
        take("role", lambda t: _choice(t, ROLES, "unknown_role"), required=True, same=())
        take("consent_date", lambda t: _consent_date(t, today), required=False, same=())
        take("consent_items", _consent_items, required=False)
        if values["consent_items"] and values["consent_date"] is None and not errors:
            errors.append(RowError(row.number, self.header["consent_items"], "consent_undated"))
        end = values["end_date"]
        if end is not None and end < on:
            errors.append(RowError(row.number, self.header["end_date"], "end_before_start"))
        if errors:
            return errors
        return RosterRow(
            number=row.number,
            year=year,
            district_code=district,
            dong_code=values["dong"],
            project=values["project"],
            stage=values["stage"],
            programme=values["programme"] or Programme.village_community.value,
            group=values["group"],
            name=sys.intern(values["name"]),
            gender=values["gender"],
            birth_year=values["birth_year"],
            phone=values["phone"],
            email=values["email"],
            home_dong_code=values["home_dong"],
            role=values["role"],
            valid_from=on,
            # The roster's end date is the last day of taking part; intervals end exclusively.
            valid_to=clock.valid_to_from_last_day(end),
            consent_on=values["consent_date"],
            consent_purposes=values["consent_items"] or (),
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
