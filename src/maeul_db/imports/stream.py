"""Strict mode's check, in a stream: a large file is validated row by row as it is read, holding
neither every row nor every error, so a file of a million rows stays well under 1 GiB.

- Rows are read lazily (``parse``: csv reader, openpyxl ``read_only``) and checked one at a time.
- Valid rows are kept only while the file is small (``HOLD_ROWS``): a small good file is checked
  once; a large one is checked in a first pass that keeps no row and, only when every row was good,
  read, checked, planned and written again a chunk at a time (``imports.chunked``).
- At the first refused row nothing valid is kept any more (strict mode will write nothing); at most
  ``REJECTED_KEPT`` refused rows are kept in full for the report and the rejected-rows file, the
  rest are counted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from maeul_db.imports.lookups import Lookups
from maeul_db.imports.parse import ParsedFile, ReadOptions, parse
from maeul_db.imports.validate import Rejected, RowChecker, Validated

HOLD_ROWS = 100_000
REJECTED_KEPT = 1_000
PROGRESS_EVERY = 1_000

Progress = Callable[[int], None]


def _nothing() -> None:
    return None


@dataclass
class ImportProgress:
    """What a door shows while an import runs: rows checked so far (of about ``total``), then
    the writing phase."""

    rows_checked: Progress
    writing: Callable[[], None] = _nothing


def rows_estimate(content: bytes, filename: str) -> int | None:
    """About how many rows a file holds, for a progress bar (CSV: its lines; xlsx: unknown)."""
    if filename.lower().endswith((".csv", ".txt")):
        return max(content.count(b"\n") - 1, 0) or None
    return None


def _first_pass(
    parsed: ParsedFile,
    lookups: Lookups,
    district_code: str,
    progress: Progress | None,
) -> tuple[Validated, int, bool]:
    """(the check's result, how many rows were refused, whether every valid row was kept)."""
    checker = RowChecker(parsed, lookups, district_code)
    result = Validated()
    refused = 0
    holding = True
    for raw in parsed.rows:
        result.rows_read += 1
        checked = checker.check(raw)
        if isinstance(checked, list):
            refused += 1
            if len(result.rejected) < REJECTED_KEPT:
                result.rejected.append(Rejected(raw, checked))
            holding, result.valid = False, []
        elif holding:
            result.valid.append(checked)
            if len(result.valid) > HOLD_ROWS:
                holding, result.valid = False, []
        if progress is not None and result.rows_read % PROGRESS_EVERY == 0:
            progress(result.rows_read)
    if progress is not None:
        progress(result.rows_read)
    result.warnings = checker.warnings  # values read with a default (imports.validate)
    return result, refused, holding


def validate_strict(
    content: bytes,
    filename: str,
    lookups: Lookups,
    *,
    district_code: str,
    progress: Progress | None = None,
    options: ReadOptions | None = None,
) -> tuple[ParsedFile, Validated, int]:
    """Parse and check a file for a strict import: (the parsed file, the check's result, how many
    rows were refused). With refused rows, ``valid`` is empty and ``rejected`` holds at most
    ``REJECTED_KEPT`` of them; without, ``valid`` holds every row of a small file, and a large
    one comes back ``streamed`` (no row held; the parsed file is a fresh read to write from)."""
    parsed = parse(content, filename, options=options)
    result, refused, kept_all = _first_pass(parsed, lookups, district_code, progress)
    if refused or kept_all:
        return parsed, result, refused
    # Every row was good but too many to have held during the check: they are read again as
    # they are written (``imports.chunked``), a chunk at a time.
    result.streamed = True
    return parse(content, filename, options=options), result, 0
