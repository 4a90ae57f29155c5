"""A district's saved column and value mappings (issue 10), keyed by the file's header names (not
positions): saved when the officer maps a file in the wizard, applied silently the next time a file
with the same headers comes, and exportable as a JSON file for ``maeul-db import --mapping``.

The JSON file::

    {"format": "maeul-db-import-mapping", "version": 1, "kind": "roster",
     "headers": ["연번", "이름", ...], "sheet": null, "header_row": 3,
     "columns": {"이름": "name", "비고": ""}, "values": {"role": {"회원님": "participant"}}}

``columns`` maps a header to a field key ("" = not read); ``values`` maps, per field, a value as
written (its header_key form) to the value read instead.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from sqlmodel import Session, select

from maeul_db.errors import InvalidInput
from maeul_db.imports.columns import BY_KEY, header_key
from maeul_db.imports.parse import ReadOptions, SavedChoices
from maeul_db.models import ImportMapping

FORMAT = "maeul-db-import-mapping"
VERSION = 1


def headers_key(headers: Sequence[str]) -> str:
    """The lookup key of a header row: its names' comparison forms, in order."""
    forms = [header_key(h) for h in headers]
    return hashlib.sha256(json.dumps(forms, ensure_ascii=False).encode()).hexdigest()


def _choices(row: ImportMapping) -> SavedChoices:
    data = json.loads(row.mapping or "{}")
    return SavedChoices(columns=data.get("columns", {}), values=data.get("values", {}))


def saved_lookup(
    session: Session, district_code: str, kind: str = "roster"
) -> Callable[[Sequence[str]], SavedChoices | None]:
    """What the reader calls with a file's headers: the district's saved choices for them."""

    def lookup(headers: Sequence[str]) -> SavedChoices | None:
        row = find(session, district_code, headers, kind)
        return _choices(row) if row is not None else None

    return lookup


def find(
    session: Session, district_code: str, headers: Sequence[str], kind: str = "roster"
) -> ImportMapping | None:
    return session.exec(
        select(ImportMapping).where(
            ImportMapping.district_code == district_code,
            ImportMapping.kind == kind,
            ImportMapping.header_key == headers_key(headers),
        )
    ).first()


def check_choices(
    columns: Mapping[str, str],
    values: Mapping[str, Mapping[str, str]],
    known: Collection[str] | None = None,
) -> None:
    """Refuse a mapping naming a field the format (``known``: the roster's) does not have."""
    for key in [*columns.values(), *values]:
        if key and key not in (BY_KEY if known is None else known):
            raise InvalidInput("import.unknown_field", field="mapping", name=key)


def save(
    session: Session,
    *,
    district_code: str,
    headers: Sequence[str],
    columns: Mapping[str, str],
    values: Mapping[str, Mapping[str, str]],
    user_id: int | None,
    kind: str = "roster",
    known: Collection[str] | None = None,
) -> ImportMapping:
    """Create or replace the district's mapping for these headers (the caller checked rights)."""
    check_choices(columns, values, known)
    row = find(session, district_code, headers, kind) or ImportMapping(
        district_code=district_code,
        kind=kind,
        header_key=headers_key(headers),
        headers="[]",
        mapping="{}",
    )
    row.headers = json.dumps(list(headers), ensure_ascii=False)
    row.mapping = json.dumps(
        {"columns": dict(columns), "values": {k: dict(v) for k, v in values.items()}},
        ensure_ascii=False,
    )
    row.updated_by_user_id = user_id
    session.add(row)
    session.flush()
    return row


def export(
    headers: Sequence[str],
    columns: Mapping[str, str],
    values: Mapping[str, Mapping[str, str]],
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    kind: str = "roster",
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "kind": kind,
        "headers": list(headers),
        "sheet": sheet,
        "header_row": header_row,
        "columns": dict(columns),
        "values": {k: dict(v) for k, v in values.items()},
    }


def options_from_json(text: str | bytes) -> ReadOptions:
    """A mapping file (exported from the page) as reader options, for the command line."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InvalidInput("import.bad_mapping", field="mapping", error=str(exc)[:80]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput("import.bad_mapping", field="mapping", error=FORMAT)
    columns = data.get("columns") or {}
    values = data.get("values") or {}
    if not isinstance(columns, dict) or not isinstance(values, dict):
        raise InvalidInput("import.bad_mapping", field="mapping", error="columns/values")
    check_choices(columns, values)
    header_row = data.get("header_row")
    return ReadOptions(
        sheet=data.get("sheet"),
        header_row=int(header_row) if header_row else None,
        columns={str(k): str(v) for k, v in columns.items()},
        values={
            str(f): {header_key(str(k)): str(v) for k, v in m.items()} for f, m in values.items()
        },
    )
