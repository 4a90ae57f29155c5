"""Find the header row and match its columns to the format's fields (issue 10). Pure.

A roster often has a title row, a date line or blank rows above the headers, merged cells (read
as blanks) and a 연번 column. The header row is the first of the top rows whose cells name at
least ``MIN_FIELDS`` fields; each header is matched by the format's own spellings, the synonyms
(synonyms.py), then fuzzily (a known spelling inside the header, or a close spelling), and the
officer's saved choices (a mapping keyed by header text) come first of all.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from maeul_db.imports.columns import COLUMNS, ColumnSpec, header_key
from maeul_db.imports.synonyms import HEADER_SYNONYMS, SERIAL_HEADERS

# How many top rows may stand above the header row.
SCAN_ROWS = 30
# A row naming fewer fields than this is a title, not the header row.
MIN_FIELDS = 3
# Fuzzy matches below this similarity are not offered.
FUZZY_CUTOFF = 0.8
# "생년월일(8자리)", "연락처 [선택]": the bracketed note is not part of the name.
_NOTE = re.compile(r"[(\[{<].*?[)\]}>]")
_SERIALS = frozenset(header_key(h) for h in SERIAL_HEADERS)
IGNORE = ""  # a mapping's value for "do not read this column"


@dataclass(frozen=True)
class ColumnMatch:
    """How one header was read: the field it feeds (None: ignored) and how it was found
    (``exact`` | ``synonym`` | ``fuzzy`` | ``saved`` | ``serial`` | ``none``)."""

    header: str
    field: str | None
    how: str


def spellings(columns: Sequence[ColumnSpec]) -> dict[str, tuple[str, str]]:
    """header_key spelling → (field key, ``exact`` | ``synonym``)."""
    found: dict[str, tuple[str, str]] = {}
    for spec in columns:
        for text in HEADER_SYNONYMS.get(spec.key, ()):
            found[header_key(text)] = (spec.key, "synonym")
        for text in (spec.korean, spec.english, spec.key, *spec.aliases):
            found[header_key(text)] = (spec.key, "exact")
    return found


def _without_note(text: str) -> str:
    return header_key(_NOTE.sub("", text)) or header_key(text)


def match_header(text: str, known: Mapping[str, tuple[str, str]]) -> tuple[str | None, str]:
    """The field a header names and how, without the officer's choices."""
    key = header_key(text)
    if not key:
        return None, "none"
    if key in known:
        return known[key]
    bare = _without_note(text)
    if bare in known:
        return known[bare][0], "synonym"
    if key in _SERIALS or bare in _SERIALS:
        return None, "serial"
    # A known spelling of two or more letters inside the header ("참여자 성명", "대표 연락처").
    inside = sorted((s for s in known if len(s) >= 2 and s in bare), key=len, reverse=True)
    if inside:
        return known[inside[0]][0], "fuzzy"
    close = difflib.get_close_matches(bare, list(known), n=1, cutoff=FUZZY_CUTOFF)
    return (known[close[0]][0], "fuzzy") if close else (None, "none")


def match_columns(
    headers: Sequence[str],
    columns: Sequence[ColumnSpec] = COLUMNS,
    saved: Mapping[str, str] | None = None,
) -> list[ColumnMatch]:
    """Each header's field. ``saved`` (header text → field key, or IGNORE) wins; otherwise a
    field already taken by an earlier, surer match is not given twice."""
    known = spellings(columns)
    chosen = saved or {}
    matches: list[ColumnMatch | None] = [None] * len(headers)
    taken: set[str] = set()
    # The officer's choices first, then exact, synonym and fuzzy matches in that order.
    for i, text in enumerate(headers):
        if text in chosen:
            field = chosen[text] or None
            matches[i] = ColumnMatch(text, field, "saved")
            taken.update({field} if field else set())
    found = [(i, *match_header(text, known)) for i, text in enumerate(headers)]
    rank = {"exact": 0, "synonym": 1, "fuzzy": 2, "serial": 3, "none": 4}
    for i, field, how in sorted(found, key=lambda f: rank[f[2]]):
        if matches[i] is not None:
            continue
        if field is not None and field in taken:
            field, how = None, "none"
        matches[i] = ColumnMatch(headers[i], field, how)
        taken.update({field} if field else set())
    return [m for m in matches if m is not None]


def header_score(cells: Sequence[str], known: Mapping[str, tuple[str, str]]) -> int:
    """How many distinct fields a row's cells name."""
    return len({f for f, _how in (match_header(c, known) for c in cells if c) if f})


def find_header(
    rows: Sequence[Sequence[str]], columns: Sequence[ColumnSpec] = COLUMNS
) -> int | None:
    """The 0-based index of the header row among the top ``rows``: the first that names at
    least MIN_FIELDS fields (fewer if the format has fewer), or None."""
    known = spellings(columns)
    need = min(MIN_FIELDS, len(columns))
    for index, cells in enumerate(rows[:SCAN_ROWS]):
        if header_score(cells, known) >= need:
            return index
    return None
