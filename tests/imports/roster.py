"""Roster files for import tests, written as real .csv (UTF-8, BOM, CP949) and .xlsx files."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

KOREAN_HEADERS = [
    "사업연도",
    "자치구",
    "행정동",
    "사업명",
    "사업단계",
    "사업분야",
    "모임명",
    "성명",
    "성별",
    "출생연도",
    "연락처",
    "이메일",
    "거주동",
    "역할",
    "참여시작일",
    "참여종료일",
]
ENGLISH_HEADERS = [
    "year",
    "district",
    "dong",
    "project",
    "stage",
    "programme",
    "group",
    "name",
    "gender",
    "birth_year",
    "phone",
    "email",
    "home_dong",
    "role",
    "start_date",
    "end_date",
]
COL = {name: i for i, name in enumerate(ENGLISH_HEADERS)}
JONGNO_DONGS = ["청운효자동", "사직동", "삼청동", "부암동", "평창동"]
SURNAMES = "김이박최정강조윤장임"
GIVEN = ["민지", "서연", "지훈", "하은", "도윤", "수아", "예준", "지우", "현우", "서윤"]


def roster_rows(
    count: int,
    *,
    year: int = 2024,
    district: str = "종로구",
    seed: int = 0,
    projects: int = 20,
    phone_base: int = 20_000_000,
) -> list[list[str]]:
    """``count`` valid rows: people with distinct phones spread over ``projects`` projects."""
    rows = []
    for i in range(count):
        n = seed * 1_000_000 + i
        project = i % projects
        name = SURNAMES[n % 10] + GIVEN[(n // 10) % 10] + GIVEN[(n // 100) % 10][0]
        rows.append(
            [
                str(year),
                district,
                JONGNO_DONGS[project % 5],
                f"테스트사업{project}",
                "모임형성" if project % 2 else "활동지원",
                "",
                f"테스트모임{project}",
                name,
                "여" if n % 3 else "남",
                str(1950 + n % 50),
                f"010-{(phone_base + n) // 10_000:04d}-{(phone_base + n) % 10_000:04d}",
                "",
                JONGNO_DONGS[n % 5],
                "대표제안자" if i < projects else "참여자",
                f"{year}-03-01",
                "",
            ]
        )
    return rows


def csv_bytes(
    rows: Sequence[Sequence[str]],
    *,
    headers: Sequence[str] = KOREAN_HEADERS,
    encoding: str = "utf-8",
) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(
    rows: Sequence[Sequence[object]], *, headers: Sequence[str] = KOREAN_HEADERS
) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


# Ten kinds of bad value, each (column, value, expected code).
BAD_KINDS: list[tuple[str, str, str]] = [
    ("dong", "없는동", "unknown_dong"),
    ("start_date", "2024-13-45", "bad_date"),
    ("birth_year", "1850", "birth_year_range"),
    ("phone", "800101-1234567", "rrn"),
    ("name", "", "required"),
    ("role", "구경꾼", "unknown_role"),
    ("stage", "우주개발", "unknown_stage"),
    ("district", "중구", "other_district"),
    ("gender", "?", "unknown_gender"),
    ("email", "not-an-email", "bad_email"),
]


def with_bad_rows(rows: list[list[str]], every: int = 20) -> dict[int, str]:
    """Spoil every ``every``-th row with the ten kinds in turn; return {file row number: code}."""
    spoiled = {}
    for k, index in enumerate(range(every - 1, len(rows), every)):
        column, value, code = BAD_KINDS[k % len(BAD_KINDS)]
        rows[index][COL[column]] = value
        spoiled[index + 2] = code
    return spoiled
