"""What one roster cell must be: the checks and conversions of the values a row holds (years,
dates, choices from a vocabulary, phones, consent), each raising :class:`RowProblem` with the row
error's code; and :class:`RowError`, a refused row's reason. Pure."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from maeul_db.errors import MaeulError
from maeul_db.imports.columns import CONSENT_PURPOSES, CONSENT_SEPARATORS, YEAR_SUFFIX, header_key
from maeul_db.imports.values import date_parts, restore_phone_zero, year_of_birth_date
from maeul_db.kit import time as clock
from maeul_db.kit.text import looks_like_rrn, normalize_phone, reject_control
from maeul_db.wording import Lang, is_code, message

_INT = re.compile(r"^\d{4}(?:\.0+)?$")
FIRST_BIRTH_YEAR = 1900


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


def year(text: str, *, low: int, high: int, code: str) -> int:
    text = text.removesuffix(YEAR_SUFFIX).strip()
    if not _INT.match(text):
        raise RowProblem(code, "import_row.not_a_year", value=text)
    value = int(float(text))
    if not low <= value <= high:
        raise RowProblem(code, "import_row.year_out_of_range", value=value, low=low, high=high)
    return value


def choice(text: str, vocab: dict[str, str], code: str) -> str:
    value = vocab.get(header_key(text))
    if value is None:
        raise RowProblem(code, value=text)
    return value


def phone(text: str) -> str | None:
    return normalize_phone(restore_phone_zero(text))


def birth_year(text: str, high: int) -> int:
    """A four-digit year, or the year of a full date of birth (a date is not an RRN)."""
    try:
        return year(text, low=FIRST_BIRTH_YEAR, high=high, code="birth_year_range")
    except RowProblem as problem:
        found = year_of_birth_date(text) if problem.key == "import_row.not_a_year" else None
        if found is None:
            raise
        return year(str(found), low=FIRST_BIRTH_YEAR, high=high, code="birth_year_range")


def consent_date(text: str, today: date) -> date:
    day = parse_date(text)
    if day > today:
        raise RowProblem("consent_in_future")
    return day


def consent_items(text: str) -> tuple[str, ...]:
    """The purposes ticked on the consent form, each from the vocabulary (duplicates dropped)."""
    parts = [p.strip() for p in CONSENT_SEPARATORS.split(text) if p.strip()]
    return tuple(sorted({choice(p, CONSENT_PURPOSES, "unknown_consent_item") for p in parts}))


def screened(key: str, text: str, convert: Callable[[str], Any]) -> Any:
    """A cell's value: refused when it looks like an RRN or holds control characters."""
    if looks_like_rrn(text):
        raise RowProblem("rrn")
    reject_control(text, field=key)
    return convert(text)
