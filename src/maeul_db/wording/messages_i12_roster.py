"""Messages of the council roster import (issue 12 item 5)."""

from __future__ import annotations

MESSAGES_I12_ROSTER: dict[str, tuple[str, str]] = {
    "council_roster.name_required": ("성명이 비어 있습니다", "the name is empty"),
    "council_roster.bad_year": (
        "출생연도 '{value}'을(를) 읽을 수 없습니다 (예: 1975)",
        "cannot read the birth year '{value}' (e.g. 1975)",
    ),
    "council_roster.bad_gender": (
        "성별 '{value}'을(를) 알 수 없습니다 (여/남)",
        "unknown gender '{value}' (F/M)",
    ),
    "council_roster.bad_role": (
        "역할 '{value}'을(를) 알 수 없습니다 (위원장, 부위원장, 간사, 위원, 분과장)",
        "unknown role '{value}' (chair, vice chair, secretary, member, subcommittee chair)",
    ),
    "council_roster.bad_method": (
        "선출방식 '{value}'을(를) 알 수 없습니다 (공개모집, 추천, 추첨)",
        "unknown selection method '{value}' (open call, recommended, lottery)",
    ),
    "council_roster.subcommittee_created": (
        "분과 '{name}'이(가) 없어 새로 만들었습니다",
        "the subcommittee '{name}' did not exist and was created",
    ),
    "council_roster.bad_subcommittee": (
        "분과 이름 '{value}…'이(가) 너무 깁니다 (100자까지)",
        "the subcommittee name '{value}…' is too long (100 characters at most)",
    ),
    "council_roster.date_required": ("시작일이 비어 있습니다", "the start date is empty"),
    "council_roster.not_registered": (
        "이 사람을 등록할 수 없습니다",
        "this person cannot be registered",
    ),
    "council_roster.file_refused": (
        "거부된 행이 {count}개 있어 파일 전체를 반영하지 않았습니다",
        "{count} rows were refused, so nothing in the file was written",
    ),
}
