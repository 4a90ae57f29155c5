"""The signed facts of a certificate, built from the record (training completions or verified
careers) within the issuing scope, and the masking used on public pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from maeul_db.careers import service as career_service
from maeul_db.certificates.settings import get_cert_settings
from maeul_db.errors import InvalidInput
from maeul_db.kit import time as clock
from maeul_db.models import CertificateKind, District, Dong, Person
from maeul_db.training import service as training_service
from maeul_db.wording import message

# v2 adds ``issued_on``, the issue date in Seoul; v1 payloads printed the UTC date of ``issued_at``.
PAYLOAD_VERSION = 2


def issuer_name(session: Session, district_code: str | None) -> str:
    if district_code is None:
        return get_cert_settings().city_issuer
    district = session.get(District, district_code)
    name = district.name_ko if district else district_code
    return message("certificate.district_issuer", district=name)


def _training_facts(session: Session, person_id: int, scope: str | None) -> list[dict[str, Any]]:
    owners = None if scope is None else (scope, None)
    return [
        {
            "program_code": p.code,
            "program_name": p.name,
            "stage": str(p.stage),
            "hours": format(c.hours.normalize(), "f"),
            "completed_on": c.completed_on.isoformat(),
        }
        for c, p in training_service.completions(
            session, person_id=person_id, district_codes=owners
        )
    ]


def _career_facts(session: Session, person_id: int, scope: str | None) -> list[dict[str, Any]]:
    facts = []
    for job in career_service.verified_for_certificate(
        session, person_id=person_id, district_code=scope
    ):
        district = session.get(District, job.district_code) if job.district_code else None
        dong = session.get(Dong, job.dong_code) if job.dong_code else None
        facts.append(
            {
                "job_type": str(job.job_type),
                "employer": job.employer,
                "district_name": district.name_ko if district else None,
                "dong_name": dong.name_ko if dong else None,
                "valid_from": job.valid_from.isoformat(),
                # Stored intervals end exclusively; a certificate prints the last day worked.
                "last_day": (
                    clock.last_day_from_valid_to(job.valid_to).isoformat() if job.valid_to else None
                ),
                "hours_per_week": (
                    format(job.hours_per_week.normalize(), "f")
                    if job.hours_per_week is not None
                    else None
                ),
                "verified_at": (
                    clock.kst_date(job.verified_at).isoformat() if job.verified_at else None
                ),
            }
        )
    return facts


def build(
    session: Session,
    *,
    kind: CertificateKind,
    person: Person,
    scope: str | None,
    number: str,
    verification_id: str,
    issued_at: datetime,
) -> dict[str, Any]:
    """The canonical facts. ``scope`` None = the whole record (city or the person); a district code
    = that district's facts only (plus city-run training), as its staff may see no more."""
    assert person.id is not None
    facts = (_training_facts if kind == CertificateKind.training else _career_facts)(
        session, person.id, scope
    )
    if not facts:
        code = (
            "certificate.no_training"
            if kind == CertificateKind.training
            else "certificate.no_career"
        )
        raise InvalidInput(code, field="kind")
    base = get_cert_settings().public_base_url.rstrip("/")
    return {
        "v": PAYLOAD_VERSION,
        "kind": str(kind),
        "number": number,
        "verification_id": verification_id,
        "issued_at": issued_at.isoformat(timespec="seconds"),
        "issued_on": clock.kst_date(issued_at).isoformat(),  # the date printed: Seoul's day
        "issuer": issuer_name(session, scope),
        "issuer_district": scope,
        "subject": {"person_id": person.id, "name": person.name, "birth_year": person.birth_year},
        "facts": facts,
        "verify_base": base,
        "verify_url": f"{base}/verify/{verification_id}",
    }


def mask_name(name: str) -> str:
    """김민지 → 김*지, 이훈 → 이*, 남궁민수 → 남**수."""
    if len(name) <= 1:
        return "*"
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
