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

from maeul_db.errors import InvalidInput
from maeul_db.imports.columns import GENDERS, PROGRAMMES, ROLES, STAGES, header_key
from maeul_db.imports.parse import ParsedFile, RawRow, header_for
from maeul_db.kit import time as clock
from maeul_db.kit.text import looks_like_rrn, normalize_email, normalize_name, normalize_phone
from maeul_db.models import District, Dong, Programme

_DATE = re.compile(r"^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_INT = re.compile(r"^\d{4}(?:\.0+)?$")
# Every RRN-shaped value has six digits in a row (full-width digits too); most cells have none,
# so the full check (kit.text) only runs where this finds them.
_RRN_HINT = re.compile(r"\d{6}")
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


def load_lookups(session: Session) -> Lookups:
    districts: dict[str, str] = {}
    for d in session.exec(select(District)).all():
        for text in (d.code, d.name_ko, d.name_en):
            districts[header_key(text)] = d.code
    dongs: dict[str, DongRef] = {}
    dong_names: dict[tuple[str, str], list[DongRef]] = {}
    city: dict[str, list[DongRef]] = {}
    for dong in session.exec(select(Dong)).all():
        ref = DongRef(dong.code, dong.district_code, dong.valid_from, dong.valid_to)
        dongs[dong.code] = ref
        for name in {dong.name_ko, dong.name_ko_official or dong.name_ko}:
            dong_names.setdefault((dong.district_code, header_key(name)), []).append(ref)
            city.setdefault(header_key(name), []).append(ref)
    return Lookups(districts, dongs, dong_names, city)


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


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: str
    code: str


@dataclass
class Rejected:
    row: RawRow
    errors: list[RowError]


@dataclass
class Validated:
    rows_read: int = 0
    valid: list[RosterRow] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


class _Bad(Exception):
    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def parse_date(text: str) -> date:
    match = _DATE.match(text) or _COMPACT_DATE.match(text)
    if match is None:
        raise _Bad("bad_date", f"날짜 형식이 아닙니다: {text} (bad date, use YYYY-MM-DD)")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise _Bad("bad_date", f"없는 날짜입니다: {text} (bad date)") from None


def _year(text: str, *, low: int, high: int, code: str, what: str) -> int:
    text = text.removesuffix("년").strip()
    if not _INT.match(text):
        raise _Bad(code, f"{what}가 네 자리 연도가 아닙니다: {text} (not a year)")
    value = int(float(text))
    if not low <= value <= high:
        raise _Bad(code, f"{what} {value} 은(는) {low}–{high} 범위 밖입니다 (year out of range)")
    return value


def _choice(text: str, vocab: dict[str, str], code: str, what: str) -> str:
    value = vocab.get(header_key(text))
    if value is None:
        raise _Bad(code, f"알 수 없는 {what}: {text} (unknown {code.removeprefix('unknown_')})")
    return value


def _phone(text: str) -> str | None:
    digits = re.sub(r"\D", "", text)
    if digits == text and len(digits) == 10 and digits.startswith("1"):
        text = "0" + text  # a phone typed into a number cell loses its leading zero
    return normalize_phone(text)


class RowChecker:
    """Validates one row; reused for every row of a file (lookups and column indexes held once)."""

    def __init__(self, parsed: ParsedFile, lookups: Lookups, district_code: str) -> None:
        self.lookups = lookups
        self.district_code = district_code
        self.index = {key: i for i, key in enumerate(parsed.fields) if key is not None}
        self.header = {key: header_for(parsed, key) for key in self.index}
        self._intern: dict[str, str] = {}

    def _cell(self, row: RawRow, key: str) -> str:
        i = self.index.get(key)
        return row.cells[i] if i is not None else ""

    def _district(self, text: str) -> str:
        code = self.lookups.districts.get(header_key(text))
        if code is None:
            raise _Bad("unknown_district", f"알 수 없는 자치구: {text} (unknown district)")
        if code != self.district_code:
            raise _Bad(
                "other_district",
                f"가져오는 자치구({self.district_code})가 아닌 자치구입니다: {text} "
                "(district other than the importer's)",
            )
        return code

    def _dong(
        self, text: str, district: str | None, on: date, *, code: str = "unknown_dong"
    ) -> str:
        ref = self.lookups.dongs.get(text)
        if ref is not None:
            candidates = [ref]
        elif district is not None:
            candidates = self.lookups.dong_names.get((district, header_key(text)), [])
            if not candidates and code == "unknown_home_dong":
                candidates = self.lookups.city_dong_names.get(header_key(text), [])
        else:
            candidates = []
        if district is not None and code == "unknown_dong":
            candidates = [c for c in candidates if c.district_code == district]
        if not candidates:
            raise _Bad(code, f"알 수 없는 행정동: {text} (unknown dong)")
        valid = [c for c in candidates if c.valid_on(on)]
        if not valid:
            raise _Bad(
                code, f"{text} 은(는) {on} 에 없던 행정동입니다 (dong not valid on that date)"
            )
        if len({c.district_code for c in valid}) > 1:
            raise _Bad(
                code,
                f"여러 자치구에 같은 이름의 동이 있습니다: {text}; 코드를 쓰세요 "
                "(ambiguous dong name, use the code)",
            )
        return valid[0].code

    def _text(self, text: str, limit: int) -> str:
        value = unicodedata.normalize("NFC", text).strip()
        if len(value) > limit:
            raise _Bad("too_long", f"{limit}자를 넘습니다 (longer than {limit})")
        return self._intern.setdefault(value, value)

    def check(self, row: RawRow) -> RosterRow | list[RowError]:
        errors: list[RowError] = []
        values: dict[str, Any] = {}

        def take(key: str, convert: Callable[[str], Any], *, required: bool) -> None:
            text = self._cell(row, key)
            if not text:
                if required:
                    errors.append(
                        RowError(
                            row.number,
                            self.header.get(key, key),
                            "필수 항목이 비어 있습니다 (missing required field)",
                            "required",
                        )
                    )
                values[key] = None
                return
            try:
                if _RRN_HINT.search(text) and looks_like_rrn(text):
                    raise _Bad("rrn", "주민등록번호 형식의 값은 받지 않습니다 (RRN-shaped value)")
                values[key] = convert(text)
            except _Bad as bad:
                errors.append(RowError(row.number, self.header[key], bad.reason, bad.code))
            except InvalidInput as exc:
                errors.append(RowError(row.number, self.header[key], exc.message, f"bad_{key}"))
            if key not in values:
                values[key] = None

        today = self.lookups.today
        take(
            "year",
            lambda t: _year(t, low=2000, high=today.year + 1, code="bad_year", what="사업연도"),
            required=True,
        )
        take("district", self._district, required=True)
        take("start_date", parse_date, required=False)
        take("end_date", parse_date, required=False)
        year = values["year"]
        on = values["start_date"] or (date(year, 1, 1) if year else today)
        district = values["district"]
        take("dong", lambda t: self._dong(t, district, on), required=True)
        take(
            "home_dong",
            lambda t: self._dong(t, district, on, code="unknown_home_dong"),
            required=False,
        )
        take("project", lambda t: self._text(t, 200), required=True)
        take("group", lambda t: self._text(t, 100), required=True)
        take("stage", lambda t: _choice(t, STAGES, "unknown_stage", "사업단계"), required=True)
        take(
            "programme",
            lambda t: _choice(t, PROGRAMMES, "unknown_programme", "사업분야"),
            required=False,
        )
        take("name", normalize_name, required=True)
        take("gender", lambda t: _choice(t, GENDERS, "unknown_gender", "성별"), required=True)
        take(
            "birth_year",
            lambda t: _year(
                t,
                low=FIRST_BIRTH_YEAR,
                high=year or today.year,
                code="birth_year_range",
                what="출생연도",
            ),
            required=True,
        )
        take("phone", _phone, required=False)
        take("email", normalize_email, required=False)
        take("role", lambda t: _choice(t, ROLES, "unknown_role", "역할"), required=True)
        end = values["end_date"]
        if end is not None and end < on:
            errors.append(
                RowError(
                    row.number,
                    self.header["end_date"],
                    "종료일이 시작일보다 앞섭니다 (end before start)",
                    "end_before_start",
                )
            )
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
    return result
