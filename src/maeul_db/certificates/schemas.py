"""Certificate schemas: issue and revoke requests, ledger rows, public verification results."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from maeul_db.kit.schemas import InputSchema
from maeul_db.models import CertificateKind, CertificateStatus


class CertificateIssue(InputSchema):
    kind: CertificateKind
    person_id: int


class CertificateRevoke(InputSchema):
    reason: str = Field(min_length=2, max_length=200)


class CertificatePublic(SQLModel):
    id: int
    number: str
    verification_id: str
    kind: CertificateKind
    person_id: int
    district_code: str | None
    status: CertificateStatus
    status_reason: str | None
    superseded_by_id: int | None
    issued_at: datetime
    key_id: str
    payload_sha256: str
    pdf_sha256: str | None


class Verification(SQLModel):
    """What a stranger sees: no contact data, the name partly masked."""

    status: CertificateStatus
    valid: bool
    signature_valid: bool
    kind: CertificateKind
    number: str
    issued_at: str
    issuer: str
    holder: str
    birth_year: int
    facts: list[dict[str, Any]]
    status_reason: str | None
    superseded_by_number: str | None
