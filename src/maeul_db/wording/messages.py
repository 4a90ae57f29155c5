"""Messages by stable key: (Korean, English), with ``{name}`` placeholders filled by the raise site.

Keys are ``area.what`` and never change once used (API clients and stored import reports keep
them); the words may. Korean is what pages, PDFs and exports show; English goes to API bodies
beside it and to logs.
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "app.description": (
        "서울시 마을공동체 참여자 중심 데이터베이스 API",
        "Seoul village community participant database API",
    ),
    # Generic errors (errors.py, app.py)
    "error.page_not_found": ("페이지를 찾을 수 없습니다", "page not found"),
    "error.invalid_request": (
        "입력값이 올바르지 않습니다: {fields}",
        "invalid input: {fields}",
    ),
    # Intervals and voiding (kit/time.py, kit/intervals.py)
    "interval.end_not_after_start": (
        "종료일이 시작일보다 앞섭니다",
        "the end is before the start (valid_to must be after valid_from)",
    ),
    "interval.voided": ("취소된 기록은 종료할 수 없습니다", "the entry was voided"),
    "interval.already_ended": ("이미 {last_day}에 종료되었습니다", "already ended on {last_day}"),
    "interval.void_reason_required": ("취소 사유가 필요합니다", "a reason is required"),
    "interval.already_voided": ("이미 취소된 기록입니다", "already voided"),
    # Text normalisation (kit/text.py)
    "text.rrn_rejected": (
        "주민등록번호 형식의 값은 저장할 수 없습니다",
        "resident registration numbers are never stored",
    ),
    "text.name_empty": ("이름이 비어 있습니다", "the name is empty"),
    "text.name_too_long": (
        "이름은 {max_length}자까지 쓸 수 있습니다",
        "the name is longer than {max_length} characters",
    ),
    "text.bad_phone": ("전화번호 형식이 아닙니다: {value}", "not a phone number: {value}"),
    "text.bad_email": ("이메일 형식이 아닙니다: {value}", "not an e-mail address: {value}"),
    "text.too_long": ("{max_length}자를 넘습니다", "longer than {max_length} characters"),
    # Accounts and sign-in (auth/)
    "account.district_required": (
        "구 직원 계정에는 자치구가 필요합니다",
        "district staff need a district (--district)",
    ),
    "account.unknown_district": (
        "알 수 없는 자치구 코드: {district_code}",
        "unknown district: {district_code}",
    ),
    "account.district_not_allowed": (
        "자치구는 구 직원 계정에만 지정합니다",
        "only district staff have a district",
    ),
    "account.person_required": (
        "전문가 계정에는 인물 ID가 필요합니다",
        "experts need a person (--person)",
    ),
    "account.unknown_person": ("알 수 없는 인물 ID: {person_id}", "unknown person: {person_id}"),
    "account.username_taken": (
        "이미 있는 사용자 이름입니다: {username}",
        "username already taken: {username}",
    ),
    "auth.wrong_credentials": (
        "사용자 이름 또는 비밀번호가 올바르지 않습니다",
        "wrong username or password",
    ),
    "auth.invalid_token": ("유효하지 않은 토큰입니다", "invalid token"),
    "auth.token_expired": ("토큰이 만료되었습니다", "token expired"),
    # Reference geography (refdata/)
    "refdata.directory_missing": (
        "참조자료 폴더가 없습니다: {directory} (경로를 주거나 MAEUL_REFDATA_DIR를 설정하세요)",
        "reference-data directory not found: {directory} (pass a path or set MAEUL_REFDATA_DIR)",
    ),
    "refdata.files_missing": (
        "참조자료 파일이 없습니다: {directory}: {files}",
        "missing reference files in {directory}: {files}",
    ),
    "dong.not_found": (
        "행정동 코드 {code}를 찾을 수 없습니다",
        "unknown dong: {code}",
    ),
    "dong.already_ended": (
        "{name}은(는) 이미 {valid_to}에 폐지되었습니다",
        "{name} already ended on {valid_to}",
    ),
    "dong.no_successors": ("승계 행정동이 없습니다", "no successor dongs given"),
    "dong.unknown": ("알 수 없는 행정동 코드: {code}", "unknown dong: {code}"),
    "dong.ended_on": (
        "{name}은(는) {valid_to}에 폐지되었습니다; 승계 동: {successors}",
        "{name} no longer existed on that date (ended {valid_to}); successors: {successors}",
    ),
    "dong.not_yet": (
        "{name}은(는) {valid_from}에 생겼습니다",
        "{name} did not exist yet (created {valid_from})",
    ),
    "dong.not_in_district": (
        "행정동이 자치구에 속하지 않습니다",
        "the dong is not in the district",
    ),
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
    # Rejected roster rows (imports/validate.py): the key is "import_row." + the row error code,
    # or a more precise key for the same code.
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
    # Training attendance files (training/attendance_import.py)
    "attendance.programme_not_found": (
        "교육과정을 찾을 수 없습니다: {code}",
        "training programme not found: {code}",
    ),
    "attendance.other_district_programme": (
        "다른 자치구의 교육과정입니다",
        "a programme of another district",
    ),
    "attendance.unknown_district": (
        "알 수 없는 자치구 코드: {district_code}",
        "unknown district: {district_code}",
    ),
    "attendance_row.no_person": (
        "범위 안에 {name}({birth_year}) 인물이 없습니다",
        "no person {name} ({birth_year}) in scope",
    ),
    "attendance_row.ambiguous_person": (
        "{name}({birth_year})이(가) {count}명입니다; 연락처로 구분하세요",
        "{count} people are {name} ({birth_year}); add the phone",
    ),
    "attendance_row.name_required": ("성명이 비어 있습니다", "the name is required"),
    "attendance_row.bad_year": (
        "출생연도가 올바르지 않습니다: {value}",
        "not a birth year: {value}",
    ),
    "attendance_row.unknown_module": (
        "이 과정의 모듈이 아닙니다: {value}",
        "not a module of this programme: {value}",
    ),
    "attendance_row.hours_not_number": (
        "출석시간이 숫자가 아닙니다: {value}",
        "hours must be a number: {value}",
    ),
    "attendance_row.hours_out_of_range": (
        "출석시간은 0에서 {max_hours} 사이여야 합니다: {value}",
        "hours must be between 0 and {max_hours}: {value}",
    ),
    "attendance_row.duplicate": (
        "{row}행과 같은 사람·모듈입니다",
        "same person and module as row {row}",
    ),
    # Training completion rules (training/rules.py)
    "training_rule.attendance_percent": (
        "출석 {attended}/{total_hours}시간 ({share}%), 기준 {min_percent}% 이상",
        "attended {attended}/{total_hours} hours ({share}%), {min_percent}% needed",
    ),
    "training_rule.min_hours": (
        "출석 {attended}시간, 최소 {min_hours}시간",
        "attended {attended} hours, at least {min_hours} needed",
    ),
    "training_rule.prerequisites_done": ("선수과정 이수 완료", "prerequisites completed"),
    "training_rule.prerequisites_missing": (
        "선수과정 미이수: {programmes}",
        "prerequisites not completed: {programmes}",
    ),
    "training_rule.enrolled": ("수강 중", "enrolled"),
    "training_rule.withdrawn": ("{day} 수강 철회", "withdrew on {day}"),
    # Certificates (certificates/)
    "certificate.city_issuer": (
        "서울특별시 마을공동체종합지원센터",
        "Seoul Village Community Support Center",
    ),
    "certificate.district_issuer": (
        "서울특별시 {district} 마을자치통합지원센터",
        "{district} Village Autonomy Support Center, Seoul",
    ),
    "certificate.no_training": ("이수한 교육이 없습니다", "no completed training"),
    "certificate.no_career": ("확인된 경력이 없습니다", "no verified career"),
    "certificate.key_missing": (
        "서명 키 {kid}가 없습니다: {directory}",
        "signing key {kid} missing: {directory}",
    ),
    "certificate.no_signing_key": (
        "서명 키가 없습니다: {directory} (`maeul-db cert rotate-key`를 실행하세요)",
        "no signing key in {directory} (run `maeul-db cert rotate-key`)",
    ),
    "certificate.attachment": (
        "서명된 증명서 원본 자료",
        "signed certificate payload",
    ),
    "certificate.open_end": ("현재", "present"),
    "certificate.no_match": ("일치하는 증명서가 없습니다", "no matching certificate"),
}


def _merge(*parts: dict[str, tuple[str, str]]) -> None:
    """Messages of a feature kept in their own module (``messages_<feature>.py``) join the one
    catalogue here; a key defined twice is a mistake, refused at import."""
    for part in parts:
        clash = set(part) & set(MESSAGES)
        if clash:
            raise RuntimeError(f"message keys defined twice: {sorted(clash)}")
        MESSAGES.update(part)


# One line per feature module, e.g. ``from maeul_db.wording.messages_x import X`` then _merge(X).
from maeul_db.wording.messages_api import MESSAGES_API  # noqa: E402

_merge(MESSAGES_API)
