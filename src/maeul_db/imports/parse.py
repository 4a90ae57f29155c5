"""Read a roster file into header-mapped text rows. Pure: bytes in, rows out, no database.

CSV is decoded as UTF-8 (with or without BOM), else CP949 (Excel's Korean default). ``.xlsx`` is
read with openpyxl. The sheet and the header row are found past title rows, blank rows and a 연번
column (sheets.py, header.py), or taken from the officer's choices (``ReadOptions``); columns are
matched by spellings, synonyms and fuzzily, the officer's saved choices first. Row numbers are the
spreadsheet's own, so staff find a reported row where their program shows it. Blank rows are
skipped and not counted as read; footer rows (합계, ※ notes) are skipped with a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from maeul_db.config import get_settings
from maeul_db.errors import InvalidInput
from maeul_db.imports.columns import BY_KEY, COLUMNS, ColumnSpec, header_key
from maeul_db.imports.header import ColumnMatch, match_columns
from maeul_db.imports.sheets import cell_text, decode_csv, read_csv, read_xlsx
from maeul_db.imports.values import clean, is_footer
from maeul_db.kit.cells import unquote_cell
from maeul_db.wording import message

__all__ = ["ParsedFile", "RawRow", "ReadOptions", "cell_text", "decode_csv", "parse"]


@dataclass(frozen=True)
class RawRow:
    number: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class SavedChoices:
    """An officer's mapping for one set of headers: header text → field key ("" = ignore), and
    per field, a value as written (header_key form) → the value to read instead."""

    columns: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass
class ReadOptions:
    """The wizard's (or the CLI's) choices; every one optional."""

    sheet: str | int | None = None
    header_row: int | None = None
    columns: Mapping[str, str] | None = None
    values: Mapping[str, Mapping[str, str]] | None = None
    # Cells fixed in the browser: row number → column index → text; rows left out.
    edits: Mapping[int, Mapping[int, str]] | None = None
    excluded: Sequence[int] | None = None
    # Headers → the district's saved choices for them (the service looks them up).
    saved: Callable[[Sequence[str]], SavedChoices | None] | None = None
    # Refuse a file missing a required column (the wizard asks for it instead).
    strict: bool = True


@dataclass
class ParsedFile:
    kind: str  # "csv" | "xlsx"
    encoding: str | None
    headers: list[str]
    # Per column: the field it feeds, or None for an ignored column.
    fields: list[str | None]
    rows: Iterator[RawRow]
    warnings: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    sheet: str | None = None
    header_row: int = 1
    matches: list[ColumnMatch] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    top: list[list[str]] = field(default_factory=list)
    mapping_saved: bool = False

    def column_of(self, key: str) -> int | None:
        return self.fields.index(key) if key in self.fields else None


@dataclass(frozen=True)
class RowFixes:
    """What the reader changes in a row: the officer's value mappings and fixed cells."""

    fields: list[str | None]
    values: Mapping[str, Mapping[str, str]]
    edits: Mapping[int, Mapping[int, str]]
    excluded: frozenset[int]

    def apply(self, number: int, cells: list[str]) -> tuple[str, ...]:
        if self.values:
            for i, key in enumerate(self.fields):
                chosen = self.values.get(key or "")
                if chosen and cells[i] and header_key(cells[i]) in chosen:
                    cells[i] = chosen[header_key(cells[i])]
        for i, text in self.edits.get(number, {}).items():
            if 0 <= i < len(cells):
                cells[i] = clean(text)
        return tuple(cells)


def file_kind(filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".csv", ".txt"):
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    raise InvalidInput("import.unsupported_file", field="file", name=suffix or filename)


def header_lookup(columns: Sequence[ColumnSpec]) -> dict[str, str]:
    """Every accepted spelling of the columns' headers (``header_key`` form) → field key."""
    return {
        header_key(text): spec.key
        for spec in columns
        for text in (spec.korean, spec.english, spec.key, *spec.aliases)
    }


def _map_headers(
    matches: Sequence[ColumnMatch], columns: Sequence[ColumnSpec], *, strict: bool
) -> tuple[list[str | None], list[str], list[str]]:
    """Fields per column, warnings for unread columns, and the required fields no column feeds
    (refused when ``strict``; the wizard shows them instead)."""
    fields = [m.field for m in matches]
    warnings = [
        message("import.unknown_column", column=m.header)
        for m in matches
        if m.field is None and m.header.strip() and m.how not in ("serial", "saved")
    ]
    missing = [spec.korean for spec in columns if spec.required and spec.key not in fields]
    if missing and strict:
        raise InvalidInput("import.missing_columns", field="header", columns=", ".join(missing))
    return fields, warnings, missing


def _too_many(limit: int) -> InvalidInput:
    return InvalidInput("input.too_many_rows", field="file", limit=limit)


CELL_MEMO = 100_000


def cells_text(cells: Sequence[str]) -> str:
    return " ".join(c for c in cells if c)[:40]


def _rows(
    records: Iterator[list[str]],
    width: int,
    limit: int,
    *,
    first: int,
    fixes: RowFixes,
    warnings: list[str],
) -> Iterator[RawRow]:
    """Non-blank rows numbered from ``first`` (the sheet's own row numbers); footers and rows
    the officer excluded are skipped with a warning. A file with more than ``limit`` rows is
    refused as a whole (raised while reading, inside the import's transaction)."""
    count = 0
    # A file repeats most of its cells (years, districts, dongs, dates, projects…): each distinct
    # cell is read once (at most ``CELL_MEMO`` of them).
    read: dict[str, str] = {}

    def first_read(cell: str) -> str:
        value = clean(unquote_cell(cell.strip()))
        if len(read) < CELL_MEMO:
            read[cell] = value
        return value

    for index, record in enumerate(records):
        number = first + index
        cells = [read[c] if c in read else first_read(c) for c in record[:width]]
        if not any(cells):
            continue
        if number in fixes.excluded:
            warnings.append(message("import.row_excluded", row=number))
            continue
        if is_footer(cells):
            warnings.append(message("import.footer_skipped", row=number, text=cells_text(cells)))
            continue
        count += 1
        if count > limit:
            raise _too_many(limit)
        cells.extend([""] * (width - len(cells)))
        yield RawRow(number, fixes.apply(number, cells))


def parse(
    content: bytes,
    filename: str,
    columns: Sequence[ColumnSpec] = COLUMNS,
    *,
    max_rows: int | None = None,
    options: ReadOptions | None = None,
) -> ParsedFile:
    """Parse a file holding ``columns`` (the roster's by default), refusing one of more than
    ``max_rows`` rows (default: the ``import_max_rows`` setting). The sheet and header row are
    found (or taken from ``options``), the columns matched (saved choices first)."""
    opts = options or ReadOptions()
    limit = max_rows if max_rows is not None else get_settings().import_max_rows
    kind = file_kind(filename)
    if kind == "csv":
        table = read_csv(content, opts.header_row, columns)
    else:
        table = read_xlsx(content, opts.sheet, opts.header_row, columns, limit)
    headers = list(table.headers)
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise InvalidInput("import.no_header", field="header")
    saved = opts.saved(headers) if opts.saved is not None else None
    chosen = {**(saved.columns if saved else {}), **(opts.columns or {})}
    matches = match_columns(headers, columns, chosen)
    fields, warnings, missing = _map_headers(matches, columns, strict=opts.strict)
    vocab = {**(saved.values if saved else {}), **(opts.values or {})}
    fixes = RowFixes(fields, vocab, opts.edits or {}, frozenset(opts.excluded or ()))
    parsed = ParsedFile(
        kind=kind,
        encoding=table.encoding,
        headers=headers,
        fields=fields,
        rows=iter(()),
        warnings=warnings,
        sheets=table.sheets,
        sheet=table.sheet,
        header_row=table.header_row,
        matches=matches,
        missing=missing,
        top=table.top,
        mapping_saved=saved is not None,
    )
    parsed.rows = _rows(
        table.records,
        len(headers),
        limit,
        first=table.header_row + 1,
        fixes=fixes,
        warnings=parsed.warnings,
    )
    return parsed


def header_for(parsed: ParsedFile, key: str) -> str:
    """The file's own header text for a field (what the report names), else the Korean one."""
    index = parsed.column_of(key)
    return parsed.headers[index] if index is not None else BY_KEY[key].korean
