"""The import wizard (issue 10): an uploaded file kept server-side while the officer chooses the
sheet and header row, maps columns and unknown values, fixes cells or leaves rows out, and checks
again without uploading again; then imports it (strict or partial) through ``service.run_import``.

Every rule is here, for the page and the API alike: who may see an upload (its district's staff
and the city admin, like batches), how long it is kept (``KEEP``), what is saved for next time
(the district's mapping for the file's headers), and the access-log row for showing its cells (they
may name people outside the register, like an import's rejected rows).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from sqlmodel import Session, col, delete

from maeul_db.access_log import service as access_log
from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Forbidden, NotFound
from maeul_db.imports import mappings, service, wizard_kinds
from maeul_db.imports.columns import header_key
from maeul_db.imports.parse import ParsedFile, RawRow, ReadOptions, parse
from maeul_db.imports.schemas import ImportReport
from maeul_db.imports.stream import ImportProgress
from maeul_db.imports.wizard_kinds import Target, target_of
from maeul_db.imports.wizard_schemas import (
    PreviewCell,
    PreviewRow,
    UnknownValue,
    WizardChanges,
    WizardColumn,
    WizardPublic,
)
from maeul_db.kit.time import utcnow
from maeul_db.models import ImportUpload, UserAccount

KEEP = timedelta(hours=24)
PREVIEW_ROWS = 200
SAMPLES = 3


def stage_upload(
    session: Session,
    *,
    user: UserAccount,
    content: bytes,
    filename: str,
    district_code: str | None,
    kind: str = "roster",
    program_id: int | None = None,
) -> WizardPublic:
    """Keep an uploaded file for the wizard (expired uploads are removed on the way) and show
    the first check of it: with a saved mapping for its headers, straight to the preview.
    ``kind``: a roster, or an attendance sheet of programme ``program_id``."""
    district = service.target_district(user, district_code)
    service.check_district(user, district)
    target = wizard_kinds.check_kind(session, user, kind, program_id, district)
    session.exec(delete(ImportUpload).where(col(ImportUpload.expires_at) < utcnow()))
    assert user.id is not None
    upload = ImportUpload(
        token=secrets.token_hex(16),
        district_code=district,
        user_id=user.id,
        filename=filename[:255],
        content=content,
        choices=json.dumps(target),
        expires_at=utcnow() + KEEP,
    )
    session.add(upload)
    session.flush()
    assert upload.id is not None
    return wizard_state(session, user=user, upload_id=upload.id)


def get_upload(session: Session, *, user: UserAccount, upload_id: int) -> ImportUpload:
    """An upload of the user's district (the city admin: any), not yet expired."""
    if not policies.can_log_facts(user):  # analysts and experts import nothing
        raise Forbidden("import.forbidden")
    upload: ImportUpload = get_visible(
        session,
        district_scoped(ImportUpload, user),
        ImportUpload,
        upload_id,
        missing="import.upload_not_found",
    )
    if upload.expires_at < utcnow():
        raise NotFound("import.upload_not_found")
    return upload


def _choices(upload: ImportUpload) -> dict[str, Any]:
    data = json.loads(upload.choices or "{}")
    return data if isinstance(data, dict) else {}


def upload_target(session: Session, upload: ImportUpload) -> Target:
    """What a kept upload is for: a roster, or a programme's attendance sheet."""
    return target_of(session, _choices(upload))


def options_of(upload: ImportUpload, *, strict: bool) -> ReadOptions:
    data = _choices(upload)
    return ReadOptions(
        sheet=data.get("sheet"),
        header_row=data.get("header_row"),
        columns=data.get("columns"),
        values=data.get("values"),
        edits={int(r): {int(i): t for i, t in c.items()} for r, c in data.get("edits", {}).items()},
        excluded=data.get("excluded", []),
        strict=strict,
    )


def _merge(
    data: dict[str, Any], changes: WizardChanges, layout: tuple[str | None, int]
) -> dict[str, Any]:
    """The officer's changes over the earlier ones; a new sheet or header row starts the column
    choices (and fixes, which name rows of the old layout) afresh. A header row sent with a new
    sheet named a row of the old one: the new sheet's is found again. ``layout`` is the sheet and
    header row in use (chosen or found), so sending them unchanged changes nothing."""
    sheet, header_row = layout
    if changes.sheet is not None and changes.sheet != (sheet or ""):
        kept = {k: data[k] for k in wizard_kinds.KIND_KEYS if k in data}
        data = {**kept, "sheet": changes.sheet or None, "values": data.get("values", {})}
    elif changes.header_row is not None and changes.header_row != header_row:
        data = {**data, "header_row": changes.header_row or None, "columns": {}, "edits": {}}
    if changes.columns is not None:
        data["columns"] = {**data.get("columns", {}), **changes.columns}
    if changes.values is not None:
        values = data.setdefault("values", {})
        for field, chosen in changes.values.items():
            picked = {header_key(k): v for k, v in chosen.items() if v}
            values[field] = {**values.get(field, {}), **picked}
    if changes.edits:
        edits = data.setdefault("edits", {})
        for row, cells in changes.edits.items():
            edits[str(row)] = {**edits.get(str(row), {}), **{str(i): t for i, t in cells.items()}}
    excluded = set(data.get("excluded", [])) | set(changes.excluded or ())
    data["excluded"] = sorted(excluded - set(changes.included or ()))
    return data


def update_upload(
    session: Session, *, user: UserAccount, upload_id: int, changes: WizardChanges
) -> WizardPublic:
    """Apply the officer's choices and check again. Column and value choices are saved as the
    district's mapping for these headers, so the next file like it goes straight to the preview."""
    upload = get_upload(session, user=user, upload_id=upload_id)
    target = target_of(session, _choices(upload))
    if changes.columns or changes.values:
        known = [c.key for c in target.columns]
        mappings.check_choices(changes.columns or {}, changes.values or {}, known)
    merged = _merge(_choices(upload), changes, _layout(session, upload, target))
    upload.choices = json.dumps(merged, ensure_ascii=False)
    session.add(upload)
    session.flush()
    state = wizard_state(session, user=user, upload_id=upload_id)
    if changes.columns or changes.values:
        _save_mapping(session, user, upload, state, target)
    return state


def _save_mapping(
    session: Session, user: UserAccount, upload: ImportUpload, state: WizardPublic, target: Target
) -> None:
    columns = {c.header: c.field or "" for c in state.columns if c.header}
    mappings.save(
        session,
        district_code=upload.district_code,
        headers=[c.header for c in state.columns],
        columns=columns,
        values=_choices(upload).get("values", {}),
        user_id=user.id,
        kind=target.kind,
        known=[c.key for c in target.columns],
    )


def _parsed(session: Session, upload: ImportUpload, target: Target) -> ParsedFile:
    options = service.reading_options(
        session, upload.district_code, options_of(upload, strict=False), target.kind
    )
    return parse(upload.content, upload.filename, target.columns, options=options)


def _layout(session: Session, upload: ImportUpload, target: Target) -> tuple[str | None, int]:
    """The sheet and header row in use; only the top rows are read."""
    parsed = _parsed(session, upload, target)
    return parsed.sheet, parsed.header_row


def _read(
    session: Session, upload: ImportUpload, target: Target
) -> tuple[ParsedFile, list[RawRow]]:
    parsed = _parsed(session, upload, target)
    return parsed, list(parsed.rows)


def _columns(parsed: ParsedFile, rows: list[RawRow]) -> list[WizardColumn]:
    found: list[WizardColumn] = []
    for i, match in enumerate(parsed.matches):
        samples = list(dict.fromkeys(r.cells[i] for r in rows if r.cells[i]))[:SAMPLES]
        found.append(WizardColumn(index=i, **vars(match), samples=samples))
    return found


def _unknown_values(
    session: Session, target: Target, parsed: ParsedFile, rows: list[RawRow]
) -> list[UnknownValue]:
    found: list[UnknownValue] = []
    for field, (vocab, choices) in wizard_kinds.choice_columns(session, target).items():
        index = parsed.column_of(field)
        if index is None:
            continue
        counts: dict[str, int] = {}
        for row in rows:
            text = row.cells[index]
            if wizard_kinds.unknown(vocab, text):
                counts[text] = counts.get(text, 0) + 1
        found.extend(
            UnknownValue(field=field, value=v, rows=n, choices=choices) for v, n in counts.items()
        )
    return found


def _preview_rows(
    report: ImportReport | None, parsed: ParsedFile, rows: Iterable[RawRow]
) -> list[PreviewRow]:
    if report is None:
        return []
    refused = {r.row: r.errors for r in report.rejected[:PREVIEW_ROWS]}
    column = {h: i for i, h in reversed(list(enumerate(parsed.headers)))}
    preview = []
    for raw in rows:
        if raw.number not in refused:
            continue
        errors: dict[int, str] = {}
        for e in refused[raw.number]:
            i = column.get(e.column, -1)
            errors[i] = f"{errors[i]}; {e.reason}" if i in errors else e.reason
        cells = [PreviewCell(index=i, text=t, error=errors.get(i)) for i, t in enumerate(raw.cells)]
        if -1 in errors:  # an error of a field the file has no column for
            cells.append(PreviewCell(index=-1, text="", error=errors[-1]))
        preview.append(PreviewRow(row=raw.number, cells=cells))
    return preview


def wizard_state(session: Session, *, user: UserAccount, upload_id: int) -> WizardPublic:
    """The wizard's view of an upload: layout, column matches with samples, unknown values, and
    (when every required field has a column) the dry-run report with the refused rows' cells."""
    upload = get_upload(session, user=user, upload_id=upload_id)
    target = target_of(session, _choices(upload))
    parsed, rows = _read(session, upload, target)
    report = attendance = None
    if not parsed.missing:
        with session.begin_nested():  # a dry run writes nothing; the savepoint makes sure
            checked = wizard_kinds.run(
                session,
                target=target,
                user=user,
                upload=upload,
                options=options_of(upload, strict=True),
                dry_run=True,
            )
        report, attendance = checked.outcome.report, checked.attendance
    log_preview(session, user, upload)
    assert upload.id is not None
    return WizardPublic(
        upload_id=upload.id,
        filename=upload.filename,
        district_code=upload.district_code,
        kind=target.kind,
        program_id=target.program.id if target.program else None,
        program_name=target.program.name if target.program else None,
        expires_at=upload.expires_at,
        sheets=parsed.sheets,
        sheet=parsed.sheet,
        header_row=parsed.header_row,
        top=parsed.top,
        columns=_columns(parsed, rows),
        fields=wizard_kinds.fields(target),
        missing=parsed.missing,
        unknown_values=_unknown_values(session, target, parsed, rows),
        mapping_saved=parsed.mapping_saved,
        step="columns" if parsed.missing else "preview",
        report=report,
        attendance=attendance,
        rows=_preview_rows(report, parsed, rows),
        excluded=list(options_of(upload, strict=False).excluded or []),
    )


def log_preview(session: Session, user: UserAccount, upload: ImportUpload) -> None:
    """The wizard shows the file's cells (names, phones of people perhaps not in the register)."""
    access_log.record(
        session,
        actor=user,
        action="import.preview",
        person_ids=[],
        purpose=f"import upload {upload.id}",
        outside_register=True,
    )


def commit_upload(
    session: Session,
    *,
    user: UserAccount,
    upload_id: int,
    partial: bool,
    progress: ImportProgress | None = None,
) -> service.ImportOutcome:
    """Import the upload as the officer left it; the upload is removed once a batch is written
    (a refused strict import keeps it, to fix and try again)."""
    upload = get_upload(session, user=user, upload_id=upload_id)
    outcome = wizard_kinds.run(
        session,
        target=target_of(session, _choices(upload)),
        user=user,
        upload=upload,
        options=options_of(upload, strict=True),
        dry_run=False,
        partial=partial,
        progress=progress,
    ).outcome
    if outcome.report.batch_id is not None:
        session.delete(upload)
        session.flush()
    return outcome


def mapping_file(session: Session, *, user: UserAccount, upload_id: int) -> tuple[bytes, str]:
    """The upload's mapping as the JSON file ``maeul-db import --mapping`` reads."""
    upload = get_upload(session, user=user, upload_id=upload_id)
    target = target_of(session, _choices(upload))
    parsed = _parsed(session, upload, target)
    data = _choices(upload)
    exported = mappings.export(
        parsed.headers,
        {m.header: m.field or "" for m in parsed.matches if m.header},
        data.get("values", {}),
        sheet=parsed.sheet,
        header_row=parsed.header_row,
        kind=target.kind,
    )
    content = json.dumps(exported, ensure_ascii=False, indent=2).encode()
    return content, "mapping.json"
