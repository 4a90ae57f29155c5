"""Words for the resident-council codes (issue 12), merged into ``labels.LABELS``."""

from __future__ import annotations

Pair = tuple[str, str]

LABELS_I12_COUNCILS: dict[str, dict[str, Pair]] = {
    "selection_method": {
        "open_call": ("공개모집", "open call"),
        "recommended": ("추천", "recommended"),
        "lottery": ("추첨", "lottery"),
    },
    "draw_outcome": {
        "selected": ("당첨", "selected"),
        "reserve": ("예비", "reserve"),
    },
    "council_rule": {
        "gender_share": ("한 성별 60% 이하", "one gender at most 60%"),
        "young_share": ("40대 이하 15% 이상", "aged 40s or younger at least 15%"),
    },
    "field": {
        "replaced_committee": ("이전 주민자치위원회", "committee replaced"),
        "term_years": ("임기(년)", "term (years)"),
        "chosen_by": ("선정 방식", "how chosen"),
        "override_reason": ("미이수 위촉 사유", "override reason"),
        "applied_on": ("신청일", "applied on"),
        "term_start": ("임기 시작일", "term starts"),
        "drawn_on": ("추첨일", "drawn on"),
        "women_seats": ("여성 당첨 인원", "seats for women"),
        "men_seats": ("남성 당첨 인원", "seats for men"),
        "seed": ("추첨 시드", "draw seed"),
        "subcommittee_id": ("분과", "subcommittee"),
        "present_person_ids": ("출석자", "present"),
    },
    "access_action": {
        "councils.view": ("주민자치회 조회", "council page"),
        "councils.appoint": ("주민자치회 위원 위촉", "council seat"),
        "councils.close_seat": ("주민자치회 위원 임기 종료", "council seat ended"),
        "councils.applicant": ("주민자치회 위원 신청", "council applicant"),
        "councils.draw": ("주민자치회 공개 추첨", "council draw"),
        "councils.subcommittee": ("주민자치회 분과원", "subcommittee member"),
    },
    "audit_action": {
        "override_council_school": ("주민자치학교 미이수 위촉 승인", "council school overridden"),
        "draw": ("추첨", "draw"),
    },
    "audit_entity": {
        "council": ("주민자치회", "council"),
        "council_seat": ("주민자치회 위원", "council seat"),
        "council_applicant": ("주민자치회 신청자", "council applicant"),
        "council_draw": ("주민자치회 추첨", "council draw"),
        "council_subcommittee": ("주민자치회 분과", "subcommittee"),
        "council_subcommittee_member": ("주민자치회 분과원", "subcommittee member"),
        "council_meeting": ("주민자치회 회의", "council meeting"),
    },
}
