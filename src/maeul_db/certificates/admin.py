"""The certificate ledger as staff and the city admin manage it in the pages: the list, one entry,
and what the batch form offers. Issue, reissue, revoke and download are ``service``'s; the batch
is ``batch``'s. Only managers (the city admin, district staff) get here: experts have their own
record page, analysts no personal data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from maeul_db.access_log import service as access_log
from maeul_db.auth import policies
from maeul_db.certificates import service
from maeul_db.errors import Forbidden
from maeul_db.models import Certificate, CertificateKind, Role, TrainingProgram, UserAccount
from maeul_db.training import service as training_service


@dataclass(frozen=True)
class LedgerEntry:
    row: Certificate
    holder: str  # the name as certified (from the signed payload)
    birth_year: int
    payload: dict[str, Any]
    successor: Certificate | None = None


def require_manager(user: UserAccount) -> None:
    """The city admin or a district's staff; anyone else is refused."""
    if not (
        policies.is_city_admin(user)
        or (user.role == Role.district_staff and user.district_code is not None)
    ):
        raise Forbidden("certificate.change_forbidden")


def _entry(session: Session, row: Certificate) -> LedgerEntry:
    facts = json.loads(row.payload)
    successor = session.get(Certificate, row.superseded_by_id) if row.superseded_by_id else None
    return LedgerEntry(
        row, facts["subject"]["name"], facts["subject"]["birth_year"], facts, successor
    )


# The ledger page shows the newest entries; older ones are found by person.
LEDGER_PAGE = 200


def ledger(
    session: Session, *, user: UserAccount, person_id: int | None = None
) -> list[LedgerEntry]:
    """The newest certificates in the manager's scope (logged by ``service.list_``)."""
    require_manager(user)
    rows = service.list_(session, user=user, person_id=person_id, limit=LEDGER_PAGE)
    return [_entry(session, r) for r in rows]


def entry(session: Session, *, user: UserAccount, certificate_id: int) -> LedgerEntry:
    """One ledger entry with its holder and facts, shown: logged."""
    require_manager(user)
    row = service.get(session, user=user, certificate_id=certificate_id)
    access_log.record(session, actor=user, action="certificate.read", person_ids=[row.person_id])
    return _entry(session, row)


@dataclass(frozen=True)
class BatchForm:
    programs: list[TrainingProgram]
    kinds: tuple[CertificateKind, ...] = tuple(CertificateKind)


def batch_form(session: Session, *, user: UserAccount) -> BatchForm:
    """What the batch form offers: the programmes (city-run and the staff's district's)."""
    require_manager(user)
    programs = [
        p
        for p in training_service.list_programs(session)
        if p.district_code is None or policies.can_read_district(user, p.district_code)
    ]
    return BatchForm(programs)
