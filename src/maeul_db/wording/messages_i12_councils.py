"""Messages of the resident-council pages and services (issue 12: councils, seats, draws)."""

from __future__ import annotations

MESSAGES_I12_COUNCILS: dict[str, tuple[str, str]] = {
    "menu.councils": ("주민자치회", "resident councils"),
    "council.not_found": ("주민자치회를 찾을 수 없습니다", "council not found"),
    "council.write_forbidden": (
        "이 자치구의 주민자치회를 관리할 권한이 없습니다",
        "you cannot manage this district's councils",
    ),
    "council.exists": (
        "{dong}에는 이미 주민자치회가 있습니다 (동마다 하나)",
        "{dong} already has a council (one per dong)",
    ),
    "council.breach_gender": (
        "{since}부터 {gender} 위원이 {share}%로 한 성별 60% 이하 기준을 넘습니다",
        "from {since} {gender} members are {share}%, above the 60% limit for one gender",
    ),
    "council.breach_young": (
        "{since}부터 40대 이하 위원이 {share}%로 15% 이상 기준에 못 미칩니다",
        "from {since} members in their 40s or younger are {share}%, below the 15% minimum",
    ),
    "council.override_city_admin_only": (
        "주민자치학교 6시간 미이수자의 위촉은 시 관리자만 사유를 적어 승인할 수 있습니다",
        "only the city admin may seat someone without 6 council-school hours, with a reason",
    ),
    "council.seat_before_founding": (
        "위촉일이 주민자치회 설립일({day})보다 빠릅니다",
        "the seat starts before the council was founded ({day})",
    ),
    "council.seat_overlaps": (
        "이 사람은 {since}부터 이미 위원입니다. 역할을 바꾸려면 기존 임기를 먼저 종료하세요",
        "this person already holds a seat from {since}; end it first to change the role",
    ),
    "council.seat_not_found": ("위원 기록을 찾을 수 없습니다", "seat not found"),
    "council.applicant_exists": (
        "이 사람은 같은 임기에 이미 신청했습니다",
        "this person has already applied for this term",
    ),
    "council.draw_no_applicants": (
        "이 임기에 주민자치학교를 이수한 신청자가 없어 추첨할 수 없습니다",
        "no applicant for this term has completed council school; nothing to draw",
    ),
    "council.subcommittee_exists": (
        "'{name}' 분과가 이미 있습니다",
        "subcommittee '{name}' already exists",
    ),
    "council.subcommittee_not_found": ("분과를 찾을 수 없습니다", "subcommittee not found"),
    "council.meeting_not_seated": (
        "출석자 중 그날 위원(분과원)이 아닌 사람이 있습니다",
        "someone marked present was not seated on that day",
    ),
    "council.absence_run": (
        "{day}까지 회의에 {run}회 연속 불참했습니다 (해촉 검토 대상)",
        "missed {run} meetings in a row up to {day} (removal to consider)",
    ),
}
