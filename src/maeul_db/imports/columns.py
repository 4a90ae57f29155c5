"""The roster format: columns (Korean header, English alias, other accepted spellings) and the
vocabularies of the choice columns. ``docs/import-format.md`` describes the same table.

Format data, not wording: the Korean headers and spellings here are what an uploaded file may
contain, so they live beside the parser rather than in the wording catalogue (which may reword
what the product says without changing what it reads)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from maeul_db.imports.synonyms import GENDER_SYNONYMS, ROLE_SYNONYMS, STAGE_SYNONYMS
from maeul_db.models import ConsentPurpose, Gender, ParticipationRole, Programme, Stage


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    korean: str
    english: str
    required: bool
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("year", "사업연도", "year", True, ("연도", "사업년도")),
    ColumnSpec("district", "자치구", "district", True, ("구",)),
    ColumnSpec("dong", "행정동", "dong", True, ("동",)),
    ColumnSpec("project", "사업명", "project", True, ("사업",)),
    ColumnSpec("stage", "사업단계", "stage", True, ("단계",)),
    ColumnSpec("programme", "사업분야", "programme", False, ("분야", "program")),
    ColumnSpec("group", "모임명", "group", True, ("모임", "공동체명")),
    ColumnSpec("name", "성명", "name", True, ("이름",)),
    ColumnSpec("gender", "성별", "gender", True, ("sex",)),
    ColumnSpec("birth_year", "출생연도", "birth_year", True, ("생년", "출생년도", "birthyear")),
    ColumnSpec("phone", "연락처", "phone", False, ("전화번호", "휴대전화", "휴대폰")),
    ColumnSpec("email", "이메일", "email", False, ("전자우편", "e-mail")),
    ColumnSpec("home_dong", "거주동", "home_dong", False, ("거주행정동",)),
    ColumnSpec("role", "역할", "role", True, ("참여구분",)),
    ColumnSpec("start_date", "참여시작일", "start_date", False, ("시작일",)),
    ColumnSpec("end_date", "참여종료일", "end_date", False, ("종료일",)),
    # The consent form's date and the purposes ticked on it (issue 13); without them a new person
    # gets the participation consent the roster itself implies, undated.
    ColumnSpec("consent_date", "동의일", "consent_date", False, ("동의일자",)),
    ColumnSpec("consent_items", "동의항목", "consent_items", False, ("동의범위",)),
)
BY_KEY = {spec.key: spec for spec in COLUMNS}
# A year cell may say "2024년".
YEAR_SUFFIX = "년"
# The second row of the blank template, showing one filled-in row.
EXAMPLE_ROW = (
    "2024",
    "종로구",
    "청운효자동",
    "청운 이웃 책모임",
    "모임형성",
    "마을공동체",
    "책읽는 이웃",
    "김민지",
    "여",
    "1985",
    "010-1234-5678",
    "minji@example.org",
    "청운효자동",
    "대표제안자",
    "2024-04-01",
    "2024-11-30",
    "2024-03-25",
    "참여기록, 연락",
)


@lru_cache(maxsize=65_536)
def header_key(text: str) -> str:
    """Headers compare without case, spaces, underscores or hyphens: "Birth Year" = "birth_year"."""
    return re.sub(r"[\s_\-]+", "", unicodedata.normalize("NFKC", text)).lower()


HEADERS: dict[str, str] = {}
for _spec in COLUMNS:
    for _text in (_spec.korean, _spec.english, _spec.key, *_spec.aliases):
        HEADERS[header_key(_text)] = _spec.key


def _vocab(pairs: dict[str, str]) -> dict[str, str]:
    # Plain str, not the StrEnum: PostgreSQL COPY would dump an enum by its name, not its value.
    return {header_key(text): str(value) for text, value in pairs.items()}


STAGES = _vocab(
    {
        "모임형성": Stage.group_formation,
        "주민모임형성": Stage.group_formation,
        "이웃만들기": Stage.group_formation,
        "활동지원": Stage.activity_support,
        "우리마을활동": Stage.activity_support,
        "마을연계망": Stage.village_network,
        "공동체공간": Stage.community_space,
        "마을계획": Stage.village_plan,
        "주민자치회": Stage.resident_council,
        **{stage.value: stage.value for stage in Stage},
        **STAGE_SYNONYMS,
    }
)
PROGRAMMES = _vocab(
    {
        "마을공동체": Programme.village_community,
        "마을공동체지원사업": Programme.village_community,
        "부모커뮤니티": Programme.parent_community,
        "공동육아": Programme.co_parenting,
        "마을예술창작소": Programme.village_art_studio,
        "마을미디어": Programme.village_media,
        "아파트공동체": Programme.apartment_community,
        "에너지자립마을": Programme.energy_village,
        "마을기업": Programme.village_enterprise,
        **{programme.value: programme.value for programme in Programme},
    }
)
GENDERS = _vocab(
    {
        "여": Gender.female,
        "여성": Gender.female,
        "여자": Gender.female,
        "F": Gender.female,
        "female": Gender.female,
        "남": Gender.male,
        "남성": Gender.male,
        "남자": Gender.male,
        "M": Gender.male,
        "male": Gender.male,
        "밝히지않음": Gender.unstated,
        "X": Gender.unstated,
        **GENDER_SYNONYMS,
    }
)
ROLES = _vocab(
    {
        "대표제안자": ParticipationRole.lead_proposer,
        "대표": ParticipationRole.lead_proposer,
        "공동제안자": ParticipationRole.co_proposer,
        "참여자": ParticipationRole.participant,
        "참여": ParticipationRole.participant,
        **{role.value: role.value for role in ParticipationRole},
        **ROLE_SYNONYMS,
    }
)
CONSENT_PURPOSES = _vocab(
    {
        "참여기록": ConsentPurpose.participation,
        "참여": ConsentPurpose.participation,
        "연락": ConsentPurpose.contact,
        "연락수신": ConsentPurpose.contact,
        "사업소식": ConsentPurpose.contact,
        "연구": ConsentPurpose.research,
        "연구활용": ConsentPurpose.research,
        "가명정보": ConsentPurpose.research,
        "사진": ConsentPurpose.photos,
        "사진촬영": ConsentPurpose.photos,
        "제3자제공": ConsentPurpose.third_party,
        **{purpose.value: purpose.value for purpose in ConsentPurpose},
    }
)
# 동의항목 lists purposes separated by commas, slashes or middle dots.
CONSENT_SEPARATORS = re.compile(r"[,/·;]+")
