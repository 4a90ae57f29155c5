"""Batch issue: one certificate per person of a cohort (a programme's completers in a period) or
of a placement year, idempotent: a person who already holds a valid certificate with the same facts
is reported "already issued" and gets no second one, so running a batch twice issues nothing the
second time. Certificates are drafted and signed here, rendered on the shared worker pool
(``pool.py``), then recorded in the ledger with an audit entry each; the caller owns the
transaction.

"Placed in year Y" means a placement (not voided) whose interval overlaps the calendar year Y.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlmodel import Session, col, or_, select

from maeul_db.access_log import service as access_log
from maeul_db.auth import policies
from maeul_db.certificates import pool, service
from maeul_db.certificates.settings import get_cert_settings
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.kit import cells
from maeul_db.models import (
    Certificate,
    CertificateKind,
    ExpertPlacement,
    Person,
    Role,
    TrainingCompletion,
    UserAccount,
)
from maeul_db.participants.visibility import visible_people
from maeul_db.wording import message


class Outcome(StrEnum):
    issued = "issued"
    already = "already"  # a valid certificate with the same facts exists
    skipped = "skipped"  # nothing to certify


@dataclass(frozen=True)
class Selection:
    """Who a batch is for: a cohort (programme + completion period, inclusive) or a year."""

    program_id: int | None = None
    completed_from: date | None = None
    completed_to: date | None = None
    placed_in_year: int | None = None


@dataclass
class PersonResult:
    person: Person
    outcome: Outcome
    certificate: Certificate | None = None
    reason: str = ""
    pdf: bytes | None = None  # only for certificates issued in this run


@dataclass
class BatchResult:
    total: int  # people selected, whatever the slice
    results: list[PersonResult] = field(default_factory=list)
    offset: int = 0  # where this slice started

    @property
    def next_offset(self) -> int:
        return self.offset + len(self.results)

    @property
    def finished(self) -> bool:
        return self.next_offset >= self.total

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def issued(self) -> int:
        return self.count(Outcome.issued)


def _check_batch_user(user: UserAccount) -> None:
    if not (
        policies.is_city_admin(user)
        or (user.role == Role.district_staff and user.district_code is not None)
    ):
        raise Forbidden("certificate.batch_forbidden")


def placed_in_year(session: Session, *, year: int, user: UserAccount | None = None) -> list[Person]:
    """People with a placement overlapping ``year`` (end date exclusive), by id; only those
    visible to ``user`` when given."""
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    ids = select(ExpertPlacement.person_id).where(
        col(ExpertPlacement.voided_at).is_(None),
        ExpertPlacement.valid_from < end,
        or_(col(ExpertPlacement.valid_to).is_(None), col(ExpertPlacement.valid_to) > start),
    )
    stmt = visible_people(user) if user is not None else select(Person)
    return list(session.exec(stmt.where(col(Person.id).in_(ids)).order_by(col(Person.id))).all())


def cohort(
    session: Session,
    *,
    user: UserAccount,
    program_id: int,
    completed_from: date,
    completed_to: date,
) -> list[Person]:
    """The people visible to ``user`` who completed ``program_id`` between the two days
    (both inclusive), by id."""
    if completed_from > completed_to:
        raise InvalidInput("certificate.batch_period_reversed", field="completed_from")
    ids = select(TrainingCompletion.person_id).where(
        TrainingCompletion.program_id == program_id,
        TrainingCompletion.completed_on >= completed_from,
        TrainingCompletion.completed_on <= completed_to,
    )
    stmt = visible_people(user).where(col(Person.id).in_(ids)).order_by(col(Person.id))
    return list(session.exec(stmt).all())


def select_people(session: Session, *, user: UserAccount, selection: Selection) -> list[Person]:
    """The people a batch is for (refused unless the user may batch-issue)."""
    _check_batch_user(user)
    s = selection
    if s.program_id is not None and s.completed_from and s.completed_to:
        return cohort(
            session,
            user=user,
            program_id=s.program_id,
            completed_from=s.completed_from,
            completed_to=s.completed_to,
        )
    if s.placed_in_year is not None:
        return placed_in_year(session, year=s.placed_in_year, user=user)
    raise InvalidInput("certificate.batch_needs_selection", field="program_id")


def run(
    session: Session,
    *,
    user: UserAccount,
    kind: CertificateKind,
    selection: Selection,
    offset: int = 0,
    limit: int | None = None,
    on_start: Callable[[int], None] | None = None,
    on_issued: Callable[[], None] | None = None,
) -> BatchResult:
    """The batch use case for the city admin (anyone) or district staff (their district's people,
    their district as issuer). ``offset``/``limit`` take a slice of the selection, so a page can
    show progress chunk by chunk; the export is logged once per call, naming everyone in the slice.
    ``on_start`` hears how many people the slice has, ``on_issued`` each one done."""
    people = select_people(session, user=user, selection=selection)
    chunk = people[offset : offset + limit if limit is not None else None]
    if on_start is not None:
        on_start(len(chunk))
    result = BatchResult(total=len(people), offset=offset)
    result.results = issue_for(session, user=user, kind=kind, people=chunk, on_issued=on_issued)
    access_log.record(
        session,
        actor=user,
        action="certificates.batch",
        person_ids=[p.id for p in chunk if p.id is not None],
    )
    return result


def issue_for(
    session: Session,
    *,
    user: UserAccount,
    kind: CertificateKind,
    people: list[Person],
    on_issued: Callable[[], None] | None = None,
) -> list[PersonResult]:
    """Draft each person's certificate; skip those with nothing to certify, report those whose
    valid certificate already says the same, render the rest on the pool and record them."""
    results: list[PersonResult] = []
    drafts: list[tuple[PersonResult, service.Draft]] = []
    scope = None if policies.is_city_admin(user) else user.district_code
    for person in people:
        try:
            d = service.draft(session, kind=kind, person=person, scope=scope)
        except InvalidInput as exc:  # nothing to certify; raised before anything is written
            results.append(PersonResult(person, Outcome.skipped, reason=exc.message))
            _tick(on_issued)
            continue
        existing = service.valid_with_same_facts(session, draft_=d)
        if existing is not None:
            reason = message("certificate.already_issued", number=existing.number)
            results.append(PersonResult(person, Outcome.already, existing, reason))
            _tick(on_issued)
            continue
        entry = PersonResult(person, Outcome.issued)
        results.append(entry)
        drafts.append((entry, d))
    jobs = [service.render_job(d.payload, d.kid, d.signature) for _, d in drafts]
    workers = get_cert_settings().workers
    rendered = pool.render_all(jobs, workers=workers, on_done=on_issued)
    for (entry, d), data in zip(drafts, rendered, strict=True):
        entry.certificate = service.record(session, user=user, draft_=d, pdf_=data)
        entry.pdf = data
    return results


def _tick(callback: Callable[[], None] | None) -> None:
    if callback is not None:
        callback()


MANIFEST_COLUMNS = (
    "outcome",
    "number",
    "verification_id",
    "kind",
    "person_id",
    "name",
    "birth_year",
    "file",
    "payload_sha256",
    "pdf_sha256",
    "reason",
)


def to_zip(result: BatchResult, *, kind: CertificateKind) -> bytes:
    """One PDF per certificate issued in this run and ``manifest.csv`` naming everyone (issued,
    already issued with the existing number, skipped with the reason), UTF-8 with BOM so
    spreadsheet programs open it as Korean."""
    buffer = io.BytesIO()
    manifest: list[tuple[object, ...]] = [MANIFEST_COLUMNS]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for r in result.results:
            row, name = r.certificate, ""
            if r.pdf is not None and row is not None:
                name = f"{row.number}.pdf"
                archive.writestr(name, r.pdf)
            manifest.append(
                (
                    r.outcome.value,
                    row.number if row else "",
                    row.verification_id if row else "",
                    str(kind),
                    r.person.id,
                    r.person.name,
                    r.person.birth_year,
                    name,
                    row.payload_sha256 if row else "",
                    row.pdf_sha256 if row else "",
                    r.reason,
                )
            )
        # Names are typed by anyone: cells.csv_text keeps a leading "=" from becoming a formula.
        archive.writestr("manifest.csv", "\ufeff" + cells.csv_text(manifest, lineterminator="\n"))
    return buffer.getvalue()
