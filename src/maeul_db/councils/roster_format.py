"""The council roster sheet's format: columns and the spellings an uploaded file may use.

Format data, not wording (see ``imports/columns.py``): these Korean headers and values are what
the parser reads, documented in ``docs/import-format.md`` ("주민자치회 명단")."""

from __future__ import annotations

from maeul_db.imports.columns import ColumnSpec, header_key
from maeul_db.models import CouncilRole, Gender, SelectionMethod

COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("name", "성명", "name", True, ("이름", "위원명")),
    ColumnSpec("birth_year", "출생연도", "birth_year", True, ("생년", "출생년도", "birthyear")),
    ColumnSpec("gender", "성별", "gender", True, ("sex", "남녀")),
    ColumnSpec("phone", "휴대폰", "phone", False, ("연락처", "전화번호", "휴대전화")),
    ColumnSpec("role", "역할", "role", True, ("직위", "직책", "구분")),
    ColumnSpec("chosen_by", "선출방식", "chosen_by", True, ("선정방식", "선발방식", "선출")),
    ColumnSpec("start_date", "시작일", "start_date", True, ("임기시작일", "위촉일")),
    ColumnSpec("end_date", "종료일", "end_date", False, ("임기종료일", "해촉일")),
    ColumnSpec("subcommittee", "분과", "subcommittee", False, ("분과명", "소속분과")),
)


def _vocab(pairs: dict[str, str]) -> dict[str, str]:
    return {header_key(k): v for k, v in pairs.items()}


ROLES = _vocab(
    {
        "위원장": CouncilRole.chair,
        "회장": CouncilRole.chair,
        "부위원장": CouncilRole.vice_chair,
        "부회장": CouncilRole.vice_chair,
        "간사": CouncilRole.secretary,
        "위원": CouncilRole.member,
        "회원": CouncilRole.member,
        "분과장": CouncilRole.subcommittee_chair,
        "분과위원장": CouncilRole.subcommittee_chair,
        **{role.value: role for role in CouncilRole},
    }
)
METHODS = _vocab(
    {
        "공개모집": SelectionMethod.open_call,
        "공모": SelectionMethod.open_call,
        "추천": SelectionMethod.recommended,
        "추첨": SelectionMethod.lottery,
        "공개추첨": SelectionMethod.lottery,
        **{method.value: method for method in SelectionMethod},
    }
)
GENDERS = _vocab(
    {
        "여": Gender.female,
        "여성": Gender.female,
        "남": Gender.male,
        "남성": Gender.male,
        "f": Gender.female,
        "m": Gender.male,
        **{g.value: g for g in Gender},
    }
)
