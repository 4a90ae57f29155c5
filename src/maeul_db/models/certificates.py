"""The certificates ledger: every issuance with its payload, hashes, signature and status."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Text
from sqlmodel import Field

from maeul_db.models.base import IdTimestamps, aware_datetime, choice


class CertificateKind(StrEnum):
    training = "training"  # 교육이수증
    career = "career"  # 경력증명서


class CertificateStatus(StrEnum):
    valid = "valid"
    revoked = "revoked"
    superseded = "superseded"


class Certificate(IdTimestamps, table=True):
    number: str = Field(max_length=40, unique=True)  # 발급번호
    # Stable across reissues, so an old QR code still leads to the current status.
    verification_id: str = Field(max_length=64, index=True)
    kind: CertificateKind = choice(20)
    person_id: int = Field(foreign_key="person.id", index=True)
    district_code: str | None = Field(default=None, foreign_key="district.code", max_length=5)
    payload: str = Field(sa_type=Text)
    payload_sha256: str = Field(max_length=64)
    pdf_sha256: str | None = Field(default=None, max_length=64)
    key_id: str = Field(max_length=40)
    signature: str = Field(max_length=200)
    status: CertificateStatus = choice(20, default=CertificateStatus.valid)
    status_reason: str | None = Field(default=None, max_length=200)
    superseded_by_id: int | None = Field(default=None, foreign_key="certificate.id")
    issued_at: datetime = aware_datetime()
    issued_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
