"""The roster import use case, shared by the CLI, the API and the upload page (STYLE rule 20):
parse (pure) → validate → plan and write in the caller's transaction → report.

Strict (default): one rejected row and nothing is written. Partial: the valid rows are written and
the rejected ones come back as a file to fix and re-import. Either way committed + rejected = rows
read. A dry run plans and reports but writes nothing. The service never commits.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.imports import chunked, files
from maeul_db.imports.batches import open_batch
from maeul_db.imports.cell_checks import RowError
from maeul_db.imports.lookups import Lookups, load_lookups
from maeul_db.imports.mappings import saved_lookup
from maeul_db.imports.parse import ParsedFile, ReadOptions, header_for, parse
from maeul_db.imports.plan import Plan, plan_rows
from maeul_db.imports.schemas import (
    CreatedPublic,
    ImportBatchPublic,
    ImportReport,
    RejectedRowPublic,
    RowErrorPublic,
)
from maeul_db.imports.stream import ImportProgress, validate_strict
from maeul_db.imports.validate import Rejected, RosterRow, Validated, validate
from maeul_db.imports.write import apply, lock_district
from maeul_db.kit.pagination import Page, paginate
from maeul_db.kit.time import utcnow
from maeul_db.models import ImportBatch, ImportStatus, Role, UserAccount
from maeul_db.wording import message


@dataclass
class ImportOutcome:
    report: ImportReport
    rejected_file: bytes | None
    rejected_filename: str | None
    # An attendance sheet's programme (the wizard's page goes back to it).
    program_id: int | None = None


def rejected_public(rejected: list[Rejected]) -> list[RejectedRowPublic]:
    return [
        RejectedRowPublic(
            row=r.row.number,
            column=r.errors[0].column,
            reason=r.errors[0].reason,
            code=r.errors[0].code,
            errors=[
                RowErrorPublic(column=e.column, reason=e.reason, code=e.code) for e in r.errors
            ],
        )
        for r in rejected
    ]


def _error_text(r: Rejected) -> str:
    return "; ".join(f"{e.column}: {e.reason}" for e in r.errors)


def _rejected_rows(parsed: ParsedFile, rejected: list[Rejected]) -> list[list[str]]:
    return [[*r.row.cells, _error_text(r)] for r in rejected]


def _refuse_duplicates(
    session: Session,
    parsed: ParsedFile,
    checked: Validated,
    plan: Plan,
    *,
    district_code: str,
    partial: bool,
) -> tuple[list[RosterRow], Plan]:
    """Rows naming a duplicate fact become rejected rows (naming the existing record); the rest
    are planned again without them (strict mode: nothing is written)."""
    numbers = {number for number, _key, _params in plan.duplicates}
    raw = {r.number: r for r in parsed.rows if r.number in numbers}
    column = header_for(parsed, "role")
    for number, key, params in plan.duplicates:
        error = RowError(number, column, key.removeprefix("import_row."), key, params)
        checked.rejected.append(Rejected(raw[number], [error]))
    checked.rejected.sort(key=lambda r: r.row.number)
    if not partial:
        return [], Plan()
    accepted = [r for r in checked.valid if r.number not in numbers]
    replanned = plan_rows(session, accepted, district_code=district_code) if accepted else Plan()
    return accepted, replanned


def _require_importer(user: UserAccount) -> None:
    if not policies.can_log_facts(user):
        raise Forbidden("import.forbidden")


def target_district(user: UserAccount, district_code: str | None) -> str:
    """The district an upload goes to: staff their own (naming another is refused), the city
    admin the one they name (required). Analysts and experts import nothing."""
    _require_importer(user)
    if user.role == Role.district_staff and user.district_code:
        if district_code not in (None, "", user.district_code):
            raise Forbidden("import.other_district")
        return user.district_code
    if district_code:
        return district_code
    raise InvalidInput("import.district_required", field="district_code")


TEMPLATE_FILENAME = message("import.template_filename")


def template_file(user: UserAccount) -> tuple[bytes, str]:
    """The blank roster template and its file name, for those who import."""
    _require_importer(user)
    return files.template_xlsx(), TEMPLATE_FILENAME


def picks_district(user: UserAccount) -> bool:
    """Whether the upload form asks for a district (the city admin's does; staff's is fixed)."""
    return policies.is_city_admin(user)


def check_district(user: UserAccount | None, district_code: str) -> None:
    """Staff import into their own district only; the CLI (no user) and the city admin anywhere."""
    if user is not None and not policies.can_write_district(user, district_code):
        raise Forbidden("import.district_forbidden")


def reading_options(
    session: Session, district_code: str, options: ReadOptions | None, kind: str = "roster"
) -> ReadOptions:
    """The caller's choices (wizard, CLI), with the district's saved mapping for the file's
    headers underneath: applied silently when a file with the same headers comes again."""
    chosen = options or ReadOptions()
    if chosen.saved is None:
        chosen.saved = saved_lookup(session, district_code, kind)
    return chosen


def row_warnings(checked: Validated) -> list[str]:
    """Values read with a default (a row kept, not lost), with row and column."""
    return [
        message("import.row_warning", row=w.row, column=w.column, reason=w.reason)
        for w in checked.warnings
    ]


def _check(
    session: Session,
    content: bytes,
    filename: str,
    district_code: str,
    partial: bool,
    lookups: Lookups,
    progress: ImportProgress | None,
    options: ReadOptions,
) -> tuple[ParsedFile, Validated, int]:
    """Parse and validate: partial mode keeps every row and error; strict mode checks in a stream
    (``imports.stream``). Returns the parsed file, the check and how many rows were refused."""
    if partial:
        parsed = parse(content, filename, options=options)
        checked = validate(parsed, lookups, district_code=district_code)
        return parsed, checked, len(checked.rejected)
    rows = progress.rows_checked if progress is not None else None
    return validate_strict(
        content, filename, lookups, district_code=district_code, progress=rows, options=options
    )


def run_import(
    session: Session,
    *,
    content: bytes,
    filename: str,
    district_code: str,
    actor: UserAccount | None,
    partial: bool = False,
    dry_run: bool = False,
    lookups: Lookups | None = None,
    options: ReadOptions | None = None,
    progress: ImportProgress | None = None,
) -> ImportOutcome:
    check_district(actor, district_code)
    options = reading_options(session, district_code, options)
    lookups = lookups or load_lookups(session)
    parsed, checked, refused = _check(
        session, content, filename, district_code, partial, lookups, progress, options
    )
    if checked.streamed and dry_run:  # a dry run plans every row in memory; nothing is written
        checked = validate(parsed, lookups, district_code=district_code)
    elif checked.streamed:
        lock_district(session, district_code)
        if progress is not None:
            progress.writing()
        return chunked.import_streamed(
            session,
            parsed,
            checked,
            lookups,
            content=content,
            filename=filename,
            district_code=district_code,
            actor=actor,
        )
    # Rows strict mode refused but did not keep (imports.stream.REJECTED_KEPT): counted only.
    uncounted = refused - len(checked.rejected)
    if uncounted:
        parsed.warnings.append(
            message("import.rejected_cut", total=refused, kept=len(checked.rejected))
        )
    accepted = checked.valid if (partial or not refused) else []
    if accepted and not dry_run:
        # Before planning: the plan must see what a concurrent import of this district committed.
        lock_district(session, district_code)
    plan = plan_rows(session, accepted, district_code=district_code) if accepted else Plan()
    if plan.duplicates:
        # The parsed rows were streamed once; the refused ones are read again for their cells.
        again = parse(content, filename, options=options)
        accepted, plan = _refuse_duplicates(
            session, again, checked, plan, district_code=district_code, partial=partial
        )
    counts = plan.counts
    report = ImportReport(
        filename=filename,
        file_kind=parsed.kind,
        encoding=parsed.encoding,
        district_code=district_code,
        partial=partial,
        dry_run=dry_run,
        rows_read=checked.rows_read,
        committed=len(accepted),
        rejected_rows=len(checked.rejected) + uncounted,
        rejected=rejected_public(checked.rejected),
        unchanged_rows=counts.unchanged_rows,
        created=CreatedPublic(**{k: v for k, v in vars(counts).items() if k != "unchanged_rows"}),
        warnings=[*parsed.warnings, *row_warnings(checked)],
        batch_id=None,
    )
    rows = _rejected_rows(parsed, checked.rejected)
    outcome = ImportOutcome(
        report,
        files.rejected_file(parsed.headers, rows, parsed.kind) if rows else None,
        files.rejected_filename(filename, parsed.kind) if rows else None,
    )
    if dry_run or not accepted:
        return outcome
    if progress is not None:
        progress.writing()
    batch = open_batch(
        session,
        kind="roster",
        district_code=district_code,
        filename=filename,
        content=content,
        actor=actor,
        counts=(report.rows_read, report.committed, report.rejected_rows),
        stored={
            "kind": parsed.kind,
            "headers": parsed.headers,
            "rejected_rows": rows,
            "created": report.created.model_dump(),
        },
    )
    assert batch.id is not None
    apply(
        session,
        plan,
        district_code=district_code,
        batch_id=batch.id,
        actor_id=actor.id if actor else None,
        now=utcnow(),
    )
    report.batch_id = batch.id
    audit.record(
        session,
        actor=actor,
        action="import",
        entity="import_batch",
        entity_id=batch.id,
        district_code=district_code,
        after={
            "filename": filename,
            "rows_read": report.rows_read,
            "committed": report.committed,
            "rejected": report.rejected_rows,
            **report.created.model_dump(),
        },
    )
    return outcome


def visible_batches(user: UserAccount | None) -> Any:
    """Batches ``user`` may see (analysts and experts: 403); the CLI (no user) sees all."""
    # The batch reads load their modules when used: an import from the command line needs none.
    from maeul_db.core.scope import district_scoped

    if user is None:
        return select(ImportBatch)
    _require_importer(user)
    return district_scoped(ImportBatch, user)


def get_batch(session: Session, *, user: UserAccount | None, batch_id: int) -> ImportBatch:
    from maeul_db.core.scope import get_visible

    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_batches(user),
        ImportBatch,
        batch_id,
        missing="import.batch_not_found",
    )


def list_batches(
    session: Session, *, user: UserAccount | None, page: Page, district_code: str | None = None
) -> tuple[list[ImportBatch], int]:
    stmt = visible_batches(user)
    if district_code:
        stmt = stmt.where(ImportBatch.district_code == district_code)
    return paginate(session, stmt, page=page, order_by=col(ImportBatch.id).desc())


def _stored(batch: ImportBatch) -> dict[str, Any]:
    try:
        data = json.loads(batch.report or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def batch_public(batch: ImportBatch) -> ImportBatchPublic:
    stored = _stored(batch)
    assert batch.id is not None
    return ImportBatchPublic(
        **batch.model_dump(
            include={
                "id",
                "district_code",
                "kind",
                "filename",
                "file_sha256",
                "rows_read",
                "committed",
                "rejected",
                "created_at",
                "created_by_user_id",
                "undone_at",
            }
        ),
        status=ImportStatus(batch.status),
        created=CreatedPublic(**stored.get("created", {})),
        has_rejected_file=bool(stored.get("rejected_rows")),
    )


def batch_rejected_file(
    session: Session, *, user: UserAccount | None, batch_id: int
) -> tuple[bytes, str]:
    """The rows a partial import refused, as a file to fix and import again. They carry names
    and phones of people who may not be in the register, so the download is always logged."""
    batch = get_batch(session, user=user, batch_id=batch_id)
    stored = _stored(batch)
    if not stored.get("rejected_rows"):
        raise NotFound("import.no_rejected_rows")
    kind = str(stored.get("kind", "csv"))
    if user is not None:  # the CLI (no account) has no actor to record
        from maeul_db.access_log import service as access_log

        access_log.record(
            session,
            actor=user,
            action="import.rejected_rows",
            person_ids=[],
            purpose=f"import batch {batch.id}",
            outside_register=True,
        )
    return (
        files.rejected_file(stored["headers"], stored["rejected_rows"], kind),
        files.rejected_filename(batch.filename, kind),
    )
