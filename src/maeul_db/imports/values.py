"""Cell values as people write them (issue 10), turned into what the format means. Pure.

- every cell: full-width forms folded (NFKC: "２０２４" → "2024"), stray spaces trimmed;
- dates: ``2016-04-01``, ``2016. 4. 1.``, ``2016.04.01.``, ``2016년 4월 1일``, ``20160401``, an
  Excel date cell (read as ISO text) and an Excel serial number (``42461``);
- a birth year out of a full date of birth (a date is not an RRN: RRN-shaped cells are refused
  before any of this runs);
- phones whose leading 0 Excel dropped (a number cell);
- dong names with or without the official 제 (정릉제1동 = 정릉1동);
- footer rows (합계, 계, 총, notes starting with ※), which are skipped, never read as a person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, timedelta

from maeul_db.imports.columns import header_key
from maeul_db.imports.synonyms import DATE_WORDS, DONG_NUMBER_PREFIX, FOOTER_WORDS, NOTE_MARK

_Y, _M, _D = (re.escape(w) for w in DATE_WORDS)
# Year, month, day separated by - . / or 년 월 (일), with optional spaces and a trailing dot.
_DATE = re.compile(
    rf"^(\d{{4}})\s*(?:[-./]|{_Y})\s*(\d{{1,2}})\s*(?:[-./]|{_M})\s*(\d{{1,2}})\s*(?:\.|{_D})?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# An Excel date cell with a time of day, as cell_text writes it.
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
# Excel serial numbers: day 1 = 1900-01-01 with the 1900 leap-year bug, so day 0 = 1899-12-30.
# Only 5-digit serials (1954-2173) are read as dates: a 4-digit number is a year.
_SERIAL = re.compile(r"^(\d{5})(?:\.0+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)
_SPACES = re.compile(r"\s+")
_FOOTERS = frozenset(header_key(w) for w in FOOTER_WORDS)
# "총 25명", "합계: 12" — a footer word then a count.
_FOOTER_COUNT = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in FOOTER_WORDS) + r")\s*[:：]?\s*[\d,]+\s*\S{0,2}$"
)
_DONG_NUMBER = re.compile(re.escape(DONG_NUMBER_PREFIX) + r"(\d)")


def clean(text: str) -> str:
    """A cell as the format reads it: full-width forms folded, runs of spaces made one, trimmed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = text.strip()
    # Most cells hold no run of spaces: skip the regex for them (a million-row file has many).
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        text = _SPACES.sub(" ", text)
    return text


def date_parts(text: str) -> tuple[int, int, int] | None:
    """Year, month and day written in ``text``, or None when it is no date the reader knows."""
    text = text.strip()
    match = _DATE.match(text) or _COMPACT.match(text) or _DATETIME.match(text)
    if match is not None:
        return int(match[1]), int(match[2]), int(match[3])
    serial = _SERIAL.match(text)
    if serial is not None:
        day = _EXCEL_EPOCH + timedelta(days=int(serial[1]))
        return day.year, day.month, day.day
    return None


def year_of_birth_date(text: str) -> int | None:
    """The year of a full date of birth (``1985-03-02``, ``1985. 3. 2.``, ``19850302``)."""
    parts = date_parts(text)
    if parts is None:
        return None
    try:
        return date(*parts).year
    except ValueError:
        return None


def restore_phone_zero(text: str) -> str:
    """A phone typed into a number cell loses its leading 0: 1012345678 (mobile) and 212345678
    (Seoul landline) get it back. Anything else is left for the phone check to judge."""
    if text.isdigit() and (
        (len(text) == 10 and text.startswith("1")) or (len(text) == 9 and text.startswith("2"))
    ):
        return "0" + text
    return text


def dong_key(name: str) -> str:
    """A dong name's comparison form: header_key without the official 제 before its number."""
    return _DONG_NUMBER.sub(r"\1", header_key(name))


def is_footer(cells: Sequence[str]) -> bool:
    """A totals or notes row: its first filled cell is a footer word (or a word and a count), or
    starts with ※."""
    first = next((c.strip() for c in cells if c.strip()), "")
    if not first:
        return False
    if first.startswith(NOTE_MARK):
        return True
    return header_key(first) in _FOOTERS or bool(_FOOTER_COUNT.match(first))
