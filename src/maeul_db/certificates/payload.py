"""The signed facts of a certificate, built from the record (training completions or verified
careers) within the issuing scope, and the masking used on public pages."""

from __future__ import annotations

import calendar
import json
from datetime import date, datetime, timedelta
from decimal import Decimal
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
# v3 adds ``issuer_title`` (the signatory) and, on career certificates, ``training`` (the completed
# programmes behind the jobs) and ``career_total`` (the period worked, overlaps counted once).
PAYLOAD_VERSION = 3
# The parts of a payload that say what is certified: two valid certificates never share them.
IDENTITY_KEYS = ("kind", "issuer", "issuer_district", "subject", "facts", "training")


def issuer_name(session: Session, district_code: str | None) -> str:
    if district_code is None:
        return get_cert_settings().city_issuer
    district = session.get(District, district_code)
    name = district.name_ko if district else district_code
    return message("certificate.district_issuer", district=name)


def issuer_title(session: Session, district_code: str | None) -> str:
    settings = get_cert_settings()
    if district_code is None:
        return settings.city_issuer_title
    district = session.get(District, district_code)
    return settings.district_issuer_title.format(
        district=district.name_ko if district else district_code
    )


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
    extra: dict[str, Any] = {}
    if kind == CertificateKind.career:
        # The training behind the career, within the same scope; the total counts overlaps once.
        extra["training"] = _training_facts(session, person.id, scope)
        hours = sum((Decimal(t["hours"]) for t in extra["training"]), Decimal(0))
        extra["training_hours"] = format(hours.normalize(), "f")
        extra["career_total"] = career_total(facts, clock.kst_date(issued_at))
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
        "issuer_title": issuer_title(session, scope),
        "subject": {"person_id": person.id, "name": person.name, "birth_year": person.birth_year},
        "facts": facts,
        "verify_base": base,
        "verify_url": f"{base}/verify/{verification_id}",
        **extra,
    }


def identity(payload: dict[str, Any]) -> str:
    """What a certificate certifies, as canonical text: the same facts give the same text, so
    a batch re-run recognises what it already issued. Number, token, dates and the derived total
    (which grows each day an open job runs) are not part of it."""
    return json.dumps(
        {k: payload.get(k) for k in IDENTITY_KEYS},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def career_total(facts: list[dict[str, Any]], today: date) -> dict[str, int]:
    """Years, months and days worked over the jobs' periods (each inclusive of its last day; an
    open job runs to ``today``); overlapping jobs count once."""
    spans = sorted(
        (
            date.fromisoformat(f["valid_from"]),
            date.fromisoformat(f["last_day"]) + timedelta(days=1) if f["last_day"] else today,
        )
        for f in facts
    )
    merged: list[list[date]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        elif end > start:
            merged.append([start, end])
    months = days = 0
    for start, end in merged:
        m, d = _months_and_days(start, end)
        months, days = months + m, days + d
    return {"years": months // 12, "months": months % 12, "days": days}


def _months_and_days(start: date, end: date) -> tuple[int, int]:
    """Whole calendar months from ``start`` to ``end`` (exclusive), then the days left over."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    year, month = divmod(start.month - 1 + months, 12)
    anchor_day = min(start.day, calendar.monthrange(start.year + year, month + 1)[1])
    anchor = date(start.year + year, month + 1, anchor_day)
    return months, (end - anchor).days


def mask_name(name: str) -> str:
    """김민지 → 김*지, 이훈 → 이*, 남궁민수 → 남**수."""
    if len(name) <= 1:
        return "*"
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
