"""Certificates API. ``router``: issue, list, download, reissue, revoke (login required).
``public_router``: verification for anyone, rate-limited, no contact data."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.certificates import service, verification
from maeul_db.certificates.schemas import (
    CertificateIssue,
    CertificatePublic,
    CertificateRevoke,
    Verification,
)
from maeul_db.models import Certificate

router = APIRouter(prefix="/certificates", tags=["certificates"])
public_router = APIRouter(prefix="/public/certificates", tags=["verification"])


def _public(row: Certificate) -> CertificatePublic:
    return CertificatePublic.model_validate(row, from_attributes=True)


def _pdf(row: Certificate, data: bytes) -> Response:
    disposition = f'attachment; filename="{service.pdf_filename(row)}"'
    return Response(
        data, media_type="application/pdf", headers={"Content-Disposition": disposition}
    )


@router.post("", response_model=CertificatePublic, status_code=201)
def issue_certificate(
    session: SessionDep, user: CurrentUser, data: CertificateIssue
) -> CertificatePublic:
    """Issue a training or career certificate (the PDF is at ``/{id}/pdf``)."""
    row, _ = service.issue(session, user=user, kind=data.kind, person_id=data.person_id)
    return _public(row)


@router.get("", response_model=list[CertificatePublic])
def list_certificates(
    session: SessionDep, user: CurrentUser, person_id: int | None = None
) -> list[CertificatePublic]:
    """Certificates in your scope (yours, for an expert), newest first."""
    return [_public(r) for r in service.list_(session, user=user, person_id=person_id)]


@router.get("/{certificate_id}", response_model=CertificatePublic)
def read_certificate(
    session: SessionDep, user: CurrentUser, certificate_id: int
) -> CertificatePublic:
    """One ledger entry."""
    return _public(service.get(session, user=user, certificate_id=certificate_id))


@router.get("/{certificate_id}/pdf", response_class=Response)
def download_certificate(session: SessionDep, user: CurrentUser, certificate_id: int) -> Response:
    """The signed PDF."""
    row, data = service.pdf(session, user=user, certificate_id=certificate_id)
    return _pdf(row, data)


@router.post("/{certificate_id}/reissue", response_model=CertificatePublic, status_code=201)
def reissue_certificate(
    session: SessionDep, user: CurrentUser, certificate_id: int
) -> CertificatePublic:
    """Reissue from today's record; the old one reads "superseded", the QR token stays."""
    row, _ = service.reissue(session, user=user, certificate_id=certificate_id)
    return _public(row)


@router.post("/{certificate_id}/revoke", response_model=CertificatePublic)
def revoke_certificate(
    session: SessionDep, user: CurrentUser, certificate_id: int, data: CertificateRevoke
) -> CertificatePublic:
    """Revoke with a reason (verification then shows "revoked")."""
    return _public(
        service.revoke(session, user=user, certificate_id=certificate_id, reason=data.reason)
    )


@public_router.get("/verify", response_model=Verification)
def verify_by_number(
    session: SessionDep,
    number: Annotated[str, Query(min_length=5, max_length=40)],
    birth_year: Annotated[int, Query(ge=1900, le=2100)],
) -> Verification:
    """Verify by certificate number (발급번호) and the holder's birth year. No login."""
    return verification.by_number(session, number=number, birth_year=birth_year)


@public_router.get("/verify/{token}", response_model=Verification)
def verify_by_token(session: SessionDep, token: str) -> Verification:
    """Verify by the QR code's token. No login."""
    return verification.by_token(session, token=token)
