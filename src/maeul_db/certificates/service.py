"""Certificates: issue (sign, render, seal, record in the ledger), download, reissue, revoke.

Who may issue: the city admin for anyone (whole record); district staff for people visible to them
(their district's facts and city-run training); an expert for themself (whole record).
"""

from __future__ import annotations

import json
import secrets
from typing import Any

from sqlmodel import Session, col

from maeul_db.access_log import service as access_log
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.certificates import keys, payload, signing
from maeul_db.certificates.render import CertificateDocument, render_pdf
from maeul_db.certificates.settings import get_cert_settings
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Conflict, Forbidden, NotFound
from maeul_db.kit import time as clock
from maeul_db.models import (
    Certificate,
    CertificateKind,
    CertificateStatus,
    Person,
    Role,
    UserAccount,
)
from maeul_db.participants import service as participant_service
from maeul_db.wording import label, message

NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud and typed by hand


def visible_certificates(user: UserAccount) -> Any:
    return district_scoped(Certificate, user, experts_see_own=True)


def pdf_filename(row: Certificate) -> str:
    """The download name every door gives a certificate's PDF."""
    return f"certificate-{row.number}.pdf"


def _scope(user: UserAccount, person_id: int) -> str | None:
    if user.role == Role.city_admin:
        return None
    if user.role == Role.district_staff and user.district_code:
        return user.district_code
    if user.role == Role.expert and user.person_id == person_id:
        return None
    raise Forbidden("certificate.issue_forbidden")


def new_number(kind: CertificateKind, year: int) -> str:
    letters = "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(8))
    return f"{year}-{'T' if kind == CertificateKind.training else 'C'}-{letters[:4]}-{letters[4:]}"


def sealed_pdf(facts: dict[str, Any], kid: str, signature: str) -> bytes:
    """Render and seal; byte-identical for the same facts and key (Ed25519 is deterministic)."""
    key_dir = get_cert_settings().key_dir
    document = CertificateDocument(facts, kid, signing.envelope(facts, kid, signature))
    seal_kid, private = keys.signing_key(key_dir)
    if seal_kid != kid:  # an older certificate after a rotation: seal with the key that signed it
        private = keys.load_private(key_dir, kid)
    return signing.seal(render_pdf(document), kid, private)


def _create(
    session: Session,
    *,
    user: UserAccount | None,
    kind: CertificateKind,
    person_id: int,
    scope: str | None,
    verification_id: str,
) -> tuple[Certificate, bytes]:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("person.not_found")
    issued_at = clock.now().replace(microsecond=0)
    number = new_number(kind, clock.kst_date(issued_at).year)
    facts = payload.build(
        session,
        kind=kind,
        person=person,
        scope=scope,
        number=number,
        verification_id=verification_id,
        issued_at=issued_at,
    )
    kid, private = keys.signing_key(get_cert_settings().key_dir)
    body = signing.canonical(facts)
    signature = signing.sign(private, body)
    pdf = sealed_pdf(facts, kid, signature)
    row = Certificate(
        number=number,
        verification_id=verification_id,
        kind=kind,
        person_id=person_id,
        district_code=scope,
        payload=body.decode("utf-8"),
        payload_sha256=signing.sha256(body),
        pdf_sha256=signing.sha256(pdf),
        key_id=kid,
        signature=signature,
        issued_at=issued_at,
        issued_by_user_id=user.id if user else None,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="issue",
        entity="certificate",
        entity_id=row.id,
        district_code=scope,
        after={
            "number": number,
            "kind": str(kind),
            "person_id": person_id,
            "payload_sha256": row.payload_sha256,
        },
    )
    return row, pdf


def issue(
    session: Session, *, user: UserAccount, kind: CertificateKind, person_id: int
) -> tuple[Certificate, bytes]:
    """Issue a certificate (the PDF carries the person's name: logged as an export)."""
    row, pdf = issue_unlogged(session, user=user, kind=kind, person_id=person_id)
    access_log.record(session, actor=user, action="certificate.issue", person_ids=[person_id])
    return row, pdf


def issue_own(
    session: Session, *, user: UserAccount, kind: CertificateKind
) -> tuple[Certificate, bytes]:
    """An expert issues a certificate for themself (the "my record" page)."""
    return issue(session, user=user, kind=kind, person_id=own_person(user))


def own_person(user: UserAccount) -> int:
    """The person behind an expert account; anyone else is refused."""
    if user.role != Role.expert or user.person_id is None:
        raise Forbidden("certificate.experts_only")
    return user.person_id


def issue_unlogged(
    session: Session, *, user: UserAccount, kind: CertificateKind, person_id: int
) -> tuple[Certificate, bytes]:
    """``issue`` without the access-log row, for the batch, which logs its whole export once."""
    participant_service.get(session, user=user, person_id=person_id)
    scope = _scope(user, person_id)
    return _create(
        session,
        user=user,
        kind=kind,
        person_id=person_id,
        scope=scope,
        verification_id=secrets.token_urlsafe(16),
    )


def get(session: Session, *, user: UserAccount, certificate_id: int) -> Certificate:
    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_certificates(user),
        Certificate,
        certificate_id,
        missing="certificate.not_found",
    )


def list_(
    session: Session, *, user: UserAccount, person_id: int | None = None
) -> list[Certificate]:
    """Certificates in ``user``'s scope, newest first (logged: the ledger names whose they are)."""
    policies.require_personal_data_reader(user)
    rows = certificates_of(session, user=user, person_id=person_id)
    access_log.record(
        session, actor=user, action="certificates.list", person_ids=[r.person_id for r in rows]
    )
    return rows


def certificates_of(
    session: Session, *, user: UserAccount, person_id: int | None = None
) -> list[Certificate]:
    """``list_`` without the access-log row, for a use case that logs its whole read once."""
    stmt = visible_certificates(user)
    if person_id is not None:
        stmt = stmt.where(Certificate.person_id == person_id)
    return list(
        session.exec(
            stmt.order_by(col(Certificate.issued_at).desc(), col(Certificate.id).desc())
        ).all()
    )


def pdf(session: Session, *, user: UserAccount, certificate_id: int) -> tuple[Certificate, bytes]:
    """The PDF again, rebuilt from the ledger's signed payload (same bytes as at issue)."""
    row = get(session, user=user, certificate_id=certificate_id)
    data = sealed_pdf(json.loads(row.payload), row.key_id, row.signature)
    access_log.record(
        session, actor=user, action="certificate.download", person_ids=[row.person_id]
    )
    return row, data


def own_pdf(
    session: Session, *, user: UserAccount, certificate_id: int
) -> tuple[Certificate, bytes]:
    """An expert's own certificate again ("my certificates"): experts only, their own only."""
    own_person(user)
    return pdf(session, user=user, certificate_id=certificate_id)


def _check_manager(user: UserAccount, row: Certificate) -> None:
    if user.role == Role.expert or not (
        policies.is_city_admin(user) or policies.can_write_district(user, row.district_code)
    ):
        raise Forbidden("certificate.change_forbidden")


def revoke(session: Session, *, user: UserAccount, certificate_id: int, reason: str) -> Certificate:
    row = get(session, user=user, certificate_id=certificate_id)
    _check_manager(user, row)
    if row.status != CertificateStatus.valid:
        raise Conflict("certificate.not_valid", status=label("certificate_status", row.status))
    row.status, row.status_reason = CertificateStatus.revoked, reason
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="revoke",
        entity="certificate",
        entity_id=row.id,
        district_code=row.district_code,
        before={"status": "valid"},
        after={"status": "revoked", "reason": reason},
    )
    return row


def reissue(
    session: Session, *, user: UserAccount, certificate_id: int
) -> tuple[Certificate, bytes]:
    """A fresh certificate from today's record with its own verification id (so scanning the old
    PDF's QR answers about the old document: "superseded by N"); the old one is superseded."""
    old = get(session, user=user, certificate_id=certificate_id)
    if user.role != Role.expert:
        _check_manager(user, old)
    if old.status != CertificateStatus.valid:
        raise Conflict("certificate.reissue_valid_only")
    new, data = _create(
        session,
        user=user,
        kind=CertificateKind(old.kind),
        person_id=old.person_id,
        scope=old.district_code,
        verification_id=secrets.token_urlsafe(16),
    )
    old.status, old.status_reason, old.superseded_by_id = (
        CertificateStatus.superseded,
        message("certificate.reissued_as", number=new.number),
        new.id,
    )
    session.add(old)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="supersede",
        entity="certificate",
        entity_id=old.id,
        district_code=old.district_code,
        after={"superseded_by": new.number},
    )
    return new, data
