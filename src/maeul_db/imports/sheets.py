"""Read a CSV or xlsx file as a table of text cells: choose the sheet, find the header row, and
hand back the rows below it as a stream (issue 10). Pure: bytes in, text out.

The sheet: the one the officer named (by name or 1-based position), else the first sheet that holds
a header row. The header row: the one named (1-based, as the spreadsheet numbers it), else the
first of the top rows that names enough fields (header.find_header). Only the top rows are held
in memory; the rest stream.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import chain, islice
from typing import Any

from maeul_db.errors import InvalidInput
from maeul_db.imports.columns import ColumnSpec
from maeul_db.imports.csvstream import csv_records
from maeul_db.imports.header import SCAN_ROWS, find_header
from maeul_db.imports.values import clean


@dataclass
class Table:
    encoding: str | None
    sheets: list[str]
    sheet: str | None
    header_row: int  # 1-based
    headers: list[str]
    records: Iterator[list[str]]
    # The sheet's top rows as read (for the wizard's header-row step).
    top: list[list[str]] = field(default_factory=list)


def decode_csv(content: bytes) -> tuple[str, str]:
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8"), "utf-8-sig"
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp949"), "cp949"
    except UnicodeDecodeError:
        raise InvalidInput("import.unknown_encoding", field="file") from None


def cell_text(value: Any) -> str:
    """An xlsx cell as the text a CSV would carry (a date cell as its ISO date)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header_index(
    top: list[list[str]],
    header_row: int | None,
    columns: Sequence[ColumnSpec],
    fallback: bool,
) -> int | None:
    """The header row's index: the one named, the one found, or (``fallback``, when no sheet has
    one) the first filled row, so the report can say which columns are missing."""
    if header_row is not None:
        if not 1 <= header_row <= len(top):
            raise InvalidInput("import.bad_header_row", field="header_row", row=header_row)
        return header_row - 1
    cleaned = [[clean(c) for c in row] for row in top]
    found = find_header(cleaned, columns)
    if found is None and fallback:
        found = next((i for i, row in enumerate(cleaned) if any(row)), None)
    return found


def _table(
    rows: Iterator[list[str]],
    header_row: int | None,
    columns: Sequence[ColumnSpec],
    fallback: bool = True,
    **info: Any,
) -> Table | None:
    top = list(islice(rows, max(SCAN_ROWS, header_row or 0)))
    index = _header_index(top, header_row, columns, fallback)
    if index is None:
        return None
    headers = [clean(c) for c in top[index]]
    return Table(
        headers=headers,
        header_row=index + 1,
        records=chain(top[index + 1 :], rows),
        top=top[: max(index + 6, 10)],
        **info,
    )


def read_csv(content: bytes, header_row: int | None, columns: Sequence[ColumnSpec]) -> Table:
    # Decoded as read (imports.csvstream): no decoded copy of a large file in memory.
    encoding, reader = csv_records(content)
    table = _table(reader, header_row, columns, encoding=encoding, sheets=[], sheet=None)
    if table is None:
        raise InvalidInput("import.header_not_found", field="header", rows=SCAN_ROWS)
    return table


def _pick(sheets: list[Any], sheet: str | int | None) -> list[Any]:
    """The sheets to look in: the one named, or all in order."""
    if sheet is None or sheet == "":
        return sheets
    if isinstance(sheet, int) or str(sheet).isdigit():
        n = int(sheet)
        if 1 <= n <= len(sheets):
            return [sheets[n - 1]]
    for ws in sheets:
        if ws.title == str(sheet):
            return [ws]
    raise InvalidInput("import.no_such_sheet", field="sheet", sheet=str(sheet))


def read_xlsx(
    content: bytes,
    sheet: str | int | None,
    header_row: int | None,
    columns: Sequence[ColumnSpec],
    limit: int,
) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InvalidInput(
            "import.unreadable_xlsx", field="file", error=type(exc).__name__
        ) from None
    names = [ws.title for ws in book.worksheets]
    candidates = _pick(book.worksheets, sheet)
    # Each sheet in turn for a header row; when none has one, the first sheet's first filled row.
    for ws, fallback in [*((ws, False) for ws in candidates), (candidates[0], True)]:
        rows = ([cell_text(v) for v in row] for row in ws.iter_rows(values_only=True))
        table = _table(
            rows, header_row, columns, fallback, encoding=None, sheets=names, sheet=ws.title
        )
        if table is None:
            continue
        # The sheet's declared size, when the file has one: refuse before reading a million rows.
        if isinstance(ws.max_row, int) and ws.max_row - table.header_row > limit:
            raise InvalidInput("input.too_many_rows", field="file", limit=limit)
        return table
    raise InvalidInput("import.header_not_found", field="header", rows=SCAN_ROWS)
