"""Read a roster file into header-mapped text rows. Pure: bytes in, rows out, no database.

CSV is decoded as UTF-8 (with or without BOM), else CP949 (Excel's Korean default). ``.xlsx`` is
read with openpyxl (first sheet). The first row holds the headers; row numbers are the
spreadsheet's own (headers = row 1), so staff find a reported row where their program shows it.
Blank rows are skipped and not counted as read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath
from typing import Any

from maeul_db.config import get_settings
from maeul_db.errors import InvalidInput
from maeul_db.imports.columns import BY_KEY, COLUMNS, HEADERS, ColumnSpec, header_key
from maeul_db.imports.csvstream import csv_records
from maeul_db.kit.cells import unquote_cell
from maeul_db.wording import message


@dataclass(frozen=True)
class RawRow:
    number: int
    cells: tuple[str, ...]


@dataclass
class ParsedFile:
    kind: str  # "csv" | "xlsx"
    encoding: str | None
    headers: list[str]
    # Per column: the field it feeds, or None for an ignored column.
    fields: list[str | None]
    rows: Iterator[RawRow]
    warnings: list[str] = field(default_factory=list)

    def column_of(self, key: str) -> int | None:
        return self.fields.index(key) if key in self.fields else None


def file_kind(filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".csv", ".txt"):
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    raise InvalidInput("import.unsupported_file", field="file", name=suffix or filename)


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
    """An xlsx cell as the text a CSV would carry."""
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


def header_lookup(columns: Sequence[ColumnSpec]) -> dict[str, str]:
    """Every accepted spelling of the columns' headers (``header_key`` form) → field key."""
    return {
        header_key(text): spec.key
        for spec in columns
        for text in (spec.korean, spec.english, spec.key, *spec.aliases)
    }


def _map_headers(
    headers: list[str], columns: Sequence[ColumnSpec] = COLUMNS
) -> tuple[list[str | None], list[str]]:
    lookup = HEADERS if columns is COLUMNS else header_lookup(columns)
    fields: list[str | None] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for text in headers:
        key = lookup.get(header_key(text)) if text.strip() else None
        if key is None:
            if text.strip():
                warnings.append(message("import.unknown_column", column=text))
            fields.append(None)
            continue
        if key in seen:
            raise InvalidInput("import.duplicate_column", field=text, column=text)
        seen.add(key)
        fields.append(key)
    missing = [spec.korean for spec in columns if spec.required and spec.key not in seen]
    if missing:
        raise InvalidInput("import.missing_columns", field="header", columns=", ".join(missing))
    return fields, warnings


def _too_many(limit: int) -> InvalidInput:
    return InvalidInput("input.too_many_rows", field="file", limit=limit)


def _rows(records: Iterator[list[str]], width: int, limit: int) -> Iterator[RawRow]:
    """Non-blank rows; a file with more than ``limit`` of them is refused as a whole (raised
    while reading, inside the import's transaction, so nothing of it is kept)."""
    count = 0
    for index, record in enumerate(records):
        cells = [unquote_cell(c.strip()) for c in record[:width]]
        if not any(cells):
            continue
        count += 1
        if count > limit:
            raise _too_many(limit)
        cells.extend([""] * (width - len(cells)))
        yield RawRow(index + 2, tuple(cells))


def _xlsx_records(content: bytes, limit: int) -> tuple[list[str], Iterator[list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InvalidInput(
            "import.unreadable_xlsx", field="file", error=type(exc).__name__
        ) from None
    sheet = book.worksheets[0]
    # The sheet's declared size, when the file has one: refuse before reading a million rows.
    if isinstance(sheet.max_row, int) and sheet.max_row - 1 > limit:
        raise _too_many(limit)
    values = sheet.iter_rows(values_only=True)
    headers = [cell_text(v) for v in next(values, ())]
    return headers, ([cell_text(v) for v in row] for row in values)


def parse(
    content: bytes,
    filename: str,
    columns: Sequence[ColumnSpec] = COLUMNS,
    *,
    max_rows: int | None = None,
) -> ParsedFile:
    """Parse a file whose headers are ``columns`` (the roster's by default), refusing one of
    more than ``max_rows`` rows (default: the ``import_max_rows`` setting)."""
    limit = max_rows if max_rows is not None else get_settings().import_max_rows
    kind = file_kind(filename)
    encoding: str | None = None
    if kind == "csv":
        encoding, reader = csv_records(content)  # decoded as read (imports.csvstream)
        headers = [h.strip() for h in next(reader, [])]
        records: Iterator[list[str]] = reader
    else:
        headers, records = _xlsx_records(content, limit)
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise InvalidInput("import.no_header", field="header")
    fields, warnings = _map_headers(headers, columns)
    return ParsedFile(
        kind=kind,
        encoding=encoding,
        headers=headers,
        fields=fields,
        rows=_rows(records, len(headers), limit),
        warnings=warnings,
    )


def header_for(parsed: ParsedFile, key: str) -> str:
    """The file's own header text for a field (what the report names), else the Korean one."""
    index = parsed.column_of(key)
    return parsed.headers[index] if index is not None else BY_KEY[key].korean
