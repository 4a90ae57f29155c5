"""Messages of attendance sheets through the import wizard and of imports run in the background
with progress on the page (issue 10)."""

from __future__ import annotations

MESSAGES_I10_ATT: dict[str, tuple[str, str]] = {
    "training.attendance_import_forbidden": (
        "이 과정의 출석부를 올릴 권한이 없습니다. 자치구 과정은 그 자치구 담당자가, "
        "시 과정은 시 관리자가 올립니다",
        "you may not import this programme's attendance: a district's programmes by its staff, "
        "the city's by the city admin",
    ),
    "import.unknown_kind": (
        "알 수 없는 가져오기 종류입니다: {kind}",
        "unknown import kind: {kind}",
    ),
    "import.program_required": (
        "출석부를 올릴 교육과정을 골라 주세요",
        "choose the training programme the attendance sheet is for",
    ),
    "import.refused_rows": (
        "오류가 있는 행이 {rows}개 있어 아무것도 저장하지 않았습니다. 칸을 고치거나 행을 제외한 뒤 "
        "다시 가져오거나, “오류 없는 행만 가져오기”를 고르세요",
        "{rows} rows have errors; nothing was written. Fix or leave out rows and import again, "
        "or import the valid rows only",
    ),
    "import.job_not_found": (
        "진행 중인 가져오기를 찾을 수 없습니다",
        "no import in progress was found",
    ),
    "import.job_failed": (
        "가져오기 중 오류가 나서 아무것도 저장하지 않았습니다: {reason}",
        "the import failed and wrote nothing: {reason}",
    ),
}
