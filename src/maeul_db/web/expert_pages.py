"""Pages for issue 4: an expert's record with certificate downloads (login) and the public
certificate verification pages (no login, rate-limited, masked name, no contact data). The
coverage page moved to ``placement_pages`` with the pool and placements (issue 16)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response

from maeul_db.auth.deps import SessionDep
from maeul_db.certificates import service as certificate_service
from maeul_db.certificates import verification
from maeul_db.errors import NotFound
from maeul_db.experts import service as expert_service
from maeul_db.models import Certificate, CertificateKind
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.templating import render

public_router = APIRouter()
protected_router = APIRouter(dependencies=[Depends(get_web_user)])


def _pdf(row: Certificate, data: bytes) -> Response:
    disposition = f'attachment; filename="{certificate_service.pdf_filename(row)}"'
    return Response(
        data, media_type="application/pdf", headers={"Content-Disposition": disposition}
    )


@protected_router.get("/me/record")
def show_my_record(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The expert's training, pool eligibility, careers and certificates."""
    record = expert_service.own_record(session, user=user)
    return render(request, "certificates/my_record.html", dict(vars(record)))


@protected_router.post("/me/certificates")
def issue_my_certificate(
    session: SessionDep, user: WebUser, kind: Annotated[CertificateKind, Form()]
) -> Response:
    """Issue a certificate for oneself and download it."""
    return _pdf(*certificate_service.issue_own(session, user=user, kind=kind))


@protected_router.get("/me/certificates/{certificate_id}.pdf")
def download_my_certificate(session: SessionDep, user: WebUser, certificate_id: int) -> Response:
    """Download an earlier certificate again (same bytes)."""
    return _pdf(*certificate_service.own_pdf(session, user=user, certificate_id=certificate_id))


@public_router.get("/verify")
def show_verify(
    request: Request,
    session: SessionDep,
    number: Annotated[str | None, Query(max_length=40)] = None,
    birth_year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
) -> Response:
    """The verification form; with a number and birth year, the result."""
    context: dict[str, object] = {"number": number or "", "birth_year": birth_year or ""}
    if number and birth_year:
        try:
            context["result"] = verification.by_number(
                session, number=number, birth_year=birth_year
            )
        except NotFound:
            context["not_found"] = True
    return render(request, "certificates/verify.html", context)


@public_router.get("/verify/{token}")
def show_verify_token(request: Request, session: SessionDep, token: str) -> Response:
    """The QR code's target."""
    context: dict[str, object] = {"number": "", "birth_year": ""}
    try:
        context["result"] = verification.by_token(session, token=token)
    except NotFound:
        context["not_found"] = True
    return render(request, "certificates/verify.html", context)


router = APIRouter()
router.include_router(public_router)
router.include_router(protected_router)
