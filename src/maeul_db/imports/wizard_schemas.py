"""The import wizard's shapes (API and page alike)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import SQLModel

from maeul_db.imports.schemas import ImportReport
from maeul_db.training.schemas import AttendanceImportReport


class WizardColumn(SQLModel):
    index: int
    header: str
    field: str | None
    # exact | synonym | fuzzy | saved | serial | none
    how: str
    samples: list[str]


class WizardField(SQLModel):
    key: str
    label: str
    required: bool


class WizardChoice(SQLModel):
    value: str
    label: str


class UnknownValue(SQLModel):
    """A value in a choice column the format does not know: the officer maps it once."""

    field: str
    value: str
    rows: int
    choices: list[WizardChoice]


class PreviewCell(SQLModel):
    index: int
    text: str
    error: str | None = None


class PreviewRow(SQLModel):
    row: int
    cells: list[PreviewCell]


class WizardPublic(SQLModel):
    upload_id: int
    filename: str
    district_code: str
    # "roster" or "attendance" (a training programme's sheet: ``program_id``).
    kind: str = "roster"
    program_id: int | None = None
    program_name: str | None = None
    expires_at: datetime
    sheets: list[str]
    sheet: str | None
    header_row: int
    top: list[list[str]]
    columns: list[WizardColumn]
    fields: list[WizardField]
    missing: list[str]
    unknown_values: list[UnknownValue]
    mapping_saved: bool
    # "columns" while a required field has no column, else "preview".
    step: str
    report: ImportReport | None
    # An attendance sheet's own report (people matched, enrolments), beside ``report``.
    attendance: AttendanceImportReport | None = None
    # Rows with errors (at most PREVIEW_ROWS), their cells and each cell's error.
    rows: list[PreviewRow]
    excluded: list[int]


class WizardChanges(SQLModel):
    """What the officer changed; every part optional. ``edits``: row → column index → text."""

    sheet: str | None = None
    header_row: int | None = None
    columns: dict[str, str] | None = None
    values: dict[str, dict[str, str]] | None = None
    edits: dict[int, dict[int, str]] | None = None
    excluded: list[int] | None = None
    included: list[int] | None = None


class ImportJobPublic(SQLModel):
    """A wizard upload imported in the background: the progress figure the page polls.
    ``state``: queued → checking → writing → done (a batch written) | refused (rows refused,
    nothing written) | failed; ``idle``: a kept upload not being imported."""

    upload_id: int
    district_code: str
    kind: str = "roster"
    program_id: int | None = None
    partial: bool = False
    state: str
    rows_checked: int = 0
    # About how many rows the file holds (CSV lines); None when unknown (xlsx).
    rows_total: int | None = None
    percent: int = 0
    batch_id: int | None = None
    rejected_rows: int = 0
    message: str | None = None

    @property
    def finished(self) -> bool:
        return self.state in ("idle", "done", "refused", "failed")
