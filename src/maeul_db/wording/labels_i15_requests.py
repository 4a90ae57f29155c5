"""Words for the training and consulting requests' codes (issue 15, item 9), merged kind by kind
into ``labels.LABELS``."""

from __future__ import annotations

Pair = tuple[str, str]

LABELS_I15_REQUESTS: dict[str, dict[str, Pair]] = {
    "training_request_status": {
        "submitted": ("신청", "submitted"),
        "accepted": ("수강 확정", "accepted"),
        "refused": ("반려", "refused"),
        "withdrawn": ("신청 취소", "withdrawn"),
    },
    "consulting_status": {
        "requested": ("요청", "requested"),
        "assigned": ("전문가 배정", "expert assigned"),
        "done": ("완료", "done"),
        "refused": ("반려", "refused"),
        "withdrawn": ("요청 취소", "withdrawn"),
    },
    "support_column": {
        "id": ("번호", "number"),
        "person": ("신청인", "applicant"),
        "programme": ("교육과정", "programme"),
        "status": ("상태", "status"),
        "group": ("모임", "group"),
        "topic": ("주제", "topic"),
    },
    "support_request_kind": {
        "training": ("교육 신청", "training request"),
        "consulting": ("컨설팅 요청", "consulting request"),
    },
    "audit_entity": {
        "training_request": ("교육 신청", "training request"),
        "consulting_request": ("컨설팅 요청", "consulting request"),
        "consulting_record": ("컨설팅 기록", "consulting record"),
    },
    "access_action": {
        "support.training_requests": ("교육 신청 목록", "training requests"),
        "support.training_request": ("교육 신청 조회", "training request read"),
        "support.consulting_request": ("컨설팅 요청 조회", "consulting request read"),
    },
    "field": {
        "topic": ("컨설팅 주제", "topic"),
        "detail": ("요청 내용", "details"),
        "motivation": ("신청 동기", "motivation"),
        "expert_person_id": ("배정 전문가", "expert"),
    },
}
