"""How rosters really name their columns and values (issue 10): the synonyms the tolerant reader
accepts beyond the format's own headers and vocabularies (``columns.py``).

Format data, not wording (like ``columns.py``): these are what an uploaded file may contain, so a
reworded catalogue must not change them. Matching is on ``header_key`` form (no case, spaces,
underscores or hyphens), so each spelling is listed once.
"""

from __future__ import annotations

from maeul_db.models import Gender, ParticipationRole, Stage

# Field key → further header spellings (the format's own are in columns.COLUMNS).
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "year": ("년도", "사업년도", "지원연도", "business year"),
    "district": ("자치구명", "구명", "소재구"),
    "dong": ("동명", "사업동", "활동동", "소재동", "행정동명", "adm dong"),
    "project": ("사업이름", "사업명칭", "지원사업명", "project name"),
    "stage": ("지원유형", "사업유형", "유형", "지원단계", "stage name"),
    "programme": ("사업구분", "지원분야", "programme name", "program name"),
    "group": ("모임이름", "단체명", "공동체", "모임명칭", "group name", "community"),
    "name": ("참여자명", "참가자명", "성함", "이름(성명)", "full name", "person"),
    "gender": ("남녀", "남/여", "성별(남/여)", "sex/gender"),
    "birth_year": (
        "생년월일",
        "출생일",
        "생일",
        "출생연월일",
        "생년(4자리)",
        "year of birth",
        "birth date",
        "date of birth",
        "dob",
    ),
    "phone": (
        "핸드폰",
        "핸드폰번호",
        "휴대폰번호",
        "휴대전화번호",
        "전화",
        "연락처(휴대폰)",
        "mobile",
    ),
    "email": ("메일", "이메일주소", "mail"),
    "home_dong": ("거주지", "거주지(동)", "사는동", "주소(동)", "주소"),
    "role": ("구분", "직책", "참여역할", "모임내역할", "position"),
    "start_date": ("참여일", "가입일", "참여시작", "시작일자", "start day"),
    "end_date": ("탈퇴일", "참여종료", "종료일자", "last day"),
    "consent_date": ("동의날짜", "개인정보동의일", "consent date"),
    "consent_items": ("동의내용", "동의사항", "consent items"),
}

# Row-number columns: read past without a warning.
SERIAL_HEADERS = ("연번", "번호", "순번", "순서", "no", "no.", "#", "num")

# Value synonyms, added to the vocabularies of columns.py.
ROLE_SYNONYMS: dict[str, str] = {
    "대표자": ParticipationRole.lead_proposer,
    "모임대표": ParticipationRole.lead_proposer,
    "회장": ParticipationRole.lead_proposer,
    "리더": ParticipationRole.lead_proposer,
    "제안자": ParticipationRole.lead_proposer,
    "공동대표": ParticipationRole.co_proposer,
    "공동제안": ParticipationRole.co_proposer,
    "부대표": ParticipationRole.co_proposer,
    "회원": ParticipationRole.participant,
    "구성원": ParticipationRole.participant,
    "일반회원": ParticipationRole.participant,
    "모임원": ParticipationRole.participant,
    "참가자": ParticipationRole.participant,
    "주민": ParticipationRole.participant,
    "member": ParticipationRole.participant,
    "lead": ParticipationRole.lead_proposer,
}
GENDER_SYNONYMS: dict[str, str] = {
    "女": Gender.female,
    "男": Gender.male,
    "w": Gender.female,
    "woman": Gender.female,
    "man": Gender.male,
}
STAGE_SYNONYMS: dict[str, str] = {
    "이웃모임": Stage.group_formation,
    "씨앗": Stage.group_formation,
    "씨앗단계": Stage.group_formation,
    "모임형성지원": Stage.group_formation,
    "우리마을": Stage.activity_support,
    "활동지원사업": Stage.activity_support,
    "연계망": Stage.village_network,
    "마을계획단": Stage.village_plan,
}

# Dates as people write them: "2016년 4월 1일".
DATE_WORDS = ("년", "월", "일")
# Footer rows: the first filled cell says one of these (or starts with NOTE_MARK).
FOOTER_WORDS = ("합계", "계", "총", "총계", "소계", "총원", "누계", "total", "sum")
NOTE_MARK = "※"
# Official dong names carry 제 before the number (정릉제1동); everyday ones do not (정릉1동).
DONG_NUMBER_PREFIX = "제"
