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
    # Rejected roster rows (imports/validate.py, cell_checks.py): the key is "import_row." + the row error code,
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
    # Command-line output shared by the CLIs (cli.py, */cli.py)
    "cli.help": (
        "maeul_db: 서울시 마을공동체 참여자 중심 DB",
        "maeul_db: Seoul village community participant database",
    ),
    "cli.error": ("오류{where}: {message}", "error{where}: {message}"),
    "cli.warning": ("경고: {warning}", "warning: {warning}"),
    "cli.rejected_row": ("{row}행 [{column}] {reason}", "row {row} [{column}] {reason}"),
    "cli.bad_date": ("날짜 형식은 YYYY-MM-DD입니다 ({detail})", "dates are YYYY-MM-DD ({detail})"),
    "cli.loading_refdata": ("참조자료 불러오는 중…", "loading reference data…"),
    "cli.demo_logins": ("데모 계정 (모든 계정의 비밀번호):", "demo logins, password for all:"),
    "cli.issuing": ("발급 중", "issuing"),
    # Roles and sign-in (auth/, web/csrf.py, core/operator.py)
    "auth.login_required": ("로그인이 필요합니다", "login required"),
    "auth.role_not_allowed": ("이 기능을 사용할 권한이 없습니다", "your role may not use this"),
    "auth.cannot_log": ("기록을 입력할 권한이 없습니다", "your role cannot log participation"),
    "auth.csrf_rejected": (
        "보안 토큰이 없거나 맞지 않습니다",
        "the form's security (CSRF) token is missing or wrong",
    ),
    "account.not_found": ("계정이 없습니다: {username}", "no such account: {username}"),
    "account.demo_in_production": (
        "운영 환경에서는 데모 계정을 만들 수 없습니다",
        "no demo accounts in production",
    ),
    "account.demo_admin": ("서울시 관리자", "city admin"),
    "account.demo_staff": ("자치구 담당자 ({district})", "district staff ({district})"),
    "account.demo_analyst": ("분석가 (가명 자료)", "analyst, pseudonymised"),
    "account.demo_expert": ("마을자치전문가 (인물 {person_id})", "expert, person {person_id}"),
    # Access log (access_log/)
    "access_log.verify_city_admin_only": (
        "시 관리자만 검증할 수 있습니다",
        "only the city admin may verify the access log",
    ),
    "access_log.forbidden": (
        "열람 기록을 볼 권한이 없습니다",
        "your role cannot read the access log",
    ),
    # People (participants/)
    "person.not_found": ("인물을 찾을 수 없습니다", "person not found"),
    "person.read_forbidden": ("인물 정보를 볼 권한이 없습니다", "your role cannot read people"),
    "person.edit_forbidden": ("인물 정보를 수정할 권한이 없습니다", "your role cannot edit people"),
    "person.register_forbidden": (
        "인물을 등록할 권한이 없습니다",
        "your role cannot register people",
    ),
    "person.other_district": (
        "다른 자치구로 등록할 수 없습니다",
        "cannot register for another district",
    ),
    "person.district_required": (
        "등록 자치구가 필요합니다",
        "registered_district_code is required",
    ),
    "person.no_details_then": (
        "그 시점의 인물 정보가 없습니다",
        "no details were recorded by then",
    ),
    # Groups, projects, activities (groups/, projects/, activities/)
    "group.not_found": ("모임을 찾을 수 없습니다", "group not found"),
    "group.create_forbidden": (
        "이 자치구의 모임을 등록할 권한이 없습니다",
        "cannot register a group for this district",
    ),
    "group.edit_forbidden": ("이 모임을 수정할 권한이 없습니다", "cannot edit this group"),
    "group.dissolved_before_founded": (
        "해산일은 설립일보다 뒤여야 합니다",
        "dissolved before founded",
    ),
    "membership.not_found": ("회원 기록을 찾을 수 없습니다", "membership not found"),
    "project.not_found": ("사업을 찾을 수 없습니다", "project not found"),
    "project.create_forbidden": (
        "이 자치구의 사업을 등록할 권한이 없습니다",
        "cannot register a project for this district",
    ),
    "project.edit_forbidden": ("이 사업을 수정할 권한이 없습니다", "cannot edit this project"),
    "participation.not_found": ("참여 기록을 찾을 수 없습니다", "participation not found"),
    "activity.not_found": ("활동을 찾을 수 없습니다", "activity not found"),
    "activity.host_required": (
        "사업 또는 모임을 지정하세요",
        "project_id or group_id is required",
    ),
    "activity.districts_differ": (
        "사업과 모임의 자치구가 다릅니다",
        "the project and the group are in different districts",
    ),
    # Careers (careers/)
    "career.not_found": ("경력을 찾을 수 없습니다", "career not found"),
    "career.own_only": ("본인 경력만 등록할 수 있습니다", "experts record their own career only"),
    "career.district_forbidden": (
        "이 자치구의 경력을 등록할 권한이 없습니다",
        "cannot record a career for this district",
    ),
    "career.verify_forbidden": ("경력을 확인할 권한이 없습니다", "cannot verify this career"),
    "career.already_verified": ("이미 확인된 경력입니다", "the career is already verified"),
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
    # Experts and placements (experts/)
    "expert.pool_forbidden": ("전문가 풀을 볼 권한이 없습니다", "your role cannot read the pool"),
    "expert.place_staff_only": (
        "자치구 담당자만 자기 구의 동에 배치할 수 있습니다",
        "only district staff place experts, in their own district's dongs",
    ),
    "expert.not_eligible": (
        "전문가 풀 자격이 없습니다: {missing}",
        "not in the expert pool: {missing}",
    ),
    "expert.overlapping_placement": (
        "같은 기간에 이미 배치되어 있습니다",
        "already placed in an overlapping period",
    ),
    "expert.placement_not_found": ("배치를 찾을 수 없습니다", "placement not found"),
    "expert.end_forbidden": ("배치를 종료할 권한이 없습니다", "cannot end this placement"),
    "expert.other_district": (
        "다른 자치구의 배치 현황은 볼 수 없습니다",
        "cannot see another district's placements",
    ),
    "expert.staff_only": (
        "자치구 담당자와 서울시 관리자만 볼 수 있습니다",
        "district staff and the city admin only",
    ),
    "expert.stage_completed": ("{stage} 이수 ({on})", "{stage} completed ({on})"),
    "expert.stage_missing": ("{stage} 미이수", "{stage} not completed"),
    "expert.pool_title": (
        "전문가 풀 ({day}): {members}명, 배치 {placements}건",
        "expert pool ({day}): {members} people, {placements} placements",
    ),
    "expert.column_name": ("이름", "name"),
    "expert.column_born": ("출생", "born"),
    "expert.column_eligible": ("자격일", "eligible since"),
    "expert.column_dongs": ("배치 동", "placed in"),
    # Identity review (identity/, web/identity_pages.py)
    "identity.candidate_not_found": ("검토 대상을 찾을 수 없습니다", "match candidate not found"),
    "identity.review_forbidden": ("검토 권한이 없습니다", "your role cannot review matches"),
    "identity.already_resolved": (
        "이미 처리된 검토 대상입니다: {status}",
        "the candidate is already {status}",
    ),
    "identity.already_merged": (
        "이미 다른 인물에 병합되었습니다",
        "the person is already merged",
    ),
    "identity.self_merge": (
        "자기 자신과 병합할 수 없습니다",
        "cannot merge a person into itself",
    ),
    "identity.unknown_action": ("알 수 없는 작업입니다", "unknown action"),
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
    # Certificates, service side (certificates/)
    "certificate.issue_forbidden": (
        "증명서를 발급할 권한이 없습니다",
        "cannot issue this certificate",
    ),
    "certificate.experts_only": ("전문가 계정만 사용할 수 있습니다", "experts only"),
    "certificate.not_found": ("증명서를 찾을 수 없습니다", "certificate not found"),
    "certificate.change_forbidden": (
        "증명서를 변경할 권한이 없습니다",
        "cannot change this certificate",
    ),
    "certificate.not_valid": ("이미 {status} 상태입니다", "the certificate is already {status}"),
    "certificate.reissue_valid_only": (
        "유효한 증명서만 재발급할 수 있습니다",
        "only a valid certificate can be reissued",
    ),
    "certificate.reissued_as": ("재발급 {number}", "reissued as {number}"),
    "certificate.key_not_ed25519": (
        "{path}는 Ed25519 키가 아닙니다",
        "{path} is not an Ed25519 key",
    ),
    "certificate.batch_city_admin_only": (
        "시 관리자만 일괄 발급할 수 있습니다",
        "only the city admin may issue in bulk",
    ),
    "certificate.rate_limited": (
        "요청이 너무 많습니다. 잠시 후 다시 시도하세요",
        "too many requests; try again shortly",
    ),
    # Analytics (analytics/)
    "analytics.forbidden": ("분석 기능을 사용할 권한이 없습니다", "your role cannot use analytics"),
    "analytics.other_district": (
        "다른 자치구의 분석은 볼 수 없습니다",
        "cannot analyse another district",
    ),
    "analytics.person_not_in_scope": (
        "분석 범위에서 이 사람을 찾을 수 없습니다",
        "the person is not in your analysis scope",
    ),
    "analytics.bad_radius": ("반경은 1 또는 2입니다", "the radius is 1 or 2"),
    "analytics.unknown_graph": (
        "그래프 종류는 {kinds} 중 하나입니다",
        "the graph kind is one of {kinds}",
    ),
    "analytics.period_reversed": (
        "기간의 끝이 시작보다 앞설 수 없습니다",
        "the period ends before it starts",
    ),
    "analytics.unknown_district": ("알 수 없는 자치구입니다", "unknown district"),
    "analytics.city_name": ("서울특별시", "Seoul"),
    "analytics.backend_unavailable": (
        "MAEUL_NETWORKX_BACKEND={backend}: networkx 백엔드가 설치되어 있지 않습니다 ({detail}); "
        "설치하거나(예: 'parallel'은 `pip install nx-parallel`) 설정을 지우세요",
        "MAEUL_NETWORKX_BACKEND={backend}: networkx backend not installed ({detail}); install "
        "it (e.g. `pip install nx-parallel` for 'parallel') or unset the setting",
    ),
    "analytics.kpi_title": ("지표 {start} ~ {end}", "indicators {start} to {end}"),
    "analytics.column_indicator": ("지표", "indicator"),
    "analytics.column_value": ("값", "value"),
    "analytics.by_gender": (
        "{total} (여 {female} / 남 {male})",
        "{total} (female {female} / male {male})",
    ),
    "analytics.population_share": ("인구 대비 참여율", "share of the population"),
    "analytics.council_members": ("주민자치회 위원", "resident council members"),
    "analytics.council_with_projects": (
        "  사업 경험 있는 위원",
        "  members with project experience",
    ),
    "analytics.experts_placed": ("마을자치전문가 배치 / 목표", "experts placed / target"),
    "analytics.spread": ("격차: {metric}", "spread: {metric}"),
    "analytics.ratio": ("{ratio}배", "{ratio}x"),
    "analytics.suppressed_note": (
        "* {threshold}명 미만 칸은 가려졌고, 나머지 인원은 {threshold}명 단위로 반올림했습니다",
        "* cells under {threshold} people are suppressed; other counts are rounded to multiples "
        "of {threshold}",
    ),
    # Demo data (demo/)
    "demo.production_refused": (
        "운영 환경에서는 데모 자료를 만들 수 없습니다",
        "demo data is refused when MAEUL_ENVIRONMENT=production",
    ),
    "demo.skipped_occupied": (
        "데모 자료를 건너뜁니다: 이미 자료가 있습니다 ({tables})",
        "skipped: the database already holds data ({tables})",
    ),
    "demo.no_schema": (
        "데이터베이스에 표가 없습니다 (`maeul-db db upgrade`와 `maeul-db refdata load`를 먼저 실행하세요)",
        "the database has no tables; run `maeul-db db upgrade` and `maeul-db refdata load` first",
    ),
    "demo.no_refdata": (
        "자치구·행정동 참조자료가 없습니다 (`maeul-db refdata load`를 실행하세요)",
        "no districts/dongs loaded; run `maeul-db refdata load`",
    ),
    "demo.unknown_scale": (
        "알 수 없는 규모: {name} ({scales} 중 하나)",
        "unknown scale {name}; use one of {scales}",
    ),
    "demo.tables_occupied": (
        "데모 자료를 만들 표에 이미 자료가 있습니다: {tables} (--replace로 지우고 새로 만드세요)",
        "tables already hold data: {tables}; run with --replace to delete it and generate anew",
    ),
    "demo.more_tables": (" 외 {count}개", " and {count} more"),
    "demo.linked_accounts": (
        "인물과 연결된 계정 {count}개가 있어 데모 자료를 지울 수 없습니다: {usernames} "
        "(계정을 지우거나 새 데이터베이스에서 --replace 하세요)",
        "{count} account(s) point at people, e.g. the demo expert login ({usernames}); remove "
        "them or start from a new database before --replace",
    ),
    # Intervals as typed (kit/time.py)
    "interval.last_day_out_of_range": ("종료일이 너무 늦습니다", "the last day is out of range"),
    # Form field errors on the web pages, by pydantic error type or page check (web/logging_forms.py)
    "form.missing": ("꼭 입력해야 하는 항목입니다.", "This field is required."),
    "form.string_too_short": ("내용을 입력해 주세요.", "Please enter some text."),
    "form.string_too_long": (
        "{max_length}자까지 입력할 수 있습니다.",
        "At most {max_length} characters.",
    ),
    "form.too_short": ("한 명 이상 골라 주세요.", "Choose at least one."),
    "form.too_long": ("너무 많이 골랐습니다.", "Too many chosen."),
    "form.greater_than_equal": ("{ge} 이상이어야 합니다.", "Must be at least {ge}."),
    "form.less_than_equal": ("{le} 이하여야 합니다.", "Must be at most {le}."),
    "form.not_a_number": ("숫자로 입력해 주세요.", "Enter a number."),
    "form.bad_date": ("날짜를 2024-03-01 처럼 입력해 주세요.", "Enter a date like 2024-03-01."),
    "form.choose_from_list": ("목록에서 골라 주세요.", "Choose from the list."),
    "form.string_pattern_mismatch": ("형식이 올바르지 않습니다.", "The format is not right."),
    "form.person_not_found": (
        "볼 수 있는 인물 중에 찾는 사람이 없습니다. 이름 또는 인물 번호를 확인해 주세요.",
        "No one you can see matches; check the name or the person number.",
    ),
    "form.person_ambiguous": (
        "같은 이름이 {count}명 있습니다. 아래에서 한 명을 골라 주세요.",
        "{count} people share this name; pick one below.",
    ),
    "form.invalid": ("값이 올바르지 않습니다.", "The value is not valid."),
}


def _merge(*parts: dict[str, tuple[str, str]]) -> None:
    """Messages of a feature kept in their own module (``messages_<feature>.py``) join the one
    catalogue here; a key defined twice is a mistake, refused at import."""
    for part in parts:
        clash = set(part) & set(MESSAGES)
        if clash:
            raise RuntimeError(f"message keys defined twice: {sorted(clash)}")
        MESSAGES.update(part)


# One import per feature module, merged at the end (below the merge function, hence E402).
from maeul_db.wording.messages_accounts import MESSAGES_ACCOUNTS  # noqa: E402
from maeul_db.wording.messages_api import MESSAGES_API  # noqa: E402
from maeul_db.wording.messages_auth import MESSAGES_AUTH  # noqa: E402
from maeul_db.wording.messages_certs import MESSAGES_CERTS  # noqa: E402
from maeul_db.wording.messages_facts import MESSAGES_FACTS  # noqa: E402
from maeul_db.wording.messages_i10_att import MESSAGES_I10_ATT  # noqa: E402
from maeul_db.wording.messages_i10_parse import MESSAGES_I10_PARSE  # noqa: E402
from maeul_db.wording.messages_i10_pipe import MESSAGES_I10_PIPE  # noqa: E402
from maeul_db.wording.messages_i11_jobs import MESSAGES_I11_JOBS  # noqa: E402
from maeul_db.wording.messages_i11_summary import MESSAGES_I11_SUMMARY  # noqa: E402
from maeul_db.wording.messages_i12_assembly import MESSAGES_I12_ASSEMBLY  # noqa: E402
from maeul_db.wording.messages_i12_councils import MESSAGES_I12_COUNCILS  # noqa: E402
from maeul_db.wording.messages_i12_roster import MESSAGES_I12_ROSTER  # noqa: E402
from maeul_db.wording.messages_i14_pages import MESSAGES_I14_PAGES  # noqa: E402
from maeul_db.wording.messages_i15_apply import MESSAGES_I15_APPLY  # noqa: E402
from maeul_db.wording.messages_i15_rep import MESSAGES_I15_REP  # noqa: E402
from maeul_db.wording.messages_i15_requests import MESSAGES_I15_REQUESTS  # noqa: E402
from maeul_db.wording.messages_i15_settle import MESSAGES_I15_SETTLE  # noqa: E402
from maeul_db.wording.messages_i16_training import MESSAGES_I16_TRAINING  # noqa: E402
from maeul_db.wording.messages_identity import MESSAGES_IDENTITY  # noqa: E402
from maeul_db.wording.messages_input import MESSAGES_INPUT  # noqa: E402
from maeul_db.wording.messages_limits import MESSAGES_LIMITS  # noqa: E402
from maeul_db.wording.messages_menu import MESSAGES_MENU  # noqa: E402
from maeul_db.wording.messages_privacy import MESSAGES_PRIVACY  # noqa: E402
from maeul_db.wording.messages_reads import MESSAGES_READS  # noqa: E402

_merge(
    MESSAGES_IDENTITY,
    MESSAGES_INPUT,
    MESSAGES_AUTH,
    MESSAGES_API,
    MESSAGES_ACCOUNTS,
    MESSAGES_CERTS,
    MESSAGES_FACTS,
    MESSAGES_I14_PAGES,
    MESSAGES_I16_TRAINING,
    MESSAGES_LIMITS,
    MESSAGES_MENU,
    MESSAGES_PRIVACY,
    MESSAGES_READS,
    MESSAGES_I12_COUNCILS,
    MESSAGES_I12_ASSEMBLY,
    MESSAGES_I15_APPLY,
    MESSAGES_I15_SETTLE,
    MESSAGES_I10_PARSE,
    MESSAGES_I10_PIPE,
    MESSAGES_I11_JOBS,
    MESSAGES_I11_SUMMARY,
    MESSAGES_I15_REP,
    MESSAGES_I15_REQUESTS,
    MESSAGES_I12_ROSTER,
    MESSAGES_I10_ATT,
)
