"""Public verification: by certificate number + birth year, or by the QR token. No login; the
result carries the certified facts, the masked name and the status, never contact data.

Every lookup counts against its source address (``core.context``), whichever door asked, so the
API and the pages share one limit against guessing numbers and birth years."""

from __future__ import annotations

import json

from sqlmodel import Session, col, select

from maeul_db.certificates import keys, signing
from maeul_db.certificates.payload import mask_name
from maeul_db.certificates.ratelimit import SlidingWindowLimiter
from maeul_db.certificates.schemas import Verification
from maeul_db.certificates.settings import get_cert_settings
from maeul_db.core.context import current_origin
from maeul_db.errors import NotFound
from maeul_db.models import Certificate, CertificateKind, CertificateStatus

NOT_FOUND = "certificate.no_match"
verify_limiter = SlidingWindowLimiter(get_cert_settings().verify_per_minute)


def _limit() -> None:
    verify_limiter.check(current_origin().source_address or "unknown")


def _result(session: Session, row: Certificate) -> Verification:
    facts = json.loads(row.payload)
    public = keys.public_key(get_cert_settings().key_dir, row.key_id)
    signature_ok = public is not None and signing.verify(
        public, row.payload.encode("utf-8"), row.signature
    )
    successor = session.get(Certificate, row.superseded_by_id) if row.superseded_by_id else None
    return Verification(
        status=CertificateStatus(row.status),
        valid=row.status == CertificateStatus.valid and signature_ok,
        signature_valid=signature_ok,
        kind=CertificateKind(row.kind),
        number=row.number,
        issued_at=facts["issued_at"],
        issuer=facts["issuer"],
        holder=mask_name(facts["subject"]["name"]),
        birth_year=facts["subject"]["birth_year"],
        facts=facts["facts"],
        status_reason=row.status_reason,
        superseded_by_number=successor.number if successor else None,
    )


def by_number(session: Session, *, number: str, birth_year: int) -> Verification:
    _limit()
    row = session.exec(
        select(Certificate).where(Certificate.number == number.strip().upper())
    ).first()
    # Same answer for "no such number" and "wrong birth year": the pair is the secret.
    if row is None or json.loads(row.payload)["subject"]["birth_year"] != birth_year:
        raise NotFound(NOT_FOUND)
    return _result(session, row)


def by_token(session: Session, *, token: str) -> Verification:
    """The QR token names one document: the answer is about that document, never its successor
    (a superseded one reads "superseded by N"). Reissues made before each got its own token share
    the original's; the oldest of them answers, so a superseded PDF is never shown as valid."""
    _limit()
    row = session.exec(
        select(Certificate)
        .where(Certificate.verification_id == token)
        .order_by(col(Certificate.issued_at), col(Certificate.id))
    ).first()
    if row is None:
        raise NotFound(NOT_FOUND)
    return _result(session, row)
