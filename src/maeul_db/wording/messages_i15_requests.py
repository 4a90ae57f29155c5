"""Messages of the training and consulting requests (issue 15, item 9)."""

from __future__ import annotations

MESSAGES_I15_REQUESTS: dict[str, tuple[str, str]] = {
    "menu.training_requests": ("교육 신청", "training requests"),
    "menu.consulting_requests": ("컨설팅 요청", "consulting requests"),
    "support.transition_invalid": (
        "{current} 상태에서 {to} 상태로 바꿀 수 없습니다",
        "a request cannot go from {current} to {to}",
    ),
    "support.transition_forbidden": (
        "{current} 상태의 요청을 {to} 상태로 바꿀 권한이 없습니다",
        "you may not move a request from {current} to {to}",
    ),
    "support.reason_required": ("반려 사유를 적어 주세요", "give the reason for refusing"),
    "support.training_request_not_found": (
        "교육 신청을 찾을 수 없습니다",
        "training request not found",
    ),
    "support.consulting_request_not_found": (
        "컨설팅 요청을 찾을 수 없습니다",
        "consulting request not found",
    ),
    "support.programme_other_district": (
        "다른 자치구가 운영하는 교육과정에는 신청할 수 없습니다",
        "the programme is run by another district",
    ),
    "support.training_request_twice": (
        "이 사람은 이미 이 교육과정에 신청했거나 수강이 확정되었습니다",
        "this person has already applied for or been accepted on this programme",
    ),
    "support.person_required": ("신청할 사람을 고르세요", "choose the person applying"),
    "support.group_required": ("모임을 고르세요", "choose the group"),
    "support.member_details": (
        "신청할 회원의 이름과 출생연도를 적어 주세요",
        "give the member's name and birth year",
    ),
    "support.not_a_member": (
        "{group}의 회원 가운데 이 이름과 출생연도를 가진 사람이 없습니다",
        "no member of {group} has this name and birth year",
    ),
    "support.assign_forbidden": (
        "전문가 배정은 모임이 속한 자치구 담당자만 할 수 있습니다",
        "only the group's district staff may assign an expert",
    ),
    "support.expert_not_in_pool": (
        "이 사람은 전문가 풀(기본·강의실습·활동가 과정 이수)에 없습니다",
        "this person is not in the expert pool",
    ),
    "support.record_forbidden": (
        "컨설팅 기록은 모임이 속한 자치구 담당자만 남길 수 있습니다",
        "only the group's district staff may record consulting",
    ),
    "support.record_not_assigned": (
        "전문가가 배정된 요청에만 컨설팅 기록을 남길 수 있습니다",
        "consulting is recorded only on a request with an expert assigned",
    ),
    "support.use_assign": (
        "전문가 배정은 배정 양식으로 하세요",
        "assign an expert with the assignment form",
    ),
    "support.done_without_record": (
        "컨설팅 기록(일자·시간)을 하나 이상 남긴 뒤 완료하세요",
        "record at least one meeting (day and hours) before closing",
    ),
}
