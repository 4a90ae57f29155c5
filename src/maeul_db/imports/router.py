"""Imports API: upload with a preview (dry run) or commit, batches, undo, files."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import JSONResponse, Response

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.imports import files, service, upload_jobs, wizard
from maeul_db.imports.schemas import (
    ImportBatchesPublic,
    ImportBatchPublic,
    ImportReport,
    UndoPublic,
)
from maeul_db.imports.undo import undo
from maeul_db.imports.wizard_schemas import ImportJobPublic, WizardChanges, WizardPublic
from maeul_db.kit.http import attachment
from maeul_db.kit.pagination import Page
from maeul_db.models import UserAccount

router = APIRouter(prefix="/imports", tags=["imports"])

# A 422 is either the import's own report (rows rejected) or FastAPI's body for a malformed request
# (no file): both shapes are documented, so clients and schemathesis can check what they get.
REJECTED = {
    "description": "rows rejected, none written; or a malformed request",
    "content": {
        "application/json": {
            "schema": {
                "anyOf": [
                    {"$ref": "#/components/schemas/ImportReport"},
                    {"$ref": "#/components/schemas/HTTPValidationError"},
                ]
            }
        }
    },
}


def _run(
    session: SessionDep,
    user: UserAccount,
    file: UploadFile,
    partial: bool,
    district_code: str | None,
    dry_run: bool,
) -> ImportReport:
    outcome = service.run_import(
        session,
        content=files.read_upload(file.file),
        filename=file.filename or "upload.csv",
        district_code=service.target_district(user, district_code),
        actor=user,
        partial=partial,
        dry_run=dry_run,
    )
    return outcome.report


@router.post("/preview", response_model=ImportReport)
def preview_import(
    session: SessionDep,
    user: CurrentUser,
    file: Annotated[UploadFile, File()],
    partial: Annotated[bool, Form()] = False,
    district_code: Annotated[str | None, Form()] = None,
) -> ImportReport:
    """Check a roster file and report what importing it would do; nothing is written."""
    return _run(session, user, file, partial, district_code, dry_run=True)


@router.post(
    "",
    response_model=ImportReport,
    status_code=201,
    responses={422: REJECTED},
)
def create_import(
    session: SessionDep,
    user: CurrentUser,
    file: Annotated[UploadFile, File()],
    partial: Annotated[bool, Form()] = False,
    district_code: Annotated[str | None, Form()] = None,
) -> Response:
    """Import a roster: all or nothing, or with ``partial`` the valid rows only."""
    report = _run(session, user, file, partial, district_code, dry_run=False)
    status = 201 if report.batch_id is not None else 422
    return JSONResponse(report.model_dump(mode="json"), status_code=status)


@router.get("/template.xlsx", response_class=Response)
def read_template(user: CurrentUser) -> Response:
    """The blank roster template (xlsx, Korean headers, one example row)."""
    content, filename = service.template_file(user)
    return attachment(content, filename, files.XLSX_TYPE)


@router.get("/batches", response_model=ImportBatchesPublic)
def list_batches(
    session: SessionDep,
    user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ImportBatchesPublic:
    """Your district's import batches, newest first."""
    rows, count = service.list_batches(session, user=user, page=Page(limit, offset))
    return ImportBatchesPublic(data=[service.batch_public(b) for b in rows], count=count)


@router.get("/batches/{batch_id}", response_model=ImportBatchPublic)
def read_batch(session: SessionDep, user: CurrentUser, batch_id: int) -> ImportBatchPublic:
    """One import batch."""
    return service.batch_public(service.get_batch(session, user=user, batch_id=batch_id))


@router.post("/batches/{batch_id}/undo", response_model=UndoPublic)
def undo_batch(session: SessionDep, user: CurrentUser, batch_id: int) -> UndoPublic:
    """Remove what the batch created (kept where later records rely on it); audited."""
    return undo(session, user=user, batch_id=batch_id)


@router.get("/batches/{batch_id}/rejected", response_class=Response)
def read_rejected_rows(session: SessionDep, user: CurrentUser, batch_id: int) -> Response:
    """The rows a partial import refused, in the uploaded format with an 오류 column."""
    content, filename = service.batch_rejected_file(session, user=user, batch_id=batch_id)
    return attachment(content, filename, files.media_type(filename))


# The import wizard (issue 10): the file kept server-side while the officer maps and fixes it.
@router.post("/uploads", response_model=WizardPublic, status_code=201)
def start_wizard(
    session: SessionDep,
    user: CurrentUser,
    file: Annotated[UploadFile, File()],
    district_code: Annotated[str | None, Form()] = None,
    kind: Annotated[str, Form()] = "roster",
    program_id: Annotated[int | None, Form()] = None,
) -> WizardPublic:
    """Keep a file for the wizard and check it (sheet, header row, columns, preview): a roster,
    or with ``kind=attendance`` the attendance sheet of training programme ``program_id``."""
    return wizard.stage_upload(
        session,
        user=user,
        content=files.read_upload(file.file),
        filename=file.filename or "upload.csv",
        district_code=district_code,
        kind=kind,
        program_id=program_id,
    )


@router.get("/uploads/{upload_id}", response_model=WizardPublic)
def read_wizard(session: SessionDep, user: CurrentUser, upload_id: int) -> WizardPublic:
    """The wizard's current check of a kept file."""
    return wizard.wizard_state(session, user=user, upload_id=upload_id)


@router.patch("/uploads/{upload_id}", response_model=WizardPublic)
def change_wizard(
    session: SessionDep, user: CurrentUser, upload_id: int, changes: WizardChanges
) -> WizardPublic:
    """Choose sheet or header row, map columns or values, fix cells or leave rows out; check
    again. Column and value choices are saved for the district's next file with these headers."""
    return wizard.update_upload(session, user=user, upload_id=upload_id, changes=changes)


@router.post(
    "/uploads/{upload_id}/commit",
    response_model=ImportReport,
    status_code=201,
    responses={422: REJECTED},
)
def commit_wizard(
    session: SessionDep,
    user: CurrentUser,
    upload_id: int,
    partial: Annotated[bool, Query()] = False,
) -> Response:
    """Import the kept file as mapped and fixed: all or nothing, or the valid rows only."""
    report = wizard.commit_upload(session, user=user, upload_id=upload_id, partial=partial).report
    status = 201 if report.batch_id is not None else 422
    return JSONResponse(report.model_dump(mode="json"), status_code=status)


@router.get("/uploads/{upload_id}/mapping", response_class=Response)
def read_wizard_mapping(session: SessionDep, user: CurrentUser, upload_id: int) -> Response:
    """The file's mapping as JSON, for ``maeul-db import --mapping``."""
    content, filename = wizard.mapping_file(session, user=user, upload_id=upload_id)
    return attachment(content, filename, "application/json")


@router.get("/uploads/{upload_id}/progress", response_model=ImportJobPublic)
def read_wizard_progress(session: SessionDep, user: CurrentUser, upload_id: int) -> ImportJobPublic:
    """A large upload's background import (started by the page's 가져오기): its progress figure,
    rows checked, and when finished the batch written or the rows refused."""
    return upload_jobs.progress_of(session, user=user, upload_id=upload_id)
