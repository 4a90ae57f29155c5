"""Spreadsheet cells that stay data: every CSV and xlsx the product writes goes through here.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula
by spreadsheet programs (CSV/formula injection: ``=HYPERLINK(...)`` in a name typed by anyone).
OWASP's rule: prefix such a cell with ``'`` so it is shown as text. Writers: ``csv_bytes`` and
``xlsx_bytes`` (every cell a string cell, never a formula); numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None


def safe_cell(value: Cell) -> Cell:
    """``value`` as a spreadsheet shows it as text: a leading formula character gets a ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Cell]:
    return [safe_cell(v if v is None or isinstance(v, int | float) else str(v)) for v in row]


def csv_text(rows: Iterable[Sequence[Any]], *, lineterminator: str = "\r\n") -> str:
    """Rows (headers first) as CSV text, every cell neutralised."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator=lineterminator)
    writer.writerows(safe_row(row) for row in rows)
    return text.getvalue()


def write_rows(sheet: Any, rows: Iterable[Sequence[Any]]) -> None:
    """Append rows to an openpyxl sheet; text is stored as a string cell (data type ``s``), so
    openpyxl never reads a leading ``=`` as a formula."""
    for row in rows:
        sheet.append(safe_row(row))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def xlsx_bytes(rows: Iterable[Sequence[Any]], *, title: str | None = None) -> bytes:
    """A one-sheet workbook of ``rows`` (headers first)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if title:
        sheet.title = title
    write_rows(sheet, rows)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def unquote_cell(value: str) -> str:
    """A cell read back from a file this module wrote: the protective ``'`` removed again, so a
    corrected rejected-rows file imports the value that was typed."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
