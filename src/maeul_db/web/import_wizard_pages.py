"""The import wizard's pages (issue 10): the kept file's sheet and header row, column mapping with
sample values, unknown values mapped once, a preview whose refused cells the officer fixes (or whose
rows they leave out) and checks again, then import. The services (imports/wizard.py) do every rule;
these routes parse the form, call one service, render."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from maeul_db.auth.deps import SessionDep
from maeul_db.errors import MaeulError
from maeul_db.imports import files, upload_jobs, wizard
from maeul_db.imports.wizard_schemas import WizardChanges, WizardPublic
from maeul_db.kit.http import attachment
from maeul_db.web.deps import WebUser
from maeul_db.web.templating import render
from maeul_db.wording import message

# Included by import_pages (prefix /imports), so these are /imports/uploads/...
router = APIRouter(prefix="/uploads")


def _page(
    request: Request,
    state: WizardPublic,
    *,
    error: str | None = None,
    download: tuple[str | None, str | None] = (None, None),
) -> Response:
    """The wizard; ``download``: a refused import's rejected rows (link, file name)."""
    link, name = download
    return render(
        request,
        "imports/wizard.html",
        {"state": state, "error": error, "download": link, "download_name": name},
        status_code=422 if error else 200,
    )


@router.post("")
def start_wizard(
    session: SessionDep,
    user: WebUser,
    file: Annotated[UploadFile, File()],
    district_code: Annotated[str | None, Form()] = None,
    kind: Annotated[str, Form()] = "roster",
    program_id: Annotated[int | None, Form()] = None,
) -> Response:
    """Keep the uploaded file (a roster, or a programme's attendance sheet) and open the wizard."""
    state = wizard.stage_upload(
        session,
        user=user,
        content=files.read_upload(file.file),
        filename=file.filename or "upload.csv",
        district_code=district_code,
        kind=kind,
        program_id=program_id,
    )
    return RedirectResponse(f"/imports/uploads/{state.upload_id}", status_code=303)


@router.get("/{upload_id}")
def show_wizard(request: Request, session: SessionDep, user: WebUser, upload_id: int) -> Response:
    """The wizard: layout, columns, values, preview with errors per cell."""
    return _page(request, wizard.wizard_state(session, user=user, upload_id=upload_id))


def _pairs(keys: list[str], texts: list[str]) -> dict[int, dict[int, str]]:
    """Fixed cells from the form: ``row:index`` keys beside their texts."""
    edits: dict[int, dict[int, str]] = {}
    for key, text in zip(keys, texts, strict=False):
        row, _, index = key.partition(":")
        if row.isdigit() and index.lstrip("-").isdigit():
            edits.setdefault(int(row), {})[int(index)] = text
    return edits


def _values(fields: list[str], raws: list[str], targets: list[str]) -> dict[str, dict[str, str]]:
    chosen: dict[str, dict[str, str]] = {}
    for field, raw, target in zip(fields, raws, targets, strict=False):
        if target:
            chosen.setdefault(field, {})[raw] = target
    return chosen


@router.post("/{upload_id}")
def change_wizard(
    request: Request,
    session: SessionDep,
    user: WebUser,
    upload_id: int,
    sheet: Annotated[str | None, Form()] = None,
    header_row: Annotated[int | None, Form()] = None,
    header: Annotated[list[str] | None, Form()] = None,
    field: Annotated[list[str] | None, Form()] = None,
    value_field: Annotated[list[str] | None, Form()] = None,
    value_raw: Annotated[list[str] | None, Form()] = None,
    value_to: Annotated[list[str] | None, Form()] = None,
    cell: Annotated[list[str] | None, Form()] = None,
    text: Annotated[list[str] | None, Form()] = None,
    exclude: Annotated[list[int] | None, Form()] = None,
    shown: Annotated[list[int] | None, Form()] = None,
) -> Response:
    """One step's choices (the form names which), then back to the wizard to check again."""
    excluded = list(exclude or [])
    changes = WizardChanges(
        sheet=sheet,
        header_row=header_row,
        columns=dict(zip(header, field, strict=False)) if header and field else None,
        values=_values(value_field or [], value_raw or [], value_to or []) or None,
        edits=_pairs(cell or [], text or []) or None,
        excluded=excluded or None,
        # Rows shown with an exclude box left unticked are taken back in.
        included=[r for r in shown or [] if r not in excluded] or None,
    )
    try:
        with session.begin_nested():  # a refused choice is not kept
            wizard.update_upload(session, user=user, upload_id=upload_id, changes=changes)
    except MaeulError as exc:
        if exc.status_code in (403, 404):
            raise
        state = wizard.wizard_state(session, user=user, upload_id=upload_id)
        return _page(request, state, error=exc.message)
    return RedirectResponse(f"/imports/uploads/{upload_id}#preview", status_code=303)


@router.post("/{upload_id}/commit")
def commit_wizard(
    request: Request,
    session: SessionDep,
    user: WebUser,
    upload_id: int,
    partial: Annotated[bool, Form()] = False,
) -> Response:
    """Import the file as mapped and fixed: a roster's report on the imports page (undo there),
    an attendance sheet back to its programme; a large file's progress page while it runs."""
    from maeul_db.web.import_pages import inline_download, report_page

    with session.begin_nested():  # a refused import leaves nothing, although the page commits
        result = upload_jobs.commit(session, user=user, upload_id=upload_id, partial=partial)
    if result.job is not None:
        return RedirectResponse(f"/imports/uploads/{upload_id}/progress", status_code=303)
    assert result.outcome is not None
    outcome = result.outcome
    if outcome.program_id is None:
        return report_page(request, session, user, outcome, partial=partial)
    if outcome.report.batch_id is not None:
        return RedirectResponse(
            f"/training/programs/{outcome.program_id}?imported={outcome.report.batch_id}",
            status_code=303,
        )
    state = wizard.wizard_state(session, user=user, upload_id=upload_id)
    return _page(
        request,
        state,
        error=message("import.refused_rows", rows=outcome.report.rejected_rows),
        download=(inline_download(outcome), outcome.rejected_filename),
    )


@router.get("/{upload_id}/progress")
def show_progress(request: Request, session: SessionDep, user: WebUser, upload_id: int) -> Response:
    """A large upload's import while it runs: rows checked, then done (the page reloads itself)."""
    job = upload_jobs.progress_of(session, user=user, upload_id=upload_id)
    return render(request, "imports/progress.html", {"job": job})


@router.get("/{upload_id}/mapping.json")
def download_mapping(session: SessionDep, user: WebUser, upload_id: int) -> Response:
    """The file's column and value mapping, for ``maeul-db import --mapping``."""
    content, filename = wizard.mapping_file(session, user=user, upload_id=upload_id)
    return attachment(content, filename, "application/json")
