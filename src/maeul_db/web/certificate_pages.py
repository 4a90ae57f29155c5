"""Certificate pages for district staff and the city admin: the ledger, one entry (download,
reissue, revoke with a reason), issue for a person, and the batch issue by cohort or placement year
with progress (one chunk per request; the page continues itself, or by a button without
JavaScript). Rules live in ``certificates.admin``, ``service`` and ``batch``."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from maeul_db.auth.deps import SessionDep
from maeul_db.certificates import admin, batch, service
from maeul_db.errors import InvalidInput
from maeul_db.models import Certificate, CertificateKind
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])

# People per request of a batch page: small enough that the progress bar moves every few seconds.
BATCH_PAGE_CHUNK = 20


def _pdf(row: Certificate, data: bytes) -> Response:
    disposition = f'attachment; filename="{service.pdf_filename(row)}"'
    return Response(
        data, media_type="application/pdf", headers={"Content-Disposition": disposition}
    )


def _to_entry(row: Certificate) -> Response:
    return RedirectResponse(f"/certificates/{row.id}", status_code=303)


@router.get("/certificates")
def list_certificates(
    request: Request,
    session: SessionDep,
    user: WebUser,
    person: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    """The ledger in the user's scope, newest first, with the issue form."""
    entries = admin.ledger(session, user=user, person_id=person)
    return render(request, "certificates/ledger.html", {"entries": entries, "person": person or ""})


@router.post("/certificates")
def issue_certificate(
    session: SessionDep,
    user: WebUser,
    person_id: Annotated[int, Form(ge=1)],
    kind: Annotated[CertificateKind, Form()],
) -> Response:
    """Issue one certificate for a person, then show its entry."""
    row, _ = service.issue(session, user=user, kind=kind, person_id=person_id)
    return _to_entry(row)


@router.get("/certificates/batch")
def show_batch_form(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The batch form: a programme's completers in a period, or everyone placed in a year."""
    form = admin.batch_form(session, user=user)
    return render(request, "certificates/batch.html", {"form": form, "values": {}})


@router.post("/certificates/batch")
def run_batch(
    request: Request,
    session: SessionDep,
    user: WebUser,
    kind: Annotated[CertificateKind, Form()],
    program_id: Annotated[int | None, Form()] = None,
    completed_from: Annotated[date | None, Form()] = None,
    completed_to: Annotated[date | None, Form()] = None,
    placed_in_year: Annotated[int | None, Form(ge=2000, le=2100)] = None,
    offset: Annotated[int, Form(ge=0)] = 0,
    done_issued: Annotated[int, Form(ge=0)] = 0,
    done_already: Annotated[int, Form(ge=0)] = 0,
    done_skipped: Annotated[int, Form(ge=0)] = 0,
) -> Response:
    """Issue the next chunk of the batch and show the progress so far."""
    selection = batch.Selection(program_id, completed_from, completed_to, placed_in_year)
    values = {
        "kind": kind.value,
        "program_id": program_id or "",
        "completed_from": completed_from or "",
        "completed_to": completed_to or "",
        "placed_in_year": placed_in_year or "",
    }
    try:
        with session.begin_nested():  # a refused batch leaves nothing behind
            result = batch.run(
                session,
                user=user,
                kind=kind,
                selection=selection,
                offset=offset,
                limit=BATCH_PAGE_CHUNK,
            )
    except InvalidInput as exc:  # the form again, with what was typed and why it was refused
        form = admin.batch_form(session, user=user)
        context = {"form": form, "values": values, "error": exc.message}
        return render(request, "certificates/batch.html", context, status_code=422)
    counts = {
        "issued": done_issued + result.count(batch.Outcome.issued),
        "already": done_already + result.count(batch.Outcome.already),
        "skipped": done_skipped + result.count(batch.Outcome.skipped),
    }
    context = {"result": result, "values": values, "counts": counts}
    return render(request, "certificates/batch_progress.html", context)


@router.get("/certificates/{certificate_id}")
def show_certificate(
    request: Request, session: SessionDep, user: WebUser, certificate_id: int
) -> Response:
    """One ledger entry: holder, facts, status; download, reissue and revoke."""
    entry = admin.entry(session, user=user, certificate_id=certificate_id)
    return render(request, "certificates/entry.html", {"entry": entry})


@router.get("/certificates/{certificate_id}/pdf")
def download_certificate(session: SessionDep, user: WebUser, certificate_id: int) -> Response:
    """The PDF (stamped "취소됨"/"대체됨" once no longer valid)."""
    return _pdf(*service.pdf(session, user=user, certificate_id=certificate_id))


@router.post("/certificates/{certificate_id}/reissue")
def reissue_certificate(session: SessionDep, user: WebUser, certificate_id: int) -> Response:
    """Reissue from today's record; the old one is superseded."""
    row, _ = service.reissue(session, user=user, certificate_id=certificate_id)
    return _to_entry(row)


@router.post("/certificates/{certificate_id}/revoke")
def revoke_certificate(
    session: SessionDep,
    user: WebUser,
    certificate_id: int,
    reason: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    """Revoke with a reason (audited); verification then shows a red banner."""
    row = service.revoke(session, user=user, certificate_id=certificate_id, reason=reason)
    return _to_entry(row)
