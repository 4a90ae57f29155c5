"""Messages of training: attendance files, completion rules, the training service."""

from __future__ import annotations

MESSAGES_TRAINING: dict[str, tuple[str, str]] = {
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
    # Training (training/)
    "training.programme_not_found": ("교육과정을 찾을 수 없습니다", "programme not found"),
    "training.create_forbidden": (
        "이 교육과정을 만들 권한이 없습니다",
        "cannot create this programme",
    ),
    "training.code_exists": (
        "같은 코드의 교육과정이 있습니다",
        "a programme with this code exists",
    ),
    "training.enrolment_not_found": ("수강 기록을 찾을 수 없습니다", "enrolment not found"),
    "training.record_forbidden": (
        "이 교육과정의 기록을 입력할 권한이 없습니다",
        "cannot record for this programme",
    ),
    "training.already_enrolled": ("이미 수강 중인 과정입니다", "already enrolled"),
    "training.module_not_in_programme": (
        "이 과정의 모듈이 아닙니다",
        "the module is not part of this programme",
    ),
    "training.too_many_hours": (
        "출석 시간이 모듈 시간({hours})보다 깁니다",
        "more hours than the module's {hours}",
    ),
    "training.withdrawn_before_enrolled": (
        "철회일이 등록일보다 앞섭니다",
        "withdrawn before enrolled",
    ),
    "training.council_school_minimum": (
        "주민자치학교 {required}시간 이수가 필요합니다 (현재 {hours}시간)",
        "council school minimum of {required} hours not met (now {hours})",
    ),
    "training.attendance_city_admin_only": (
        "시 관리자만 출석을 일괄 입력할 수 있습니다",
        "only the city admin may import attendance",
    ),
}
