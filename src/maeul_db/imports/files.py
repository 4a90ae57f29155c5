"""Files the import hands back: the rejected rows (same format as the upload + an errors column) and
the blank xlsx template with Korean headers. Words other than the format's own headers come from
the wording catalogue."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import PurePath
from typing import BinaryIO

from maeul_db.errors import InvalidInput
from maeul_db.imports.columns import COLUMNS, EXAMPLE_ROW
from maeul_db.kit import cells
from maeul_db.kit.text import looks_like_rrn
from maeul_db.wording import message

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"


def without_rrn(value: str) -> str:
    """Never hand a resident registration number back, even the one that was refused."""
    return "" if looks_like_rrn(value) else value


def rejected_filename(filename: str, kind: str) -> str:
    stem = PurePath(filename).stem or "import"
    return f"{stem}_{message('import.rejected_suffix')}.{'xlsx' if kind == 'xlsx' else 'csv'}"


def table_bytes(headers: Sequence[str], rows: Sequence[Sequence[str]], kind: str) -> bytes:
    """Headers and rows as xlsx or CSV; cells that a spreadsheet would run as formulas are
    neutralised (kit/cells.py)."""
    if kind == "xlsx":
        return cells.xlsx_bytes([headers, *rows])
    # UTF-8 with BOM: Excel opens it with the Korean intact, and the importer reads it back.
    return cells.csv_text([headers, *rows]).encode("utf-8-sig")


def rejected_file(headers: Sequence[str], rows: Sequence[Sequence[str]], kind: str) -> bytes:
    """``rows`` are the rejected rows' cells followed by their error text."""
    return table_bytes(
        [*headers, message("import.error_column")],
        [[without_rrn(c) for c in row[:-1]] + [row[-1]] for row in rows],
        kind,
    )


def template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = message("import.template_sheet")
    cells.write_rows(sheet, [[spec.korean for spec in COLUMNS], EXAMPLE_ROW])
    for cell, spec in zip(sheet[1], COLUMNS, strict=True):
        cell.font = Font(bold=spec.required)
        need = message("import.column_required" if spec.required else "import.column_optional")
        cell.comment = Comment(f"{spec.english} ({need})", "maeul_db")
        sheet.column_dimensions[cell.column_letter].width = max(12, len(spec.korean) * 3)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_upload(stream: BinaryIO) -> bytes:
    """An uploaded roster's bytes (API and page alike): refused when empty or over 50 MB."""
    content = stream.read(MAX_UPLOAD_BYTES + 1)
    if len(content) > MAX_UPLOAD_BYTES:
        raise InvalidInput("import.file_too_large", field="file")
    if not content:
        raise InvalidInput("import.empty_file", field="file")
    return content


def media_type(filename: str) -> str:
    """The content type of a file the import writes back (template, rejected rows)."""
    return XLSX_TYPE if filename.endswith(".xlsx") else CSV_TYPE
