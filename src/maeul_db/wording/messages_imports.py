"""Messages of roster files and their import: reading, rejected rows, the import service."""

from __future__ import annotations

MESSAGES_IMPORTS: dict[str, tuple[str, str]] = {
    # Roster files (imports/parse.py, imports/files.py)
    "import.unsupported_file": (
        "지원하지 않는 파일 형식입니다: {name} (.xlsx 또는 .csv)",
        "unsupported file type: {name} (.xlsx or .csv only)",
    ),
    "import.unknown_encoding": (
        "파일 인코딩을 알 수 없습니다 (UTF-8 또는 CP949)",
        "unknown file encoding (not UTF-8 or CP949)",
    ),
    "import.unknown_column": (
        "알 수 없는 열은 무시합니다: {column}",
        "unknown column ignored: {column}",
    ),
    "import.duplicate_column": ("같은 열이 두 번 있습니다: {column}", "duplicate column: {column}"),
    "import.missing_columns": (
        "필수 열이 없습니다: {columns}",
        "required columns missing: {columns}",
    ),
    "import.unreadable_xlsx": (
        "xlsx 파일을 읽을 수 없습니다 ({error})",
        "the xlsx file cannot be read ({error})",
    ),
    "import.no_header": ("첫 행에 열 제목이 없습니다", "no header row"),
    "import.error_column": ("오류", "errors"),
    "import.rejected_suffix": ("오류", "rejected"),
    "import.template_sheet": ("명단", "roster"),
    "import.column_required": ("필수", "required"),
    "import.column_optional": ("선택", "optional"),
    # Rejected roster rows (imports/validate.py, cell_checks.py): the key is "import_row." + the
    # row error code, or a more precise key for the same code.
    "import_row.required": ("필수 항목이 비어 있습니다", "missing required field"),
    "import_row.rrn": ("주민등록번호 형식의 값은 받지 않습니다", "RRN-shaped value refused"),
    "import_row.bad_date": (
        "날짜 형식이 아닙니다: {value}",
        "not a date: {value} (use YYYY-MM-DD)",
    ),
    "import_row.no_such_date": ("없는 날짜입니다: {value}", "no such date: {value}"),
    "import_row.not_a_year": ("네 자리 연도가 아닙니다: {value}", "not a four-digit year: {value}"),
    "import_row.year_out_of_range": (
        "{value}은(는) {low}–{high} 범위 밖입니다",
        "{value} is outside {low}–{high}",
    ),
    "import_row.unknown_stage": ("알 수 없는 사업단계: {value}", "unknown stage: {value}"),
    "import_row.unknown_programme": ("알 수 없는 사업분야: {value}", "unknown programme: {value}"),
    "import_row.unknown_gender": ("알 수 없는 성별: {value}", "unknown gender: {value}"),
    "import_row.unknown_role": ("알 수 없는 역할: {value}", "unknown role: {value}"),
    "import_row.unknown_district": ("알 수 없는 자치구: {value}", "unknown district: {value}"),
    "import_row.other_district": (
        "가져오는 자치구({district})가 아닌 자치구입니다: {value}",
        "a district other than the importer's ({district}): {value}",
    ),
    "import_row.unknown_dong": ("알 수 없는 행정동: {value}", "unknown dong: {value}"),
    "import_row.dong_not_valid": (
        "{value}은(는) {on}에 없던 행정동입니다",
        "{value} was not a dong on {on}",
    ),
    "import_row.ambiguous_dong": (
        "여러 자치구에 같은 이름의 동이 있습니다: {value}; 코드를 쓰세요",
        "ambiguous dong name: {value}; use the code",
    ),
    "import_row.too_long": ("{limit}자를 넘습니다", "longer than {limit} characters"),
    "import_row.end_before_start": ("종료일이 시작일보다 앞섭니다", "end date before start date"),
    # Roster imports, the service side (imports/)
    "import.file_too_large": ("파일이 너무 큽니다 (50MB 초과)", "upload larger than 50 MB"),
    "import.empty_file": ("빈 파일입니다", "empty file"),
    "import.forbidden": ("명단을 가져올 권한이 없습니다", "your role cannot import"),
    "import.other_district": (
        "다른 자치구로 가져올 수 없습니다",
        "cannot import for another district",
    ),
    "import.district_forbidden": (
        "이 자치구로 가져올 권한이 없습니다",
        "cannot import for this district",
    ),
    "import.district_required": ("자치구 코드가 필요합니다", "district_code is required"),
    "import.template_filename": (
        "마을공동체_참여자명단_양식.xlsx",
        "village_community_roster_template.xlsx",
    ),
    "import.batch_not_found": ("가져오기 기록을 찾을 수 없습니다", "import batch not found"),
    "import.no_rejected_rows": ("거부된 행이 없습니다", "this batch rejected no rows"),
    "import.already_undone": ("이미 취소된 가져오기입니다", "the import is already undone"),
}
