"""Roster import pages: upload with preview or commit, errors table, rejected-rows download,
batches with undo. Same services as the API and the CLI (STYLE rule 20)."""

from __future__ import annotations

import base64
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from maeul_db.auth.deps import SessionDep
from maeul_db.errors import MaeulError
from maeul_db.imports import files, service
from maeul_db.imports.columns import COLUMNS
from maeul_db.imports.undo import undo
from maeul_db.kit.http import attachment
from maeul_db.kit.pagination import Page
from maeul_db.models import UserAccount
from maeul_db.web import import_wizard_pages
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.templating import render

router = APIRouter(prefix="/imports", dependencies=[Depends(get_web_user)])
# The wizard's pages (issue 10), under /imports/uploads; before the routes below, so that
# /imports/uploads is not taken for anything else.
router.include_router(import_wizard_pages.router)
# Above this the rejected rows are offered from the batch instead of inline in the page.
INLINE_DOWNLOAD_LIMIT = 5 * 1024 * 1024


def _context(session: Session, user: UserAccount, **extra: Any) -> dict[str, Any]:
    # Refuses analysts and experts (403), whichever form of the page is being shown.
    batches, _ = service.list_batches(session, user=user, page=Page(20, 0))
    return {
        "batches": [service.batch_public(b) for b in batches],
        "columns": COLUMNS,
        "is_admin": service.picks_district(user),
        **extra,
    }


@router.get("")
def show_imports(
    request: Request, session: SessionDep, user: WebUser, undone: int | None = None
) -> Response:
    """The upload form and the district's recent batches."""
    return render(request, "imports/index.html", _context(session, user, undone=undone))


@router.post("")
def upload_roster(
    request: Request,
    session: SessionDep,
    user: WebUser,
    file: Annotated[UploadFile, File()],
    action: Annotated[str, Form()] = "preview",
    partial: Annotated[bool, Form()] = False,
    district_code: Annotated[str | None, Form()] = None,
) -> Response:
    """Preview (nothing written) or import the uploaded roster and show the report."""
    try:
        # A savepoint: an import refused half-way leaves nothing behind, although the request
        # commits (it answers with the page, not an error).
        with session.begin_nested():
            outcome = service.run_import(
                session,
                content=files.read_upload(file.file),
                filename=file.filename or "upload.csv",
                district_code=service.target_district(user, district_code),
                actor=user,
                partial=partial,
                dry_run=action != "commit",
            )
    except MaeulError as exc:
        return render(
            request,
            "imports/index.html",
            _context(session, user, file_error=exc.message),
            status_code=exc.status_code,
        )
    return report_page(request, session, user, outcome, partial=partial)


def inline_download(outcome: service.ImportOutcome) -> str | None:
    """The rejected rows as a link the page carries itself (a refused strict import keeps no
    batch to download them from later); None above ``INLINE_DOWNLOAD_LIMIT``."""
    if not outcome.rejected_file or len(outcome.rejected_file) > INLINE_DOWNLOAD_LIMIT:
        return None
    kind = files.XLSX_TYPE if outcome.report.file_kind == "xlsx" else "text/csv"
    return f"data:{kind};base64,{base64.b64encode(outcome.rejected_file).decode()}"


def report_page(
    request: Request,
    session: Session,
    user: UserAccount,
    outcome: service.ImportOutcome,
    *,
    partial: bool,
) -> Response:
    """The imports page with an import's (or a preview's) report; the wizard's import too."""
    download = inline_download(outcome)
    status = 200 if outcome.report.dry_run or outcome.report.batch_id else 422
    return render(
        request,
        "imports/index.html",
        _context(
            session,
            user,
            report=outcome.report,
            download=download,
            download_name=outcome.rejected_filename,
            partial=partial,
        ),
        status_code=status,
    )


@router.post("/batches/{batch_id}/undo")
def undo_import(session: SessionDep, user: WebUser, batch_id: int) -> Response:
    """Undo a batch, then back to the list."""
    undo(session, user=user, batch_id=batch_id)
    return RedirectResponse(f"/imports?undone={batch_id}", status_code=303)


@router.get("/template.xlsx")
def download_template(user: WebUser) -> Response:
    """The blank roster template, for the upload page's link (the API's copy needs a token)."""
    content, filename = service.template_file(user)
    return attachment(content, filename, files.XLSX_TYPE)


@router.get("/batches/{batch_id}/rejected")
def download_rejected(session: SessionDep, user: WebUser, batch_id: int) -> Response:
    """A batch's refused rows as a file, for the batches table's link."""
    content, filename = service.batch_rejected_file(session, user=user, batch_id=batch_id)
    return attachment(content, filename, files.media_type(filename))
