"""Messages of the tolerant roster reader and the import wizard (issue 10)."""

from __future__ import annotations

MESSAGES_I10_PARSE: dict[str, tuple[str, str]] = {
    "import.header_not_found": (
        "위쪽 {rows}행 안에서 열 제목 행을 찾지 못했습니다. 제목 행 번호를 직접 고르세요",
        "no header row in the top {rows} rows; choose the header row",
    ),
    "import.bad_header_row": (
        "{row}행은 제목 행으로 고를 수 없습니다",
        "row {row} cannot be the header row",
    ),
    "import.no_such_sheet": ("시트를 찾을 수 없습니다: {sheet}", "no such sheet: {sheet}"),
    "import.footer_skipped": (
        "{row}행은 합계·메모 행으로 보고 건너뛰었습니다: {text}",
        "row {row} read as a totals or notes row and skipped: {text}",
    ),
    "import.row_excluded": (
        "{row}행은 담당자가 제외했습니다",
        "row {row} left out by the officer",
    ),
    "import.row_warning": ("{row}행 {column}: {reason}", "row {row}, {column}: {reason}"),
    "import.bad_mapping": (
        "매핑 파일을 읽을 수 없습니다: {error}",
        "the mapping file cannot be read: {error}",
    ),
    "import.unknown_field": ("알 수 없는 항목입니다: {name}", "unknown field: {name}"),
    "import.upload_not_found": (
        "올린 파일을 찾을 수 없습니다. 기한이 지났을 수 있으니 다시 올리세요",
        "the uploaded file is gone (it may have expired); upload it again",
    ),
    "import.mapping_not_found": ("저장된 매핑이 없습니다", "no saved mapping"),
    "import_row.programme_default": (
        "알 수 없는 사업분야 '{value}'은(는) 기본값({default})으로 읽었습니다",
        "unknown programme '{value}' read as the default ({default})",
    ),
    "import_row.home_dong_ignored": (
        "거주동 '{value}'을(를) 찾지 못해 비워 두었습니다",
        "home dong '{value}' not found; left empty",
    ),
    "import_row.dong_not_yet": (
        "{value}은(는) {created}에 {predecessors}에서 생긴 동입니다. {on} 기록에는 {predecessors}을(를) 쓰세요",
        "{value} was created on {created} from {predecessors}; use {predecessors} for {on}",
    ),
    "import_row.dong_closed": (
        "{value}은(는) {closed}에 없어진 동입니다({successors}). {on} 기록에는 그 뒤의 동을 쓰세요",
        "{value} ceased on {closed} ({successors}); use its successor for {on}",
    ),
    "import_row.rrn_like_birth": (
        "주민등록번호 형식의 값은 받지 않습니다. 출생연도 네 자리만 쓰세요",
        "RRN-shaped value refused; write the four-digit birth year only",
    ),
}
