"""Certificates: issue (sign, render, seal, record in the ledger), download, reissue, revoke.

Who may issue: the city admin for anyone (whole record); district staff for people visible to them
(their district's facts and city-run training); an expert for themself (whole record).
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.certificates import keys, payload, pool, signing
from maeul_db.certificates.render import Stamp
from maeul_db.certificates.settings import get_cert_settings
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Conflict, Forbidden, InvalidInput, NotFound
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


@dataclass
class Draft:
    """A certificate signed but not yet rendered nor recorded (the batch renders many at once)."""

    person_id: int
    kind: CertificateKind
    scope: str | None
    payload: dict[str, Any]
    body: bytes  # the canonical payload, as signed
    kid: str
    signature: str


def seal_image() -> str | None:
    """The seal image from settings as a data URI, or None when none is configured."""
    path = get_cert_settings().seal_image
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Conflict("certificate.seal_image_missing", path=path) from exc
    kind = "image/svg+xml" if path.suffix.lower() == ".svg" else "image/png"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def stamp_for(row: Certificate) -> Stamp | None:
    """What a PDF downloaded after revocation or reissue carries across its page."""
    if row.status == CertificateStatus.revoked:
        return Stamp(message("certificate.stamp_revoked"), row.status_reason or "")
    if row.status == CertificateStatus.superseded:
        return Stamp(message("certificate.stamp_superseded"), row.status_reason or "")
    return None


def render_job(
    payload_: dict[str, Any], kid: str, signature: str, stamp: Stamp | None = None
) -> pool.RenderJob:
    return pool.RenderJob(
        payload_, kid, signature, get_cert_settings().key_dir, stamp=stamp, seal=seal_image()
    )


def sealed_pdf(
    facts: dict[str, Any], kid: str, signature: str, stamp: Stamp | None = None
) -> bytes:
    """Render and seal; byte-identical for the same facts, key, stamp and seal image."""
    return pool.seal_and_render(render_job(facts, kid, signature, stamp))


def draft(
    session: Session,
    *,
    kind: CertificateKind,
    person: Person,
    scope: str | None,
    verification_id: str | None = None,
) -> Draft:
    """Build and sign the payload (raises InvalidInput when there is nothing to certify)."""
    assert person.id is not None
    issued_at = clock.now().replace(microsecond=0)
    facts = payload.build(
        session,
        kind=kind,
        person=person,
        scope=scope,
        number=new_number(kind, clock.kst_date(issued_at).year),
        verification_id=verification_id or secrets.token_urlsafe(16),
        issued_at=issued_at,
    )
    kid, private = keys.signing_key(get_cert_settings().key_dir)
    body = signing.canonical(facts)
    return Draft(person.id, kind, scope, facts, body, kid, signing.sign(private, body))


def record(
    session: Session, *, user: UserAccount | None, draft_: Draft, pdf_: bytes
) -> Certificate:
    """Write the ledger row and its audit entry for a rendered draft."""
    facts = draft_.payload
    row = Certificate(
        number=facts["number"],
        verification_id=facts["verification_id"],
        kind=draft_.kind,
        person_id=draft_.person_id,
        district_code=draft_.scope,
        payload=draft_.body.decode("utf-8"),
        payload_sha256=signing.sha256(draft_.body),
        pdf_sha256=signing.sha256(pdf_),
        key_id=draft_.kid,
        signature=draft_.signature,
        issued_at=datetime.fromisoformat(facts["issued_at"]),
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
        district_code=draft_.scope,
        after={
            "number": row.number,
            "kind": str(draft_.kind),
            "person_id": draft_.person_id,
            "payload_sha256": row.payload_sha256,
        },
    )
    return row


def _create(
    session: Session,
    *,
    user: UserAccount | None,
    kind: CertificateKind,
    person_id: int,
    scope: str | None,
) -> tuple[Certificate, bytes]:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("person.not_found")
    d = draft(session, kind=kind, person=person, scope=scope)
    data = sealed_pdf(d.payload, d.kid, d.signature)
    return record(session, user=user, draft_=d, pdf_=data), data


def valid_with_same_facts(session: Session, *, draft_: Draft) -> Certificate | None:
    """A valid certificate already certifying what ``draft_`` would (same kind, holder, issuer
    and facts), if there is one: the batch then reports "already issued" instead of a second."""
    scope_match = (
        col(Certificate.district_code).is_(None)
        if draft_.scope is None
        else Certificate.district_code == draft_.scope
    )
    wanted = payload.identity(draft_.payload)
    rows = session.exec(
        select(Certificate)
        .where(
            Certificate.person_id == draft_.person_id,
            Certificate.kind == draft_.kind,
            Certificate.status == CertificateStatus.valid,
            scope_match,
        )
        .order_by(col(Certificate.id))
    ).all()
    return next((r for r in rows if payload.identity(json.loads(r.payload)) == wanted), None)


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
    return _create(session, user=user, kind=kind, person_id=person_id, scope=scope)


def get(session: Session, *, user: UserAccount, certificate_id: int) -> Certificate:
    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_certificates(user),
        Certificate,
        certificate_id,
        missing="certificate.not_found",
    )


def list_(
    session: Session, *, user: UserAccount, person_id: int | None = None, limit: int | None = None
) -> list[Certificate]:
    """Certificates in ``user``'s scope, newest first, the newest ``limit`` when given (logged:
    the ledger names whose they are)."""
    policies.require_personal_data_reader(user)
    rows = certificates_of(session, user=user, person_id=person_id, limit=limit)
    access_log.record(
        session, actor=user, action="certificates.list", person_ids=[r.person_id for r in rows]
    )
    return rows


def certificates_of(
    session: Session, *, user: UserAccount, person_id: int | None = None, limit: int | None = None
) -> list[Certificate]:
    """``list_`` without the access-log row, for a use case that logs its whole read once."""
    stmt = visible_certificates(user)
    if person_id is not None:
        stmt = stmt.where(Certificate.person_id == person_id)
    stmt = stmt.order_by(col(Certificate.issued_at).desc(), col(Certificate.id).desc())
    return list(session.exec(stmt.limit(limit) if limit is not None else stmt).all())


def pdf(session: Session, *, user: UserAccount, certificate_id: int) -> tuple[Certificate, bytes]:
    """The PDF again, rebuilt from the ledger's signed payload (same bytes as at issue while it is
    valid; once revoked or superseded it carries a "취소됨"/"대체됨" stamp across the page)."""
    row = get(session, user=user, certificate_id=certificate_id)
    data = sealed_pdf(json.loads(row.payload), row.key_id, row.signature, stamp_for(row))
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
    reason = reason.strip()
    if not 2 <= len(reason) <= 200:
        raise InvalidInput("certificate.revoke_reason_required", field="reason")
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
