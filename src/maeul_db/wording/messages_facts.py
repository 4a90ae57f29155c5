"""Messages of duplicate facts, role changes, voiding and attendance sheets (issue 14, i14-facts).

A duplicate names the record that already exists (``existing_id``); the API adds that id to its
409 body and the pages link to it.
"""

from __future__ import annotations

MESSAGES_FACTS: dict[str, tuple[str, str]] = {
    "group.duplicate": (
        "이 자치구에 같은 이름의 모임 '{name}'이(가) 이미 있습니다 (모임 번호 {existing_id})",
        "a group named '{name}' already exists in this district (group {existing_id})",
    ),
    "project.duplicate": (
        "이 자치구·연도에 같은 이름의 사업 '{name}'이(가) 이미 있습니다 (사업 번호 {existing_id})",
        "a project named '{name}' already exists in this district and year (project {existing_id})",
    ),
    "participation.duplicate": (
        "이 사람은 이미 이 사업에 참여 중입니다 ({since}부터, 참여 기록 {existing_id}). "
        "역할이 바뀌었다면 그 기록에서 역할을 바꾸세요",
        "this person already takes part in the project (since {since}, participation "
        "{existing_id}); change the role on that record instead",
    ),
    "membership.duplicate": (
        "이 사람은 이미 이 모임의 회원입니다 ({since}부터, 회원 기록 {existing_id}). "
        "역할이 바뀌었다면 그 기록에서 역할을 바꾸세요",
        "this person is already a member of the group (since {since}, membership "
        "{existing_id}); change the role on that record instead",
    ),
    "career.edit_forbidden": (
        "이 경력을 고칠 권한이 없습니다 (그 자치구 담당자나 서울시 관리자만)",
        "cannot change this career (staff of its district or the city admin only)",
    ),
    "interval.same_role": ("이미 그 역할입니다", "the record already has that role"),
    "interval.change_outside": (
        "변경일은 시작일 다음 날부터 종료 전까지여야 합니다",
        "the change date must fall after the start and before the end",
    ),
    "attendance.already_recorded": (
        "이미 출석으로 기록된 인물: {person_ids}",
        "attendance already recorded: {person_ids}",
    ),
    "attendance.not_found": ("출석 기록을 찾을 수 없습니다", "attendance not found"),
    "attendance.reason_required": (
        "참석자를 빼는 사유가 필요합니다",
        "a reason is required to remove an attendee",
    ),
    "import_row.duplicate_participation": (
        "같은 사람이 이 사업에 이미 다른 역할로 참여 중입니다 (참여 기록 {existing}). "
        "역할이 바뀌었다면 사업 페이지에서 그 기록의 역할을 바꾸세요",
        "the same person already takes part in this project with another role "
        "(participation {existing}); change the role on that record instead",
    ),
    "import_row.duplicate_participation_in_file": (
        "같은 사람이 같은 사업에 {existing_row}행에서 다른 역할로 이미 나옵니다. "
        "한 사업에 한 사람은 한 역할로 한 번만 적습니다",
        "the same person is already listed for this project with another role on row "
        "{existing_row}; list a person once per project, with one role",
    ),
}
