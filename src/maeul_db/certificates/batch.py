"""The city's batch issue: one certificate per expert placed in a year, written into a zip with a
manifest CSV. Each certificate goes through the ordinary issue path (signed, sealed, recorded in
the ledger with an audit entry); the caller owns the transaction.

"Placed in year Y" means a placement (not voided) whose interval overlaps the calendar year Y.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, or_, select

from maeul_db.access_log import service as access_log
from maeul_db.auth import policies
from maeul_db.certificates import service
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.kit import cells
from maeul_db.models import CertificateKind, ExpertPlacement, Person, UserAccount

MANIFEST_COLUMNS = (
    "number",
    "verification_id",
    "kind",
    "person_id",
    "name",
    "birth_year",
    "file",
    "payload_sha256",
    "pdf_sha256",
    "skipped_reason",
)


@dataclass
class BatchResult:
    data: bytes
    issued: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (person id, reason)


def placed_in_year(session: Session, *, year: int) -> list[Person]:
    """People with a placement overlapping ``year`` (end date exclusive), by id."""
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    ids = select(ExpertPlacement.person_id).where(
        col(ExpertPlacement.voided_at).is_(None),
        ExpertPlacement.valid_from < end,
        or_(col(ExpertPlacement.valid_to).is_(None), col(ExpertPlacement.valid_to) > start),
    )
    return list(
        session.exec(select(Person).where(col(Person.id).in_(ids)).order_by(col(Person.id))).all()
    )


def run(
    session: Session,
    *,
    user: UserAccount,
    kind: CertificateKind,
    year: int,
    on_start: Callable[[int], None] | None = None,
    on_issued: Callable[[], None] | None = None,
) -> BatchResult:
    """The batch use case (city admin only): issue ``kind`` for everyone placed in ``year`` and log
    the export once, naming everyone in the manifest (issued or skipped: the manifest names both).
    ``on_start`` hears how many people there are, ``on_issued`` each one done."""
    if not policies.is_city_admin(user):
        raise Forbidden("certificate.batch_city_admin_only")
    people = placed_in_year(session, year=year)
    if on_start is not None:
        on_start(len(people))
    result = write_zip(session, user=user, kind=kind, people=people, on_issued=on_issued)
    access_log.record(
        session,
        actor=user,
        action="certificates.batch",
        person_ids=[p.id for p in people if p.id is not None],
    )
    return result


def write_zip(
    session: Session,
    *,
    user: UserAccount,
    kind: CertificateKind,
    people: list[Person],
    on_issued: Callable[[], None] | None = None,
) -> BatchResult:
    """Issue ``kind`` for each person with ``user``'s authority; the zip holds one PDF each and
    ``manifest.csv`` (UTF-8 with BOM so spreadsheet programs open it as Korean). A person with
    nothing to certify (no completed training, no verified career) is listed as skipped."""
    buffer = io.BytesIO()
    manifest: list[tuple[object, ...]] = [MANIFEST_COLUMNS]
    result = BatchResult(data=b"")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for person in people:
            assert person.id is not None
            try:
                row, pdf = service.issue_unlogged(
                    session, user=user, kind=kind, person_id=person.id
                )
            except InvalidInput as exc:  # raised before anything is written
                manifest.append(
                    (
                        "",
                        "",
                        str(kind),
                        person.id,
                        person.name,
                        person.birth_year,
                        "",
                        "",
                        "",
                        exc.message,
                    )
                )
                result.skipped.append((person.id, exc.message))
            else:
                name = f"{row.number}.pdf"
                archive.writestr(name, pdf)
                manifest.append(
                    (
                        row.number,
                        row.verification_id,
                        str(kind),
                        person.id,
                        person.name,
                        person.birth_year,
                        name,
                        row.payload_sha256,
                        row.pdf_sha256,
                        "",
                    )
                )
                result.issued += 1
            if on_issued is not None:
                on_issued()
        # Names are typed by anyone: cells.csv_text keeps a leading "=" from becoming a formula.
        text = cells.csv_text(manifest, lineterminator="\n")
        archive.writestr("manifest.csv", "\ufeff" + text)
    result.data = buffer.getvalue()
    return result
