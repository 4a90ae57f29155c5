"""What the import wizard does per kind of file (issue 10): a roster (``imports.service``) or a
training programme's attendance sheet (``training.attendance_import``). One wizard, one pipeline:
the kind decides the columns, the choice columns whose unknown values the officer maps once, and
which import checks (dry run) and writes the file; sheet, header row, column matching, value
mapping, fixed cells, excluded rows, saved mappings and the batch/undo are the same.

The kind and the programme are kept in the upload's choices (``KIND_KEYS``), chosen at upload.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from maeul_db.errors import InvalidInput, NotFound
from maeul_db.imports import service
from maeul_db.imports.batches import KINDS
from maeul_db.imports.columns import (
    COLUMNS,
    GENDERS,
    PROGRAMMES,
    ROLES,
    STAGES,
    ColumnSpec,
    header_key,
)
from maeul_db.imports.parse import ReadOptions
from maeul_db.imports.schemas import CreatedPublic, ImportReport
from maeul_db.imports.stream import ImportProgress
from maeul_db.imports.wizard_schemas import WizardChoice, WizardField
from maeul_db.models import ImportUpload, TrainingProgram, UserAccount
from maeul_db.training import attendance_format, attendance_import
from maeul_db.training import service as training_service
from maeul_db.training.attendance_access import find_program
from maeul_db.training.schemas import AttendanceImportReport
from maeul_db.wording import labels

# The wizard takes rosters and attendance sheets (council rosters have their own page).
WIZARD_KINDS = ("roster", "attendance")
KIND_KEYS = ("kind", "program_id")
# Roster choice columns whose unknown values the officer maps once: field → (vocabulary, labels).
ROSTER_CHOICES = {
    "stage": (STAGES, "stage"),
    "programme": (PROGRAMMES, "programme"),
    "gender": (GENDERS, "gender"),
    "role": (ROLES, "participation_role"),
}


@dataclass(frozen=True)
class Target:
    """What an upload is for: its kind and, for attendance, the programme."""

    kind: str
    program: TrainingProgram | None = None

    @property
    def columns(self) -> Sequence[ColumnSpec]:
        return attendance_format.COLUMNS if self.kind == "attendance" else COLUMNS


def check_kind(
    session: Session, user: UserAccount, kind: str, program_id: int | None, district: str
) -> dict[str, Any]:
    """The kind keys kept with a new upload; an attendance sheet names a programme whose
    attendance the user may import into ``district`` (``training.attendance_access``)."""
    if kind not in WIZARD_KINDS or kind not in KINDS:
        raise InvalidInput("import.unknown_kind", field="kind", kind=kind)
    if kind == "roster":
        return {"kind": "roster"}
    if program_id is None:
        raise InvalidInput("import.program_required", field="program_id")
    program = session.get(TrainingProgram, program_id)
    if program is None:
        raise NotFound("attendance.programme_not_found", code=str(program_id))
    find_program(session, user=user, program_code=program.code, district_code=district)
    return {"kind": "attendance", "program_id": program_id}


def target_of(session: Session, choices: dict[str, Any]) -> Target:
    if choices.get("kind") != "attendance":
        return Target("roster")
    program = session.get(TrainingProgram, int(choices.get("program_id") or 0))
    if program is None:
        raise NotFound("attendance.programme_not_found", code=str(choices.get("program_id")))
    return Target("attendance", program)


def fields(target: Target) -> list[WizardField]:
    return [WizardField(key=s.key, label=s.korean, required=s.required) for s in target.columns]


def choice_columns(
    session: Session, target: Target
) -> dict[str, tuple[set[str], list[WizardChoice]]]:
    """Per choice column: the values read as they are, and what an unknown one may become."""
    if target.program is None:
        return {
            field: (set(vocab), [WizardChoice(value=v, label=t) for v, t in labels(kind).items()])
            for field, (vocab, kind) in ROSTER_CHOICES.items()
        }
    assert target.program.id is not None
    modules = training_service.modules_of(session, program_id=target.program.id)
    known = set(attendance_import.module_keys(modules))
    offered = [WizardChoice(value=m.name, label=f"{m.sequence}. {m.name}") for m in modules]
    return {"module": (known, offered)}


def unknown(vocab: set[str], text: str) -> bool:
    return bool(text) and header_key(text) not in vocab


def _as_report(report: AttendanceImportReport, *, district: str, partial: bool) -> ImportReport:
    """An attendance report in the wizard's (and the import API's) report shape."""
    takes = partial or not report.rejected_rows
    good = report.rows_read - report.rejected_rows
    return ImportReport(
        filename=report.filename,
        file_kind=report.file_kind,
        encoding=report.encoding,
        district_code=district,
        partial=partial,
        dry_run=report.dry_run,
        rows_read=report.rows_read,
        committed=report.attendance_recorded if not report.dry_run else (good if takes else 0),
        rejected_rows=report.rejected_rows,
        rejected=report.rejected,
        unchanged_rows=0,
        created=CreatedPublic(),
        warnings=report.warnings,
        batch_id=report.batch_id,
    )


@dataclass
class KindOutcome:
    outcome: service.ImportOutcome
    attendance: AttendanceImportReport | None = None


def run(
    session: Session,
    *,
    target: Target,
    user: UserAccount,
    upload: ImportUpload,
    options: ReadOptions,
    dry_run: bool,
    partial: bool = False,
    progress: ImportProgress | None = None,
) -> KindOutcome:
    """Check (``dry_run``) or import the upload as its kind."""
    if target.program is None:
        return KindOutcome(
            service.run_import(
                session,
                content=upload.content,
                filename=upload.filename,
                district_code=upload.district_code,
                actor=user,
                partial=partial,
                dry_run=dry_run,
                options=options,
                progress=progress,
            )
        )
    sheet = attendance_import.import_sheet(
        session,
        user=user,
        content=upload.content,
        filename=upload.filename,
        program_code=target.program.code,
        district_code=upload.district_code,
        dry_run=dry_run,
        partial=partial,
        options=service.reading_options(session, upload.district_code, options, "attendance"),
        progress=progress.rows_checked if progress is not None else None,
    )
    report = sheet.report
    if progress is not None and report.batch_id is not None:
        progress.writing()
    summary = _as_report(report, district=upload.district_code, partial=partial)
    outcome = service.ImportOutcome(
        summary, sheet.rejected_file, sheet.rejected_filename, target.program.id
    )
    return KindOutcome(outcome, report)
