"""Words for codes: every enum value in ``maeul_db.models`` (kind = the enum's name in snake case,
``Role`` → ``role``), and the names of form fields. Each entry is (Korean, English)."""

from __future__ import annotations

from typing import Final

Pair = tuple[str, str]

LABELS: Final[dict[str, dict[str, Pair]]] = {
    "role": {
        "city_admin": ("시 관리자", "city administrator"),
        "district_staff": ("자치구 담당자", "district staff"),
        "expert": ("마을자치전문가", "village autonomy expert"),
        "analyst": ("분석가", "analyst"),
        "group_rep": ("모임 대표", "group representative"),
    },
    "gender": {
        "F": ("여성", "female"),
        "M": ("남성", "male"),
        "X": ("밝히지 않음", "not stated"),
    },
    "consent_scope": {
        "participation": ("참여 기록", "participation records"),
        "contact": ("연락 수신", "being contacted"),
        "research": ("연구 활용", "research use"),
    },
    "group_theme": {
        "care": ("돌봄", "care"),
        "culture": ("문화예술", "culture and arts"),
        "environment": ("환경", "environment"),
        "education": ("교육", "education"),
        "neighbourhood": ("이웃관계", "neighbourhood"),
        "safety": ("안전", "safety"),
        "economy": ("마을경제", "village economy"),
        "media": ("마을미디어", "village media"),
        "other": ("기타", "other"),
    },
    "membership_role": {
        "representative": ("대표", "representative"),
        "secretary": ("총무", "secretary"),
        "member": ("회원", "member"),
    },
    "programme": {
        "village_community": ("마을공동체 지원사업", "village community programme"),
        "parent_community": ("부모커뮤니티", "parent community"),
        "co_parenting": ("공동육아", "co-parenting"),
        "village_art_studio": ("마을예술창작소", "village art studio"),
        "village_media": ("마을미디어", "village media"),
        "apartment_community": ("아파트공동체", "apartment community"),
        "energy_village": ("에너지자립마을", "energy self-reliant village"),
        "village_enterprise": ("마을기업", "village enterprise"),
    },
    "stage": {
        "group_formation": ("모임형성", "group formation"),
        "activity_support": ("활동지원", "activity support"),
        "village_network": ("마을연계망", "village network"),
        "community_space": ("공동체공간", "community space"),
        "village_plan": ("마을계획", "village plan"),
        "resident_council": ("주민자치회", "resident council"),
    },
    "participation_role": {
        "lead_proposer": ("대표제안자", "lead proposer"),
        "co_proposer": ("공동제안자", "co-proposer"),
        "participant": ("참여자", "participant"),
    },
    "activity_kind": {
        "meeting": ("모임", "meeting"),
        "event": ("행사", "event"),
        "network_party": ("네트워크 파티", "network party"),
        "education": ("교육", "education"),
    },
    "training_stage": {
        "basic": ("기본과정", "basic course"),
        "lecture_practice": ("강의실습", "lecture practice"),
        "expert_activist": ("전문가과정(활동가)", "expert course (activists)"),
        "council_school": ("주민자치학교", "resident council school"),
        "general": ("시민교육", "citizen education"),
    },
    "job_type": {
        "district_centre_staff": ("자치구 중간지원조직 직원", "district support centre staff"),
        "village_autonomy_expert": ("마을자치전문가", "village autonomy expert"),
        "space_operator": ("공동체 공간 운영자", "community space operator"),
        "dong_autonomy_officer": ("동자치지원관", "dong autonomy officer"),
        "field_activist": ("마을지원활동가", "field activist"),
        "new_deal": ("뉴딜일자리", "New Deal job"),
        "other": ("기타", "other"),
    },
    "council_role": {
        "member": ("위원", "member"),
        "chair": ("위원장", "chair"),
        "secretary": ("간사", "secretary"),
        "vice_chair": ("부위원장", "vice chair"),
        "subcommittee_chair": ("분과장", "subcommittee chair"),
    },
    "certificate_kind": {
        "training": ("교육이수증", "training certificate"),
        "career": ("경력증명서", "career certificate"),
    },
    "certificate_status": {
        "valid": ("유효", "valid"),
        "revoked": ("취소됨", "revoked"),
        "superseded": ("재발급으로 대체됨", "superseded by a reissue"),
    },
    "dong_change_kind": {
        "rename": ("명칭 변경", "rename"),
        "split": ("분동", "split"),
        "merge": ("통합", "merge"),
        "boundary": ("경계 조정", "boundary change"),
    },
    "match_status": {
        "open": ("검토 대기", "open"),
        "merged": ("병합됨", "merged"),
        "dismissed": ("다른 사람", "dismissed"),
        "unmerged": ("병합 취소됨", "unmerged"),
    },
    "import_status": {
        "committed": ("저장됨", "committed"),
        "undone": ("취소됨", "undone"),
    },
    # Why the matcher asked for a review (identity/matching.py REASON_*).
    "match_reason": {
        "name_birth_home_dong": (
            "이름·출생연도·거주동 일치",
            "same name, birth year and home dong",
        ),
        "name_birth": ("이름·출생연도 일치", "same name and birth year"),
    },
    # How a registration was resolved (identity/entry.py Outcome).
    "resolution": {
        "created": ("새로 등록됨", "registered"),
        "existing": ("이미 등록된 인물", "already registered"),
        "attached": ("다른 자치구에 알려진 인물을 연결함", "known elsewhere, attached"),
        "elsewhere": ("다른 자치구에 알려진 인물", "known elsewhere"),
    },
    # The staff home's work queue (home/queue.py KINDS).
    "work_queue": {
        "duplicates": ("중복 검토 대기", "possible duplicates to review"),
        "rejected_imports": ("오류 행이 남은 명단 가져오기", "imports with rejected rows"),
        "placements_ending": ("60일 안에 끝나는 전문가 배치", "placements ending within 60 days"),
        "new_deal_ending": ("60일 안에 끝나는 뉴딜일자리", "New Deal jobs ending within 60 days"),
        "careers_unverified": ("확인을 기다리는 경력", "careers waiting for verification"),
        "enrolments_without_attendance": (
            "출석 기록이 없는 교육 수강",
            "enrolments without attendance",
        ),
    },
    # Fact tables, as the review queue counts them (identity/review.py).
    "fact_table": {
        "participation": ("사업 참여", "project participation"),
        "group_membership": ("모임 회원", "group membership"),
        "attendance": ("활동 참석", "activity attendance"),
        "enrolment": ("교육 수강", "training enrolment"),
        "career": ("경력", "career"),
        "council_seat": ("주민자치회", "resident council seat"),
        "expert_placement": ("전문가 배치", "expert placement"),
    },
    # Timeline event kinds (timeline/schemas.py TimelineEvent.kind).
    "timeline_kind": {
        "participation": ("사업 참여", "project participation"),
        "membership": ("모임 회원", "group membership"),
        "attendance": ("활동 참석", "activity attendance"),
        "training": ("교육 이수", "training completed"),
        "council_seat": ("주민자치회", "resident council"),
        "career": ("경력", "career"),
        "placement": ("전문가 배치", "expert placement"),
        "network": ("마을넷", "village network"),
    },
    # The growth ladder's rungs (analytics/ladder.py Rung).
    "rung": {
        "participant": ("참여자", "participant"),
        "repeat_participant": ("다차 참여자", "repeat participant"),
        "lead_proposer": ("대표제안자", "lead proposer"),
        "higher_stage": ("상위 단계 사업", "higher-stage project"),
        "council_or_space": ("주민자치회 위원·공간 운영자", "council member or space operator"),
        "trained_expert": ("양성된 전문가", "trained expert"),
        "placed_expert": ("배치된 전문가", "placed expert"),
        "certified": ("경력증명 발급", "certified"),
    },
    # The error page's heading and hint: by error code first (csrf), else by HTTP status.
    "error_heading": {
        "auth.csrf_rejected": ("보안 확인에 실패했습니다", "security check failed"),
        "403": ("접근 권한이 없습니다", "access denied"),
        "404": ("찾을 수 없습니다", "not found"),
        "409": ("이미 있는 자료입니다", "already exists"),
        "422": ("입력값을 확인해 주세요", "please check your input"),
        "500": ("서버에서 문제가 생겼습니다", "something went wrong on the server"),
        "other": ("요청을 처리할 수 없습니다", "the request cannot be processed"),
    },
    "error_hint": {
        "auth.csrf_rejected": (
            "양식의 보안 토큰이 없거나 맞지 않습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.",
            "The form's security token is missing or wrong. Reload the page and try again.",
        ),
        "403": ("이 계정으로는 이 화면을 볼 수 없습니다.", "This account cannot see this page."),
        "404": (
            "요청한 자료가 없거나 볼 수 있는 범위 밖에 있습니다.",
            "What you asked for does not exist or is outside what you may see.",
        ),
        "500": (
            "잠시 후 다시 시도하고, 계속되면 시 관리자에게 알려 주세요.",
            "Try again shortly; if it persists, tell the city admin.",
        ),
    },
    # Analytics codes (not enums): age bands and the yearly report's indicators.
    "age_band": {
        "under_20": ("20세 미만", "under 20"),
        "20s": ("20대", "20s"),
        "30s": ("30대", "30s"),
        "40s": ("40대", "40s"),
        "50s": ("50대", "50s"),
        "60s": ("60대", "60s"),
        "70_plus": ("70세 이상", "70 and over"),
    },
    "indicator": {
        "participants": ("참여자", "participants"),
        "repeat_participants": ("다차 참여자", "repeat participants"),
        "lead_proposers": ("대표제안자", "lead proposers"),
        "projects": ("지원사업", "projects"),
    },
    # Form fields, as the logging pages name them in error summaries.
    "field": {
        "name": ("이름", "name"),
        "gender": ("성별", "gender"),
        "birth_year": ("출생연도", "birth year"),
        "phone": ("전화", "phone"),
        "email": ("이메일", "e-mail"),
        "home_dong_code": ("거주 행정동", "home dong"),
        "registered_district_code": ("등록 자치구", "registering district"),
        "district_code": ("자치구", "district"),
        "dong_code": ("행정동", "dong"),
        "theme": ("분야", "theme"),
        "founded_on": ("설립일", "founded on"),
        "year": ("사업연도", "year"),
        "group_id": ("모임", "group"),
        "programme": ("사업분야", "programme"),
        "stage": ("사업단계", "stage"),
        "grant_krw": ("지원금", "grant"),
        "self_cash_krw": ("자부담(현금)", "own contribution (cash)"),
        "self_noncash_krw": ("자부담(현금 외)", "own contribution (in kind)"),
        "person": ("인물", "person"),
        "person_id": ("인물", "person"),
        "role": ("역할", "role"),
        "valid_from": ("시작일", "start date"),
        "valid_to": ("종료일", "end date"),
        "last_day": ("종료일", "last day"),
        "title": ("활동명", "title"),
        "kind": ("종류", "kind"),
        "held_on": ("날짜", "date"),
        "hours": ("시간", "hours"),
        "person_ids": ("참석자", "attendees"),
        "reason": ("수정 구분", "kind of change"),
        "code": ("과정 코드", "programme code"),
        "min_attendance_percent": ("최소 출석률", "minimum attendance"),
        "min_hours": ("최소 이수 시간", "minimum hours"),
        "modules": ("회차", "sessions"),
        "prerequisite_ids": ("선수 과정", "prerequisites"),
        "program_id": ("교육과정", "programme"),
        "module_id": ("회차", "session"),
        "enrolled_on": ("수강 시작일", "enrolled on"),
        "cohort": ("기수", "cohort"),
        "hours_attended": ("출석 시간", "hours attended"),
        "job_type": ("직무", "job"),
        "employer": ("근무처", "employer"),
        "hours_per_week": ("주당 시간", "hours per week"),
        "per_dong": ("동별 목표", "target per dong"),
        "why": ("사유", "reason"),
        "on": ("날짜", "date"),
        "_form": ("입력", "input"),
        "username": ("아이디", "username"),
        "display_name": ("표시 이름", "display name"),
        "account_id": ("계정", "account"),
        "current_password": ("현재 비밀번호", "current password"),
        "new_password": ("새 비밀번호", "new password"),
        "new_password_confirm": ("새 비밀번호 확인", "new password again"),
        "password": ("비밀번호", "password"),
        "date_from": ("시작일", "from"),
        "date_to": ("종료일", "to"),
    },
    # Access-log actions (access_log/outputs.py): what was read or exported.
    "access_action": {
        "activity.attendance": ("활동 출석 명단", "activity attendance"),
        "audit.read": ("변경 이력 조회", "audit trail read"),
        "careers.read": ("경력 조회", "careers read"),
        "certificate.download": ("증명서 내려받기", "certificate download"),
        "certificate.issue": ("증명서 발급", "certificate issue"),
        "certificates.batch": ("증명서 일괄 발급", "certificate batch"),
        "certificates.list": ("증명서 목록", "certificate list"),
        "expert.own_record": ("전문가 본인 기록", "expert's own record"),
        "experts.coverage": ("전문가 배치 현황", "expert coverage"),
        "experts.placement": ("전문가 배치", "expert placement"),
        "experts.placements": ("전문가 배치 목록", "expert placements"),
        "experts.pool": ("전문가 풀", "expert pool"),
        "group.members": ("모임 회원 명단", "group members"),
        "identity.candidate": ("중복 후보 검토", "duplicate candidate"),
        "identity.candidates": ("중복 후보 목록", "duplicate candidates"),
        "import.rejected_rows": ("가져오기 거부 행", "import rejected rows"),
        "import.preview": ("가져오기 파일 미리보기", "import file preview"),
        "jobs.result": ("분석 작업 결과", "analytics job result"),
        "network.chain": ("관계 경로", "network chain"),
        "network.ego": ("개인 관계망", "ego network"),
        "network.export": ("관계망 내보내기", "network export"),
        "network.summary": ("관계망 요약", "network summary"),
        "network.ties_before_lead": ("대표 전 관계", "ties before lead"),
        "people.list": ("인물 목록·검색", "people list"),
        "person.history": ("인물 변경 이력", "person history"),
        "person.read": ("인물 상세 조회", "person read"),
        "person.update": ("인물 정보 수정", "person update"),
        "project.participants": ("사업 참여자 명단", "project participants"),
        "timeline.read": ("활동 연표", "timeline"),
        "training.read": ("교육 기록 조회", "training read"),
        "paperwork.application": ("사업 신청서 조회", "application read"),
    },
    # Audit-trail actions (audit.record): what was changed.
    "audit_action": {
        "create": ("등록", "created"),
        "update": ("수정", "updated"),
        "change": ("정보 변경", "details changed"),
        "correction": ("정보 정정", "details corrected"),
        "close": ("종료", "ended"),
        "void": ("취소", "voided"),
        "record": ("기록", "recorded"),
        "attendance": ("출석 기록", "attendance"),
        "import": ("가져오기", "import"),
        "undo": ("가져오기 되돌림", "import undone"),
        "merge": ("병합", "merged"),
        "unmerge": ("병합 취소", "unmerged"),
        "dismiss": ("중복 아님 처리", "dismissed"),
        "issue": ("발급", "issued"),
        "revoke": ("발급 취소", "revoked"),
        "supersede": ("재발급으로 대체", "superseded"),
        "verify": ("확인", "verified"),
        "withdraw": ("철회", "withdrawn"),
        "login_lockout": ("로그인 잠금", "login lockout"),
        "password_change": ("비밀번호 변경", "password changed"),
        "password_reset": ("비밀번호 재설정", "password reset"),
        "disable": ("계정 정지", "disabled"),
        "enable": ("계정 재개", "re-enabled"),
    },
    # Audited tables (audit.record's entity), as the audit page names them.
    "audit_entity": {
        "user_account": ("계정", "account"),
        "person": ("인물", "person"),
        "group": ("모임", "group"),
        "project": ("사업", "project"),
        "group_membership": ("모임 회원", "membership"),
        "enrolment": ("교육 등록", "enrolment"),
        "module_attendance": ("교육 출석", "training attendance"),
        "training_program": ("교육 과정", "training programme"),
        "person_match_candidate": ("중복 후보", "duplicate candidate"),
        "participation": ("사업 참여", "participation"),
        "activity": ("활동", "activity"),
        "import_batch": ("명단 가져오기", "import batch"),
        "expert_placement": ("전문가 배치", "expert placement"),
        "career": ("경력", "career"),
        "certificate": ("증명서", "certificate"),
        "login_account": ("로그인(계정)", "login (account)"),
        "login_address": ("로그인(주소)", "login (address)"),
    },
}

# Feature label modules join here (below the table, hence E402).
from maeul_db.wording.labels_paperwork import (  # noqa: E402
    AUDIT_ENTITIES_PAPERWORK,
    FIELDS_PAPERWORK,
    LABELS_PAPERWORK,
)
from maeul_db.wording.labels_privacy import LABELS_PRIVACY  # noqa: E402

LABELS.update(LABELS_PRIVACY)

from maeul_db.wording.labels_i12_councils import LABELS_I12_COUNCILS  # noqa: E402

# Merged kind by kind: the councils add field names to the shared "field" table.
for _kind, _pairs in LABELS_I12_COUNCILS.items():
    LABELS.setdefault(_kind, {}).update(_pairs)
from maeul_db.wording.labels_i12_assembly import LABELS_I12_ASSEMBLY  # noqa: E402

LABELS.update(LABELS_I12_ASSEMBLY)
LABELS.update(LABELS_PAPERWORK)
LABELS["audit_entity"].update(AUDIT_ENTITIES_PAPERWORK)
LABELS["field"].update({k: v for k, v in FIELDS_PAPERWORK.items() if k not in LABELS["field"]})
from maeul_db.wording.labels_i15_settle import LABELS_I15_SETTLE  # noqa: E402

for _kind, _pairs in LABELS_I15_SETTLE.items():
    LABELS.setdefault(_kind, {}).update(_pairs)
from maeul_db.wording.labels_i10_pipe import LABELS_I10_PIPE  # noqa: E402

LABELS.update(LABELS_I10_PIPE)
from maeul_db.wording.labels_i11_jobs import LABELS_I11_JOBS  # noqa: E402

LABELS.update(LABELS_I11_JOBS)
from maeul_db.wording.labels_i15_requests import LABELS_I15_REQUESTS  # noqa: E402

for _kind, _pairs in LABELS_I15_REQUESTS.items():
    LABELS.setdefault(_kind, {}).update(_pairs)
from maeul_db.wording.labels_i15_timeline import LABELS_I15_TIMELINE  # noqa: E402

for _kind, _pairs in LABELS_I15_TIMELINE.items():
    LABELS.setdefault(_kind, {}).update(_pairs)
