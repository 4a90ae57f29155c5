"""The attendance sheet's format: columns and the spellings an uploaded file may use.

Format data, not wording (see ``imports/columns.py``): these Korean headers and suffixes are what
the parser reads, documented in ``docs/import-format.md`` ("교육 출석")."""

from __future__ import annotations

from maeul_db.imports.columns import ColumnSpec

COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("name", "성명", "name", True, ("이름",)),
    ColumnSpec("birth_year", "출생연도", "birth_year", True, ("생년", "출생년도", "birthyear")),
    ColumnSpec("phone", "연락처", "phone", False, ("전화번호", "휴대전화", "휴대폰")),
    ColumnSpec("module", "모듈", "module", True, ("모듈명", "강의", "차시")),
    ColumnSpec("hours", "출석시간", "hours", True, ("시간", "이수시간")),
    ColumnSpec("date", "출석일", "date", False, ("날짜", "교육일")),
)
# "3시간" in the hours column; "1차시" names a module by its sequence number.
HOURS_SUFFIX = "시간"
SESSION_SUFFIX = "차시"
