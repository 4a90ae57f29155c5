"""Messages of the training, expert-pool and career pages (issue 16: training, placements, careers)."""

from __future__ import annotations

MESSAGES_I16_TRAINING: dict[str, tuple[str, str]] = {
    "career.district_required": (
        "경력을 확인할 자치구를 고르세요",
        "choose the district that will verify the job",
    ),
    "career.review_staff_only": (
        "자치구 담당자와 시 관리자만 경력을 검토합니다",
        "only district staff and the city admin review careers",
    ),
    "career.end_required": ("종료일을 입력하세요", "enter the last day"),
    "career.placement_linked": (
        "배치로 생긴 경력입니다. 배치를 종료하거나 정정하세요",
        "this job records a placement: end or correct the placement instead",
    ),
    "career.placement_employer": (
        "{district} {dong} 마을자치전문가 배치",
        "{district} {dong} village autonomy expert placement",
    ),
    "career.new_deal_over_limit": (
        "뉴딜일자리는 23개월을 넘을 수 없습니다. 기간을 확인하세요",
        "a New Deal job may not last longer than 23 months; check the period",
    ),
    "expert.target_forbidden": (
        "이 자치구의 배치 목표를 바꿀 권한이 없습니다",
        "you cannot change this district's target",
    ),
    "expert.target_out_of_range": (
        "동별 목표는 {low}명에서 {high}명 사이여야 합니다",
        "the target per dong must be between {low} and {high}",
    ),
    "expert.unknown_district": ("알 수 없는 자치구: {code}", "unknown district: {code}"),
    "training.bad_hours": (
        "출석 시간은 0 이상 {high} 이하의 숫자여야 합니다",
        "hours attended must be a number from 0 to {high}",
    ),
}
