"""Words for the project timeline (issue 15: "the project's timeline shows it all"), merged into
``labels.LABELS``."""

from __future__ import annotations

Pair = tuple[str, str]

LABELS_I15_TIMELINE: dict[str, dict[str, Pair]] = {
    # What a step of a project's timeline is about (timeline/project.py).
    "project_step_kind": {
        "application": ("신청서", "application"),
        "project": ("사업", "project"),
        "participants": ("참여자", "participants"),
        "activity": ("활동", "activity"),
        "report": ("결과보고", "result report"),
        "settlement": ("정산", "settlement"),
        "botame": ("보탬e", "botame"),
    },
    # Steps that are not a status of their own.
    "project_step": {
        "created": ("사업 등록", "project registered"),
        "created_from_application": (
            "선정된 신청서로 사업 생성",
            "project made from the application",
        ),
        "joined": ("참여 시작", "joined"),
        "left": ("참여 종료", "left"),
        "held": ("활동 기록", "activity held"),
        "botame_id": ("보탬e 사업번호 등록", "botame id recorded"),
    },
    "access_action": {
        "project.timeline": ("사업 연표 조회", "project timeline read"),
    },
}
